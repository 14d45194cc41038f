package dev.lcel.autoconfigure.model;

import java.time.Duration;

import dev.lcel.core.runnable.RetryPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often and how patiently to try a step or a model call again: the {@code retry} of a step, and
 * {@code lcel.models.<name>.retry}.
 *
 * @param maxAttempts The most attempts, the first included.
 * @param initialBackoff The wait before the second attempt; each later wait doubles.
 * @param maxBackoff The longest wait between attempts.
 */
public record RetryProperties(@DefaultValue("3") int maxAttempts, @DefaultValue("1s") @Nullable Duration initialBackoff,
		@DefaultValue("60s") @Nullable Duration maxBackoff) {

	/**
	 * Return the retry policy these settings describe: attempts and backoff as configured, with the
	 * default choice of which failures are worth retrying.
	 * @return the policy
	 */
	public RetryPolicy toPolicy() {
		return RetryPolicy.DEFAULTS.withMaxAttempts(Math.max(1, this.maxAttempts))
			.withBackoff(nonNegative(this.initialBackoff), nonNegative(this.maxBackoff));
	}

	private static Duration nonNegative(@Nullable Duration duration) {
		return (duration == null || duration.isNegative()) ? Duration.ZERO : duration;
	}

}
