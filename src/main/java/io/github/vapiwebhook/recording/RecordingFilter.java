package io.github.vapiwebhook.recording;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.vapiwebhook.webhook.CachedBodyRequest;

/**
 * Records the body of each webhook request that passed authentication (this filter runs
 * after the authentication and body filters) and that the server answered with a 2xx:
 * messages the server refused are not worth replaying.
 */
class RecordingFilter extends HttpFilter {

	private final MessageRecorder recorder;

	RecordingFilter(MessageRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		byte[] body = CachedBodyRequest.bodyOf(request);
		if (body != null && response.getStatus() / 100 == 2) {
			this.recorder.record(body);
		}
	}

}
