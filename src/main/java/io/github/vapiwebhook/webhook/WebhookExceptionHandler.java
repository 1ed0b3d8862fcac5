package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.vapiwebhook.message.InvalidMessageException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
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

	private final ProblemResponses problems;

	WebhookExceptionHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	/**
	 * A 406 is written as a problem document whatever the request accepts: the usual
	 * conversion would look at the same {@code Accept} header that could not be satisfied
	 * (or not even parsed) and write an empty body.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletResponse response = ((ServletWebRequest) request).getResponse();
		if (response == null || response.isCommitted()) {
			return super.handleHttpMediaTypeNotAcceptable(ex, headers, status, request);
		}
		headers.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		try {
			this.problems.write(response, HttpStatus.NOT_ACCEPTABLE,
					"Acceptable representations: " + MediaType.toString(ex.getSupportedMediaTypes()));
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		return null;
	}

	@ExceptionHandler(InvalidMessageException.class)
	ProblemDetail invalidMessage(InvalidMessageException ex) {
		logger.debug("Rejected an unreadable message: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid server message");
		return problem;
	}

}
