package io.github.vapiwebhook.observability;

import java.io.IOException;

import io.github.vapiwebhook.webhook.CachedBodyRequest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records the size of each webhook request body that was read within the limit.
 */
class BodySizeFilter extends HttpFilter {

	static final String BODY_SIZE = "vapi.webhook.body.size";

	private final DistributionSummary sizes;

	BodySizeFilter(MeterRegistry registry) {
		this.sizes = DistributionSummary.builder(BODY_SIZE)
			.description("Size of webhook request bodies")
			.baseUnit("bytes")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = CachedBodyRequest.bodyOf(request);
		if (body != null) {
			this.sizes.record(body.length);
		}
		chain.doFilter(request, response);
	}

}
