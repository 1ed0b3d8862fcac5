package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes RFC 9457 problem responses from servlet filters, which answer before any
 * controller advice could.
 */
public class ProblemResponses {

	private final JsonMapper mapper;

	public ProblemResponses(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Writes the problem response of a refused body, with {@code Retry-After} when a
	 * retry may succeed, and closes the connection (see
	 * {@link #writeAndClose(HttpServletRequest, HttpServletResponse, HttpStatus, String)}).
	 * @param request the request, whose body was not read to the end
	 * @param response the response
	 * @param rejected why the body was refused
	 * @throws IOException when the response cannot be written
	 */
	public void writeAndClose(HttpServletRequest request, HttpServletResponse response, BodyRejectedException rejected)
			throws IOException {
		Duration retryAfter = rejected.retryAfter();
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		writeAndClose(request, response, rejected.status(), rejected.getMessage());
	}

	/**
	 * Answers a request whose body was not read to the end, and closes its connection
	 * without reading the rest. A servlet container keeps a connection after an answer by
	 * reading (and dropping) the rest of the body on the request thread first, which a
	 * sender that stops sending stretches to the read timeout, and a few hundred such
	 * senders to every request thread. The answer is therefore written asynchronously
	 * ({@code startAsync}, then {@code complete}) with {@code Connection: close}: the
	 * container ends such a request by closing the connection, with no read.
	 * @param request the request
	 * @param response the response
	 * @param status the status
	 * @param detail the detail, which must not hold secrets or request content
	 * @throws IOException when the response cannot be written
	 */
	public void writeAndClose(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		// Still possible when the container answered already (its read timeout is its own
		// 408, written by the error path): then only the connection is closed.
		response.setHeader(HttpHeaders.CONNECTION, "close");
		if (!request.isAsyncSupported() || request.isAsyncStarted()) {
			writeUnlessAnswered(response, status, detail);
			return;
		}
		AsyncContext async = request.startAsync(request, response);
		try {
			writeUnlessAnswered(response, status, detail);
		}
		finally {
			async.complete();
		}
	}

	private void writeUnlessAnswered(HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		if (!response.isCommitted()) {
			write(response, status, detail);
		}
	}

	/**
	 * Writes a problem response.
	 * @param response the response
	 * @param status the status
	 * @param detail the detail, which must not hold secrets or request content
	 * @throws IOException when the response cannot be written
	 */
	public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(this.mapper.writeValueAsBytes(problem));
	}

}
