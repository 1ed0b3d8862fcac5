package io.github.vapiwebhook.calls;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The call API: the stored calls, one call, a transcript. Every request has passed the
 * {@link ApiKeyFilter}; one that has not (Spring MVC serving the API at a path the filter
 * does not cover) is refused, never answered.
 */
@RestController
@RequestMapping(CallsController.PATH)
class CallsController {

	/** The path of the API. */
	static final String PATH = "/api/calls";

	private final CallQueries queries;

	CallsController(CallQueries queries) {
		this.queries = queries;
	}

	@ModelAttribute
	void requireApiKey(HttpServletRequest request) {
		if (request.getAttribute(ApiKeyFilter.AUTHENTICATED) == null) {
			throw new UnfilteredApiRequestException(request.getRequestURI());
		}
	}

	@GetMapping
	CallPage list(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String endedReason,
			@RequestParam(required = false) @Nullable String assistantId,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.queries.list(CallQuery.of(from, to, endedReason, assistantId, limit, cursor));
	}

	@GetMapping("/{id}")
	CallDetails call(@PathVariable String id) {
		return this.queries.find(id);
	}

	@GetMapping(path = "/{id}/transcript", produces = MediaType.TEXT_PLAIN_VALUE)
	String transcript(@PathVariable String id) {
		return this.queries.transcript(id).transcript();
	}

	@GetMapping(path = "/{id}/transcript", produces = MediaType.APPLICATION_JSON_VALUE)
	CallTranscript transcriptJson(@PathVariable String id) {
		return this.queries.transcript(id);
	}

}
