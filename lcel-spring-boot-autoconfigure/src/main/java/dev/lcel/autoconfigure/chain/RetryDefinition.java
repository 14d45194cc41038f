package dev.lcel.autoconfigure.chain;

import java.time.Duration;

/**
 * The {@code retry} of a step: how often and how patiently to try it again.
 */
public class RetryDefinition {

	/** The most attempts, the first included. */
	private int maxAttempts = 3;

	/** The wait before the second attempt; each later wait doubles. */
	private Duration initialBackoff = Duration.ofSeconds(1);

	/** The longest wait between attempts. */
	private Duration maxBackoff = Duration.ofSeconds(60);

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
