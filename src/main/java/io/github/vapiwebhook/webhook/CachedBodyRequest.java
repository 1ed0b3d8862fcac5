package io.github.vapiwebhook.webhook;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body was read once, within the size limit, and is kept as the exact
 * bytes received: the signature is verified over them and the message is parsed from
 * them.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	/**
	 * Wraps a request whose body was read.
	 * @param request the request
	 * @param body the exact bytes of its body
	 */
	public CachedBodyRequest(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	/**
	 * The exact bytes of the body.
	 * @return the body (not a copy: do not modify)
	 */
	public byte[] body() {
		return this.body;
	}

	/**
	 * Finds the cached body of a request, looking through wrappers.
	 * @param request the request
	 * @return the body, or {@code null} when the request did not pass the body filter
	 */
	public static byte @Nullable [] bodyOf(ServletRequest request) {
		for (ServletRequest current = request; current != null;) {
			if (current instanceof CachedBodyRequest cached) {
				return cached.body;
			}
			current = (current instanceof ServletRequestWrapper wrapper) ? wrapper.getRequest() : null;
		}
		return null;
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream in = new ByteArrayInputStream(this.body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return in.read(buffer, offset, length);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException("The cached body is read synchronously");
			}

		};
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

}
