package dev.lcel.core.models;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The provider is rate limiting the caller (429). Retriable after {@link #retryAfter()} when the provider said how long to wait; not retriable when the quota is exhausted (OpenAI's {@code insufficient_quota}), since waiting does not refill it.
 */
public class RateLimitException extends ChatModelException {

	/**
	 * Create an exception.
	 * @param provider the provider's name
	 * @param status the HTTP status, or 0 when there was none
	 * @param message the provider's message
	 * @param retriable whether the same call may succeed if tried again
	 * @param retryAfter how long the provider asked to wait, or {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	public RateLimitException(String provider, int status, String message, boolean retriable,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(Kind.RATE_LIMITED, provider, status, message, retriable, retryAfter, cause);
	}

}
