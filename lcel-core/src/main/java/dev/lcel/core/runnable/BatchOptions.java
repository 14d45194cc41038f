package dev.lcel.core.runnable;

import org.jspecify.annotations.Nullable;

/**
 * How a batch runs: how many inputs may run at once, and whether a failed input fails the batch.
 *
 * @param maxConcurrency the most inputs in flight at once, or {@code null} to use the config's
 * {@code maxConcurrency}, or else the default
 * @param returnExceptions whether a failed input is delivered as an {@link Indexed} that carries
 * the exception in place of the output ({@code true}), instead of failing the batch ({@code false})
 */
public record BatchOptions(@Nullable Integer maxConcurrency, boolean returnExceptions) {

	/** Options with nothing set: the config's concurrency limit, and fail on the first error. */
	public static final BatchOptions DEFAULTS = new BatchOptions(null, false);

	public BatchOptions {
		if (maxConcurrency != null && maxConcurrency < 1) {
			throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
		}
	}

	/**
	 * Return options that run at most {@code maxConcurrency} inputs at once.
	 * @param maxConcurrency at least 1
	 * @return the options
	 */
	public static BatchOptions maxConcurrency(int maxConcurrency) {
		return new BatchOptions(maxConcurrency, false);
	}

	/**
	 * Return a copy of these options that delivers failures in place of outputs.
	 * @return the options
	 */
	public BatchOptions withReturnExceptions() {
		return new BatchOptions(this.maxConcurrency, true);
	}

}
