package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem responses from servlet filters, which answer before any
 * controller advice could.
 */
@Component
public class ProblemResponses {

	private final JsonMapper mapper;

	public ProblemResponses(JsonMapper mapper) {
		this.mapper = mapper;
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
