package dev.lcel.autoconfigure.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import dev.lcel.core.UpstreamFailure;
import dev.lcel.core.config.InvalidConfigurableException;
import org.jspecify.annotations.Nullable;

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
 * says only that, with the run id, while the details go to the log; a {@code configurable} value
 * that is missing or not among the choices is a 400 naming the key and the choices. A failure of a model provider
 * (an {@link UpstreamFailure}) is 429 with {@code Retry-After}, 504 or 502.
 */
final class ChainErrors {

	private static final Log logger = LogFactory.getLog(ChainErrors.class);

	private ChainErrors() {
	}

	/** What a failure means for the client. */
	record Outcome(HttpStatus status, String message, @Nullable Object errors, @Nullable Duration retryAfter, long errorCount) {

		Outcome(HttpStatus status, String message, @Nullable Object errors) {
			this(status, message, errors, null, 0);
		}

		Outcome(HttpStatus status, String message, @Nullable Object errors, @Nullable Duration retryAfter) {
			this(status, message, errors, retryAfter, 0);
		}

	}

	/** A client's mistake: one line at DEBUG, never a stack trace. */
	private static void refused(@Nullable UUID runId, HttpStatus status, String message) {
		if (logger.isDebugEnabled()) {
			logger.debug("Chain request " + ((runId != null) ? "for run " + runId + " " : "") + "refused with "
					+ status.value() + ": " + ProblemText.abbreviate(message));
		}
	}

	static Outcome outcome(Throwable error, @Nullable UUID runId) {
		if (error instanceof ChainRequestException request) {
			refused(runId, request.getStatus(), request.getMessage());
			return new Outcome(request.getStatus(), request.getMessage(),
					request.getErrors().isEmpty() ? null : request.getErrors(), null, request.getErrorCount());
		}
		if (error instanceof InvalidConfigurableException) {
			// A session id missing, or an alternative that does not exist: the client's config.
			refused(runId, HttpStatus.BAD_REQUEST, error.getMessage());
			return new Outcome(HttpStatus.BAD_REQUEST, ClientMessages.scrub(error.getMessage()), null);
		}
		if (error instanceof IllegalArgumentException) {
			// Raised by a step that could not use the input it got: the client's input.
			refused(runId, HttpStatus.UNPROCESSABLE_CONTENT, error.getMessage());
			return new Outcome(HttpStatus.UNPROCESSABLE_CONTENT, ClientMessages.scrub(error.getMessage()), null);
		}
		if (error instanceof RequestBodyAbortedException) {
			// The client closed the connection or stalled while sending: nothing the server can fix.
			if (logger.isDebugEnabled()) {
				logger.debug("Chain request " + ((runId != null) ? "for run " + runId + " " : "")
						+ "ended by the client's connection: " + error);
			}
			return new Outcome(HttpStatus.REQUEST_TIMEOUT, "The request was not received whole", null);
		}
		UpstreamFailure upstream = upstream(error);
		if (upstream != null) {
			logger.warn("Chain run " + runId + " failed upstream: " + error);
			String run = (runId != null) ? " (run " + runId + ")" : "";
			return switch (upstream.kind()) {
				case RATE_LIMITED -> new Outcome(HttpStatus.TOO_MANY_REQUESTS,
						"The model provider is busy or rate limiting; try again"
								+ upstream.retryAfter().map((d) -> " in " + Math.max(1, d.toSeconds()) + " s").orElse(" later")
								+ run,
						null, upstream.retryAfter().orElse(null));
				case TIMED_OUT -> new Outcome(HttpStatus.GATEWAY_TIMEOUT,
						"The model provider did not answer in time" + run, null);
				case FAILED -> new Outcome(HttpStatus.BAD_GATEWAY, "The model provider failed" + run, null);
			};
		}
		if (error instanceof TimeoutException) {
			return new Outcome(HttpStatus.GATEWAY_TIMEOUT, "The chain did not finish in time"
					+ ((runId != null) ? " (run " + runId + ")" : ""), null);
		}
		if (error instanceof ClassCastException) {
			// A step got a value of another type than it takes: almost always input of the wrong
			// shape for a chain whose first step declares no type (a typed step would have refused
			// it with a 422 naming the field). Logged, in case it is a chain wired wrongly instead.
			logger.info("Chain run " + runId + " got a value of the wrong type: " + error.getMessage());
			return new Outcome(HttpStatus.UNPROCESSABLE_CONTENT,
					"A step of the chain cannot use the input it was given (wrong type); see the chain's input schema",
					null);
		}
		logger.error("Chain run " + runId + " failed", error);
		return new Outcome(HttpStatus.INTERNAL_SERVER_ERROR,
				"Internal Server Error" + ((runId != null) ? " (run " + runId + ")" : ""), null);
	}

	private static @Nullable UpstreamFailure upstream(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof UpstreamFailure failure) {
				return failure;
			}
		}
		return null;
	}

	static Mono<ServerResponse> problem(ServerRequest request, Throwable error, @Nullable UUID runId) {
		if (error instanceof RequestBodyAbortedException) {
			// No one is there to read an answer, and writing one would only fail again.
			outcome(error, runId);
			return Mono.empty();
		}
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
			body.put("error_count", outcome.errorCount());
		}
		if (runId != null) {
			body.put("run_id", runId.toString());
		}
		ServerResponse.BodyBuilder response = ServerResponse.status(outcome.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (outcome.retryAfter() != null) {
			response.header("Retry-After", String.valueOf(Math.max(1, outcome.retryAfter().toSeconds())));
		}
		return response.bodyValue(body);
	}

}
