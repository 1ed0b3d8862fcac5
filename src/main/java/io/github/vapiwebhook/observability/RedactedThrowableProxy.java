package io.github.vapiwebhook.observability;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.jspecify.annotations.Nullable;

/**
 * A logged throwable, its causes and suppressed throwables with their messages escaped
 * and masked: an exception message often quotes a value from the request.
 */
final class RedactedThrowableProxy implements IThrowableProxy {

	private final IThrowableProxy delegate;

	private final ControlCharacterEscaper escaper;

	private final LogRedactor redactor;

	RedactedThrowableProxy(IThrowableProxy delegate, ControlCharacterEscaper escaper, LogRedactor redactor) {
		this.delegate = delegate;
		this.escaper = escaper;
		this.redactor = redactor;
	}

	@Override
	public @Nullable String getMessage() {
		return clean(this.delegate.getMessage());
	}

	@Override
	public @Nullable String getOverridingMessage() {
		return clean(this.delegate.getOverridingMessage());
	}

	@Override
	public String getClassName() {
		return this.delegate.getClassName();
	}

	@Override
	public StackTraceElementProxy[] getStackTraceElementProxyArray() {
		return this.delegate.getStackTraceElementProxyArray();
	}

	@Override
	public int getCommonFrames() {
		return this.delegate.getCommonFrames();
	}

	@Override
	public @Nullable IThrowableProxy getCause() {
		IThrowableProxy cause = this.delegate.getCause();
		return (cause != null) ? wrap(cause) : null;
	}

	@Override
	public IThrowableProxy @Nullable [] getSuppressed() {
		IThrowableProxy[] suppressed = this.delegate.getSuppressed();
		if (suppressed == null) {
			return null;
		}
		IThrowableProxy[] wrapped = new IThrowableProxy[suppressed.length];
		for (int i = 0; i < suppressed.length; i++) {
			wrapped[i] = wrap(suppressed[i]);
		}
		return wrapped;
	}

	@Override
	public boolean isCyclic() {
		return this.delegate.isCyclic();
	}

	private IThrowableProxy wrap(IThrowableProxy proxy) {
		return new RedactedThrowableProxy(proxy, this.escaper, this.redactor);
	}

	private @Nullable String clean(@Nullable String message) {
		return (message != null) ? this.redactor.redact(this.escaper.escape(message)) : null;
	}

}
