package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a {@link ServerMessage} parameter of a controller method the message read from
 * the body that the webhook's filters read and authenticated, without reading or copying
 * it again. A request that did not pass those filters has no such body and is refused
 * ({@link UnfilteredRequestException}): its signature was never checked.
 */
class ServerMessageArgumentResolver implements HandlerMethodArgumentResolver {

	private final ServerMessageReader reader;

	ServerMessageArgumentResolver(ServerMessageReader reader) {
		this.reader = reader;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ServerMessage.class;
	}

	@Override
	public ServerMessage resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
		byte[] body = (servletRequest != null) ? CachedBodyRequest.bodyOf(servletRequest) : null;
		if (body == null) {
			throw new UnfilteredRequestException(
					(servletRequest != null) ? servletRequest.getRequestURI() : "an unknown path");
		}
		return this.reader.read(body);
	}

}
