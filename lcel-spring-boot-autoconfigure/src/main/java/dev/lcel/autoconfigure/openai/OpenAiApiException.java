package dev.lcel.autoconfigure.openai;

import org.springframework.http.HttpStatus;

/**
 * A chat completion request that cannot be served, and why: becomes OpenAI's error object
 * ({@code {"error": {"message", "type", "param", "code"}}}) with the given status. Its message is
 * meant for the client.
 */
final class OpenAiApiException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final String param;

	private final String code;

	OpenAiApiException(HttpStatus status, String type, String param, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.type = type;
		this.param = param;
		this.code = code;
	}

	/** A 400 {@code invalid_request_error} about one field of the request. */
	static OpenAiApiException invalid(String param, String message) {
		return new OpenAiApiException(HttpStatus.BAD_REQUEST, "invalid_request_error", param, null, message);
	}

	HttpStatus status() {
		return this.status;
	}

	String type() {
		return this.type;
	}

	String param() {
		return this.param;
	}

	String code() {
		return this.code;
	}

}
