package dev.lcel.core.governance;

import java.time.Duration;

/**
 * Learns what a {@link RateLimiter} decides, to count it (metrics): calls granted, with the wait
 * they had and the tokens they were counted for, calls refused, and corrections of the tokens once
 * a call's usage is known. Called on the thread that decided; must not block.
 */
public interface RateLimitListener {

	/** A listener that ignores everything. */
	RateLimitListener NONE = new RateLimitListener() {
	};

	/**
	 * A call was granted by a limit.
	 * @param limit the limit
	 * @param tokens the tokens counted against it for now (the estimate)
	 * @param wait how long the call waits before it starts; zero when it starts at once
	 */
	default void granted(RateLimit limit, long tokens, Duration wait) {
	}

	/**
	 * A call was refused by a limit.
	 * @param limit the limit
	 * @param dimension what of it is spent
	 */
	default void rejected(RateLimit limit, RateLimit.Dimension dimension) {
	}

	/**
	 * The tokens counted for a granted call were corrected by its reported usage.
	 * @param limit the limit
	 * @param tokens the tokens added (negative: given back)
	 */
	default void corrected(RateLimit limit, long tokens) {
	}

}
