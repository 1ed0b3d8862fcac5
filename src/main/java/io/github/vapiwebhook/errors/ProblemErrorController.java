package io.github.vapiwebhook.errors;

import java.io.IOException;

import io.github.vapiwebhook.webhook.ProblemResponses;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the error path (where the servlet container forwards a request that ended in an
 * error it could not answer itself) with a problem document, whatever the request
 * accepts: Spring Boot's own error controller answers JSON of another shape, or HTML. A
 * request sent to the error path directly is answered 404, as for any path without an
 * endpoint. Details never include exception messages or request content.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private final ProblemResponses problems;

	ProblemErrorController(ProblemResponses problems) {
		this.problems = problems;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer status)) {
			this.problems.write(response, HttpStatus.NOT_FOUND, "No endpoint is mapped to this path");
			return;
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		if (resolved == null || !resolved.isError()) {
			resolved = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		this.problems.write(response, resolved, detail(resolved));
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case REQUEST_TIMEOUT -> "The request did not arrive within the time allowed";
			case BAD_REQUEST -> "The request could not be read";
			case NOT_FOUND -> "No endpoint is mapped to this path";
			default -> status.is5xxServerError() ? "The server could not answer the request"
					: "The request could not be answered: " + status.getReasonPhrase();
		};
	}

}
