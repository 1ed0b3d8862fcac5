package io.github.vapiwebhook.observability;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts the answers of the webhook path by the HTTP status actually sent, refusals by
 * the body limit and by authentication included. The filter, first on the path, marks the
 * request; the count is taken when the request leaves the application (as a request
 * listener), after the container has turned an exception into its error answer and after
 * an asynchronous answer completed.
 */
class ResponseStatusFilter extends HttpFilter implements ServletRequestListener {

	static final String RESPONSES = "vapi.webhook.responses";

	private static final String RESPONSE_ATTRIBUTE = ResponseStatusFilter.class.getName() + ".response";

	private final MeterRegistry registry;

	/** Counters by status code, created on first use (100-599). */
	private final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(600);

	ResponseStatusFilter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(RESPONSE_ATTRIBUTE, response);
		chain.doFilter(request, response);
	}

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		if (event.getServletRequest().getAttribute(RESPONSE_ATTRIBUTE) instanceof HttpServletResponse response) {
			counter(response.getStatus()).increment();
		}
	}

	private Counter counter(int status) {
		int index = (status >= 100 && status < 600) ? status : 500;
		Counter counter = this.byStatus.get(index);
		if (counter == null) {
			counter = Counter.builder(RESPONSES)
				.description("Answers of the webhook path by the HTTP status sent")
				.tag("status", Integer.toString(index))
				.register(this.registry);
			this.byStatus.set(index, counter);
		}
		return counter;
	}

}
