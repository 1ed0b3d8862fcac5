package io.github.vapiwebhook.webhook;

/**
 * A request reached the webhook's controller without passing its filters, so it was not
 * authenticated: Spring MVC maps the controller at a path the filters do not cover, or a
 * test built its {@code MockMvc} without the filters. It is refused, never handled.
 */
class UnfilteredRequestException extends RuntimeException {

	UnfilteredRequestException(String path) {
		super("Refused a request to " + path + " that reached the webhook endpoint without passing its filters "
				+ "(body limit, authentication); is spring.mvc.servlet.path set, or MockMvc built without filters?");
	}

}
