package io.github.vapiwebhook.calls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps what went wrong with a call API request to an RFC 9457 problem response: an
 * unknown call, a missing transcript or a delivery that is not failed 404, a bad filter
 * or cursor 400, a request that did not pass the key filter 500. It advises the API's
 * controllers only, ahead of any advice of the application.
 */
@RestControllerAdvice(assignableTypes = { CallsController.class, DeliveriesController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallsExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(CallsExceptionHandler.class);

	@ExceptionHandler(CallNotFoundException.class)
	ProblemDetail notFound(CallNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(DeliveryNotFoundException.class)
	ProblemDetail deliveryNotFound(DeliveryNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InvalidCallQueryException.class)
	ProblemDetail invalidQuery(InvalidCallQueryException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(UnfilteredApiRequestException.class)
	ProblemDetail unfiltered(UnfilteredApiRequestException ex) {
		// fail closed: the filter that did not run checks the API key
		logger.error(ex.getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request did not pass the call API's key filter and was not answered");
	}

}
