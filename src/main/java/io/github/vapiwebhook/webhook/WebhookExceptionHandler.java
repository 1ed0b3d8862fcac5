package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.InvalidMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps what went wrong with a request to an RFC 9457 problem response: an unreadable
 * message is a 400 naming what is wrong, a wrong content type 415, and anything
 * unexpected a 500 without details. Request bodies never appear in the answer or the log.
 */
@RestControllerAdvice
class WebhookExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(WebhookExceptionHandler.class);

	@ExceptionHandler(InvalidMessageException.class)
	ProblemDetail invalidMessage(InvalidMessageException ex) {
		logger.debug("Rejected an unreadable message: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid server message");
		return problem;
	}

}
