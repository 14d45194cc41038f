package dev.lcel.core.models;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The provider refused the credentials (401) or the permission (403): the API key is missing, wrong or not allowed to use the model. Never retriable.
 */
public class AuthenticationException extends ChatModelException {

	/**
	 * Create an exception.
	 * @param provider the provider's name
	 * @param status the HTTP status, or 0 when there was none
	 * @param message the provider's message
	 * @param retriable whether the same call may succeed if tried again
	 * @param retryAfter how long the provider asked to wait, or {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	public AuthenticationException(String provider, int status, String message, boolean retriable,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(provider, status, message, retriable, retryAfter, cause);
	}

}
