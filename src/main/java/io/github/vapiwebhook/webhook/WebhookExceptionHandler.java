package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.InvalidMessageException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps what went wrong with a request to an RFC 9457 problem response: an unreadable
 * message is a 400 naming what is wrong, a wrong content type 415, and anything
 * unexpected a 500 without details. Request bodies never appear in the answer or the log.
 */
@RestControllerAdvice
class WebhookExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(WebhookExceptionHandler.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = (ex.getCause() instanceof InvalidMessageException invalid) ? invalid.getMessage()
				: "Request body is not a readable Vapi server message";
		logger.debug("Rejected an unreadable message: {}", detail);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid server message");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(InvalidMessageException.class)
	ProblemDetail invalidMessage(InvalidMessageException ex) {
		logger.debug("Rejected an unreadable message: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid server message");
		return problem;
	}

}
