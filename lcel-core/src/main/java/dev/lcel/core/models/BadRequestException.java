package dev.lcel.core.models;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The provider refused the request as malformed or too large (400, 413, 422): an unknown parameter, too many tokens for the context, a bad message order. Never retriable.
 */
public class BadRequestException extends ChatModelException {

	/**
	 * Create an exception.
	 * @param provider the provider's name
	 * @param status the HTTP status, or 0 when there was none
	 * @param message the provider's message
	 * @param retriable whether the same call may succeed if tried again
	 * @param retryAfter how long the provider asked to wait, or {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	public BadRequestException(String provider, int status, String message, boolean retriable,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(provider, status, message, retriable, retryAfter, cause);
	}

}
