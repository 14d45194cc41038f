package dev.lcel.autoconfigure.openai;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import dev.lcel.autoconfigure.web.ChainRequestException;
import dev.lcel.autoconfigure.web.RequestBodyAbortedException;
import dev.lcel.core.UpstreamFailure;
import dev.lcel.core.config.InvalidConfigurableException;
import dev.lcel.core.governance.LimitExceededException;
import dev.lcel.core.governance.QuotaExceededException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Turns what went wrong in a chat completion into OpenAI's error object,
 * {@code {"error": {"message", "type", "param", "code"}}}: a client's mistake is a 400 (or 404,
 * 413, 415) naming the parameter; a model provider's failure is 429 with {@code Retry-After}, 504
 * or 502; anything else is a 500 that says only that, with the run id, while the details go to
 * the log. No stack trace and no upstream message ever reaches the client.
 */
final class OpenAiErrors {

	private static final Log logger = LogFactory.getLog(OpenAiErrors.class);

	private OpenAiErrors() {
	}

	/** What a failure means for the client: its status, its error object and how long to wait. */
	record Outcome(HttpStatus status, Map<String, Object> body, Duration retryAfter) {
	}

	static Outcome outcome(Throwable error, UUID runId) {
		String run = (runId != null) ? " (run " + runId + ")" : "";
		if (error instanceof OpenAiApiException api) {
			return api.outcome();
		}
		if (error instanceof ChainRequestException request) {
			// Refused by the body reader the chain routes share: its size, media type, encoding or JSON.
			String code = switch (request.getStatus()) {
				case CONTENT_TOO_LARGE -> "request_too_large";
				case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
				default -> null;
			};
			return new Outcome(request.getStatus(), body(request.getMessage(), "invalid_request_error", null, code), null);
		}
		if (error instanceof RequestBodyAbortedException) {
			// The client went away while sending: nobody reads the answer, and it is no server fault.
			logger.debug(error.getMessage());
			return new Outcome(HttpStatus.BAD_REQUEST, body("The request body was not received whole",
					"invalid_request_error", null, null), null);
		}
		if (error instanceof InvalidConfigurableException) {
			return new Outcome(HttpStatus.BAD_REQUEST,
					body(error.getMessage(), "invalid_request_error", null, null),
					null);
		}
		if (error instanceof IllegalArgumentException || error instanceof ClassCastException) {
			logger.warn("Chat completion" + run + " could not use its input: " + error);
			return new Outcome(HttpStatus.BAD_REQUEST,
					body("The chain cannot use this request's messages or parameters" + run, "invalid_request_error",
							null, null),
					null);
		}
		LimitExceededException limit = LimitExceededException.causing(error);
		if (limit != null) {
			// This application's own rate limit or quota, named in the message.
			return new Outcome(HttpStatus.TOO_MANY_REQUESTS, body(limit.getMessage(), "rate_limit_error", null,
					(limit instanceof QuotaExceededException) ? "insufficient_quota" : "rate_limit_exceeded"),
					limit.retryAfter());
		}
		UpstreamFailure upstream = upstream(error);
		if (upstream != null) {
			logger.warn("Chat completion" + run + " failed upstream: " + error);
			return switch (upstream.kind()) {
				case RATE_LIMITED -> new Outcome(HttpStatus.TOO_MANY_REQUESTS,
						body("The model provider is busy or rate limiting; try again"
								+ upstream.retryAfter().map((d) -> " in " + seconds(d) + " s").orElse(" later") + run,
								"rate_limit_error", null, "rate_limit_exceeded"),
						upstream.retryAfter().orElse(null));
				case TIMED_OUT -> new Outcome(HttpStatus.GATEWAY_TIMEOUT,
						body("The model provider did not answer in time" + run, "server_error", null, "upstream_timeout"),
						null);
				case FAILED -> new Outcome(HttpStatus.BAD_GATEWAY,
						body("The model provider failed" + run, "server_error", null, "upstream_error"), null);
			};
		}
		if (error instanceof TimeoutException) {
			return new Outcome(HttpStatus.GATEWAY_TIMEOUT,
					body("The chain did not finish in time" + run, "server_error", null, "timeout"), null);
		}
		logger.error("Chat completion" + run + " failed", error);
		return new Outcome(HttpStatus.INTERNAL_SERVER_ERROR,
				body("Internal Server Error" + run, "server_error", null, null), null);
	}

	static Mono<ServerResponse> response(Throwable error, UUID runId) {
		Outcome outcome = outcome(error, runId);
		ServerResponse.BodyBuilder response = ServerResponse.status(outcome.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (outcome.retryAfter() != null) {
			response.header("Retry-After", String.valueOf(seconds(outcome.retryAfter())));
		}
		return response.bodyValue(outcome.body());
	}

	static Map<String, Object> body(String message, String type, String param, String code) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("type", type);
		error.put("param", param);
		error.put("code", code);
		return Map.of("error", error);
	}

	private static long seconds(Duration duration) {
		return Math.max(1, duration.toSeconds() + ((duration.toMillisPart() > 0) ? 1 : 0));
	}

	private static UpstreamFailure upstream(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof UpstreamFailure failure) {
				return failure;
			}
		}
		return null;
	}

}
