package dev.lcel.core.governance;

import java.time.Duration;
import java.util.Objects;

/**
 * A named budget of model calls: at most {@code requestsPerInterval} calls and
 * {@code tokensPerInterval} tokens in any {@code interval}, refilled continuously (a call may use
 * the whole budget of an idle interval at once, then the budget comes back evenly over the
 * interval). A value of 0 leaves that dimension unlimited.
 *
 * @param name the limit's name, which errors and metrics show: {@code global} or a model's
 * configured name
 * @param requestsPerInterval the most calls per interval, 0 for no limit
 * @param tokensPerInterval the most tokens (input and output) per interval, 0 for no limit
 * @param interval the interval, positive
 */
public record RateLimit(String name, long requestsPerInterval, long tokensPerInterval, Duration interval) {

	/**
	 * Create a limit, checking its values.
	 * @throws IllegalArgumentException if a count is negative or the interval is not positive
	 */
	public RateLimit {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(interval, "interval must not be null");
		if (requestsPerInterval < 0 || tokensPerInterval < 0) {
			throw new IllegalArgumentException("Rate limit '" + name + "' must not have a negative count, but has "
					+ requestsPerInterval + " requests and " + tokensPerInterval + " tokens per interval");
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("Rate limit '" + name + "' needs a positive interval, was " + interval);
		}
	}

	/**
	 * Return whether this limit limits anything.
	 * @return {@code true} if either count is positive
	 */
	public boolean limits() {
		return this.requestsPerInterval > 0 || this.tokensPerInterval > 0;
	}

	/**
	 * What a rate limit counts.
	 */
	public enum Dimension {

		/** Model calls. */
		REQUESTS("requests"),

		/** Tokens of model calls, input and output. */
		TOKENS("tokens");

		private final String label;

		Dimension(String label) {
			this.label = label;
		}

		/**
		 * Return the dimension's name in lower case, as metrics and problem responses show it.
		 * @return {@code requests} or {@code tokens}
		 */
		public String label() {
			return this.label;
		}

	}

}
