package io.github.vapiwebhook.errors;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.vapiwebhook.webhook.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own exceptions (a wrong method 405, content type 415, {@code Accept} 406,
 * ...) as problem documents, as Spring Boot's {@code spring.mvc.problemdetails} would
 * answer them, with one difference: a 406 is written as {@code application/problem+json}
 * whatever the request accepts. The usual conversion looks at the same {@code Accept}
 * header that could not be satisfied (or not even parsed) and writes an empty body.
 * Registered only when the application has no {@link ResponseEntityExceptionHandler} of
 * its own.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	private final ProblemResponses problems;

	ProblemExceptionHandler(ProblemResponses problems) {
		this.problems = problems;
	}

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

}
