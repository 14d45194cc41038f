package dev.lcel.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Turns what went wrong in a chain request into the response a client gets: an RFC 9457 problem
 * (with a {@code message} beside the standard fields, which LangChain's clients display) before
 * a stream starts, or the {@code status_code} and {@code message} of an SSE {@code error} event
 * after. A client's mistake is a 4xx naming what to fix; an unexpected failure is a 500 that
 * says only that, with the run id, while the details go to the log.
 */
final class ChainErrors {

	private static final Log logger = LogFactory.getLog(ChainErrors.class);

	private ChainErrors() {
	}

	/** What a failure means for the client. */
	record Outcome(HttpStatus status, String message, Object errors) {
	}

	static Outcome outcome(Throwable error, UUID runId) {
		if (error instanceof ChainRequestException request) {
			return new Outcome(request.getStatus(), request.getMessage(),
					request.getErrors().isEmpty() ? null : request.getErrors());
		}
		if (error instanceof IllegalArgumentException) {
			// Raised by a step that could not use the input it got: the client's input.
			return new Outcome(HttpStatus.UNPROCESSABLE_CONTENT, error.getMessage(), null);
		}
		if (error instanceof ClassCastException) {
			// A step got a value of another type than it takes: almost always input of the wrong
			// shape for a chain whose first step declares no type (a typed step would have refused
			// it with a 422 naming the field). Logged, in case it is a chain wired wrongly instead.
			logger.warn("Chain run " + runId + " got a value of the wrong type", error);
			return new Outcome(HttpStatus.UNPROCESSABLE_CONTENT,
					"A step of the chain cannot use the input it was given (wrong type); see the chain's input schema",
					null);
		}
		logger.error("Chain run " + runId + " failed", error);
		return new Outcome(HttpStatus.INTERNAL_SERVER_ERROR,
				"Internal Server Error" + ((runId != null) ? " (run " + runId + ")" : ""), null);
	}

	static Mono<ServerResponse> problem(ServerRequest request, Throwable error, UUID runId) {
		Outcome outcome = outcome(error, runId);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", outcome.status().getReasonPhrase());
		body.put("status", outcome.status().value());
		body.put("detail", outcome.message());
		body.put("instance", request.path());
		body.put("message", outcome.message());
		if (outcome.errors() != null) {
			body.put("errors", outcome.errors());
		}
		if (runId != null) {
			body.put("run_id", runId.toString());
		}
		return ServerResponse.status(outcome.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(body);
	}

}
