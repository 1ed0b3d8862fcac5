package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.InvalidMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps what went wrong with a webhook request to an RFC 9457 problem response: an
 * unreadable message is a 400 naming what is wrong, a request that reached the controller
 * without passing the webhook's filters a 500. It advises the webhook's controller only,
 * ahead of any advice of the application. Request bodies never appear in the answer or
 * the log. (Wrong methods, content types and {@code Accept} headers are Spring MVC's own
 * exceptions, answered for the whole application.)
 */
@RestControllerAdvice(assignableTypes = WebhookController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(WebhookExceptionHandler.class);

	static final String UNFILTERED_DETAIL = "The request did not pass the webhook's filters and was not handled";

	@ExceptionHandler(UnfilteredRequestException.class)
	ProblemDetail unfiltered(UnfilteredRequestException ex) {
		// fail closed: the filters that did not run include authentication
		logger.error(ex.getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, UNFILTERED_DETAIL);
	}

	@ExceptionHandler(InboxUnavailableException.class)
	ResponseEntity<ProblemDetail> inboxUnavailable(InboxUnavailableException ex) {
		logger.error("Answered 503: {}", ex.getMessage(), ex.getCause());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The message could not be stored; retry later"));
	}

	@ExceptionHandler(InvalidMessageException.class)
	ProblemDetail invalidMessage(InvalidMessageException ex) {
		logger.debug("Rejected an unreadable message: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid server message");
		return problem;
	}

}
