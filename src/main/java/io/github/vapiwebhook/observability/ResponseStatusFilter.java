package io.github.vapiwebhook.observability;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts the answers of the webhook path by HTTP status, refusals by the body limit and
 * by authentication included: it runs first on the path.
 */
class ResponseStatusFilter extends HttpFilter {

	static final String RESPONSES = "vapi.webhook.responses";

	private final MeterRegistry registry;

	/** Counters by status code, created on first use (100-599). */
	private final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(600);

	ResponseStatusFilter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean completed = false;
		try {
			chain.doFilter(request, response);
			completed = true;
		}
		finally {
			// an exception escaping the chain becomes Tomcat's 500
			counter(completed ? response.getStatus() : 500).increment();
		}
	}

	private Counter counter(int status) {
		int index = (status >= 100 && status < 600) ? status : 500;
		Counter counter = this.byStatus.get(index);
		if (counter == null) {
			counter = Counter.builder(RESPONSES)
				.description("Answers of the webhook path by HTTP status")
				.tag("status", Integer.toString(index))
				.register(this.registry);
			this.byStatus.set(index, counter);
		}
		return counter;
	}

}
