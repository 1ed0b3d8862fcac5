package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Reads the body of each webhook request once, refusing bodies over the size limit with
 * 413, and passes on a request that keeps the exact bytes.
 */
class WebhookBodyFilter extends HttpFilter {

	private final long maxBytes;

	private final ProblemResponses problems;

	WebhookBodyFilter(DataSize maxBodySize, ProblemResponses problems) {
		this.maxBytes = maxBodySize.toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			tooLarge(response);
			return;
		}
		byte[] body = (declared >= 0 && declared < Integer.MAX_VALUE - 8)
				? readDeclared(request.getInputStream(), (int) declared)
				: readAtMost(request.getInputStream(), this.maxBytes + 1);
		if (body.length > this.maxBytes) {
			tooLarge(response);
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		this.problems.write(response, HttpStatus.CONTENT_TOO_LARGE,
				"Request body exceeds the limit of %d bytes".formatted(this.maxBytes));
	}

	/**
	 * Reads a body whose length the client declared into one array of that size (no
	 * intermediate buffers). A body shorter than declared is returned as received; one
	 * longer than declared cannot reach here, as the connector stops at the declared
	 * length.
	 */
	private static byte[] readDeclared(InputStream in, int length) throws IOException {
		byte[] body = new byte[length];
		int read = in.readNBytes(body, 0, length);
		return (read == length) ? body : Arrays.copyOf(body, read);
	}

	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
	}

}
