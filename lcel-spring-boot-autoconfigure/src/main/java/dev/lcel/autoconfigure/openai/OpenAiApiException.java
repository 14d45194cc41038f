package dev.lcel.autoconfigure.openai;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A chat completion request that cannot be served because of the request itself, and why: becomes
 * OpenAI's error object ({@code {"error": {"message", "type", "param", "code"}}}) of type
 * {@code invalid_request_error} with the given status. Its message is meant for the client.
 */
final class OpenAiApiException extends RuntimeException {

	private final HttpStatus status;

	private final @Nullable String param;

	private final @Nullable String code;

	OpenAiApiException(HttpStatus status, @Nullable String param, @Nullable String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.param = param;
		this.code = code;
	}

	/** A 400 about one field of the request. */
	static OpenAiApiException invalid(String param, String message) {
		return new OpenAiApiException(HttpStatus.BAD_REQUEST, param, null, message);
	}

	/** What the client gets: the status and the error object, never a wait. */
	OpenAiErrors.Outcome outcome() {
		return new OpenAiErrors.Outcome(this.status,
				OpenAiErrors.body(getMessage(), "invalid_request_error", this.param, this.code), null);
	}

}
