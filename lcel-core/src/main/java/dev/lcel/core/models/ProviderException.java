package dev.lcel.core.models;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The provider failed (5xx), broke off its answer (a connection reset, a stream that ended without its end event, an error event or a malformed event in the stream), or could not be reached. Retriable unless the provider said otherwise.
 */
public class ProviderException extends ChatModelException {

	/**
	 * Create an exception.
	 * @param provider the provider's name
	 * @param status the HTTP status, or 0 when there was none
	 * @param message the provider's message
	 * @param retriable whether the same call may succeed if tried again
	 * @param retryAfter how long the provider asked to wait, or {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	public ProviderException(String provider, int status, String message, boolean retriable,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(provider, status, message, retriable, retryAfter, cause);
	}

}
