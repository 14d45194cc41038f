package dev.lcel.autoconfigure.governance;

import java.time.Duration;
import java.util.List;

import dev.lcel.core.governance.RateLimit;
import dev.lcel.core.governance.RateLimitListener;

/**
 * Tells several listeners, in order, what a rate limiter decided.
 */
final class RateLimitListeners implements RateLimitListener {

	private final List<RateLimitListener> listeners;

	RateLimitListeners(List<RateLimitListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void granted(RateLimit limit, long tokens, Duration wait) {
		this.listeners.forEach((listener) -> listener.granted(limit, tokens, wait));
	}

	@Override
	public void rejected(RateLimit limit, RateLimit.Dimension dimension) {
		this.listeners.forEach((listener) -> listener.rejected(limit, dimension));
	}

	@Override
	public void corrected(RateLimit limit, long tokens) {
		this.listeners.forEach((listener) -> listener.corrected(limit, tokens));
	}

}
