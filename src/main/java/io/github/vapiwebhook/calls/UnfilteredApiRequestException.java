package io.github.vapiwebhook.calls;

/**
 * A request reached the call API without passing its key filter: Spring MVC serves the
 * API at a path the filter does not cover, or a test built its {@code MockMvc} without
 * the filters. It is refused, never answered.
 */
class UnfilteredApiRequestException extends RuntimeException {

	UnfilteredApiRequestException(String path) {
		super("Refused a request to " + path + " that reached the call API without passing its key filter; "
				+ "is spring.mvc.servlet.path set, or MockMvc built without filters?");
	}

}
