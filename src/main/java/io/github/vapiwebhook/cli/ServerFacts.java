package io.github.vapiwebhook.cli;

import java.net.URI;
import java.util.List;

import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.tools.ToolDefinition;
import io.github.vapiwebhook.vapiapi.VapiApiProperties;
import org.jspecify.annotations.Nullable;

/**
 * What the commands need to know about the application: its configuration, bound as the
 * server binds it, and its tools.
 */
interface ServerFacts {

	SecurityProperties security();

	/**
	 * The path Vapi posts to ({@code vapi.webhook.path}).
	 */
	String webhookPath();

	VapiApiProperties api();

	List<ToolDefinition> tools();

	/**
	 * The webhook's public URL: the given URL, or {@code vapi.security.public-base-url}
	 * when none is given, with the webhook path appended when the URL has no path of its
	 * own.
	 * @param given the URL from the command line, or {@code null}
	 * @return the URL Vapi should post to
	 * @throws UsageException when there is no URL or it is not an absolute http(s) URL
	 */
	default String webhookUrl(@Nullable URI given) {
		URI url = (given != null) ? given : security().publicBaseUrl();
		if (url == null) {
			throw new UsageException("Missing --url: the public URL of the server (for example your tunnel's"
					+ " https://abc123.ngrok.app), or set vapi.security.public-base-url");
		}
		if (url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
			throw new UsageException(
					"--url must be an absolute http(s) URL such as https://abc123.ngrok.app, not '" + url + "'");
		}
		String text = url.toString();
		String path = url.getRawPath();
		if (path == null || path.isEmpty() || "/".equals(path)) {
			return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + webhookPath();
		}
		return text;
	}

}
