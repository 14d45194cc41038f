package dev.lcel.autoconfigure.model;

import java.time.Duration;

import dev.lcel.core.runnable.RetryPolicy;

/**
 * How often and how patiently to try a step or a model call again: the {@code retry} of a step, and
 * {@code lcel.models.<name>.retry}.
 */
public class RetryProperties {

	/** The most attempts, the first included. */
	private int maxAttempts = 3;

	/** The wait before the second attempt; each later wait doubles. */
	private Duration initialBackoff = Duration.ofSeconds(1);

	/** The longest wait between attempts. */
	private Duration maxBackoff = Duration.ofSeconds(60);

	/**
	 * Return the retry policy these settings describe: attempts and backoff as configured, with the
	 * default choice of which failures are worth retrying.
	 * @return the policy
	 */
	public RetryPolicy toPolicy() {
		return RetryPolicy.DEFAULTS.withMaxAttempts(Math.max(1, this.maxAttempts))
			.withBackoff(nonNegative(this.initialBackoff), nonNegative(this.maxBackoff));
	}

	private static Duration nonNegative(Duration duration) {
		return (duration == null || duration.isNegative()) ? Duration.ZERO : duration;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	public void setInitialBackoff(Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

}
