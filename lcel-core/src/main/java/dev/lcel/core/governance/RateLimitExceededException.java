package dev.lcel.core.governance;

import java.time.Duration;

/**
 * A model call would have had to wait longer than its rate limiter's {@code maxWait} (zero when it
 * fails fast). Nothing was counted against any limit for it.
 */
public class RateLimitExceededException extends LimitExceededException {

	private final RateLimit.Dimension dimension;

	/**
	 * Create an exception.
	 * @param limit the limit that refused the call
	 * @param dimension what of it is spent
	 * @param retryAfter how long until the call would be granted
	 */
	public RateLimitExceededException(RateLimit limit, RateLimit.Dimension dimension, Duration retryAfter) {
		super("Rate limit '" + limit.name() + "' of " + count(limit, dimension) + " " + dimension.label() + " per "
				+ limit.interval() + " is spent; try again in " + retryAfter.toMillis() + " ms",
				limit.name() + "." + dimension.label() + "-per-interval", retryAfter);
		this.dimension = dimension;
	}

	private static long count(RateLimit limit, RateLimit.Dimension dimension) {
		return (dimension == RateLimit.Dimension.REQUESTS) ? limit.requestsPerInterval() : limit.tokensPerInterval();
	}

	/**
	 * Return what of the limit is spent.
	 * @return requests or tokens
	 */
	public RateLimit.Dimension dimension() {
		return this.dimension;
	}

}
