package dev.lcel.core.governance;

import java.time.Duration;
import java.util.Objects;

import dev.lcel.core.LcelException;
import org.jspecify.annotations.Nullable;

/**
 * A model call was refused because a budget of this application is spent: a
 * {@link RateLimitExceededException rate limit} or a {@link QuotaExceededException quota}. It
 * says which limit refused and when trying again may succeed; a server answers it with 429 and
 * {@code Retry-After}. It is not a provider's failure, so retry policies do not retry it: the limit
 * already waited as long as it was configured to.
 */
public abstract class LimitExceededException extends LcelException {

	private final String limit;

	private final Duration retryAfter;

	/**
	 * Create an exception.
	 * @param message what was refused and why, naming the limit
	 * @param limit the name of the limit that refused, such as {@code global.tokens-per-interval}
	 * @param retryAfter how long until the call may succeed
	 */
	protected LimitExceededException(String message, String limit, Duration retryAfter) {
		super(message);
		this.limit = Objects.requireNonNull(limit, "limit must not be null");
		this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter must not be null");
	}

	/**
	 * Return the refusal by a limit that caused a failure, if one did: the failure itself or one of
	 * its causes.
	 * @param failure the failure
	 * @return the refusal, or {@code null} when no limit refused
	 */
	public static @Nullable LimitExceededException causing(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof LimitExceededException limit) {
				return limit;
			}
		}
		return null;
	}

	/**
	 * Return the name of the limit that refused the call.
	 * @return the limit's name
	 */
	public String limit() {
		return this.limit;
	}

	/**
	 * Return how long until the same call may be granted.
	 * @return the wait, never negative
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
