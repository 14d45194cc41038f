package dev.lcel.core.models;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The provider did not answer in time: no data within the read timeout, or the answer not complete by the overall deadline. Retriable.
 */
public class ModelTimeoutException extends ChatModelException {

	/**
	 * Create an exception.
	 * @param provider the provider's name
	 * @param status the HTTP status, or 0 when there was none
	 * @param message the provider's message
	 * @param retriable whether the same call may succeed if tried again
	 * @param retryAfter how long the provider asked to wait, or {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	public ModelTimeoutException(String provider, int status, String message, boolean retriable,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(Kind.TIMED_OUT, provider, status, message, retriable, retryAfter, cause);
	}

}
