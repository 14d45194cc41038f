package dev.lcel.autoconfigure.governance;

import java.time.Duration;

import dev.lcel.core.governance.RateLimit;
import dev.lcel.core.governance.RateLimitListener;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the rate limiters' decisions with Micrometer, tagged only with configured names
 * ({@code limit}: {@code rate-limits.global} or {@code rate-limits.models.<name>}):
 * {@code lcel.rate.limit.waits} (a timer of the calls that waited), {@code lcel.rate.limit.rejections}
 * (also by {@code dimension}), {@code lcel.rate.limit.tokens.granted} (the estimates granted plus
 * the reported usage above them) and {@code lcel.rate.limit.tokens.returned} (the estimates above
 * the reported usage).
 */
final class RateLimitMetrics implements RateLimitListener {

	private final MeterRegistry registry;

	RateLimitMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void granted(RateLimit limit, long tokens, Duration wait) {
		if (!wait.isZero()) {
			this.registry.timer("lcel.rate.limit.waits", "limit", limit.name()).record(wait);
		}
		if (limit.tokensPerInterval() > 0) {
			this.registry.counter("lcel.rate.limit.tokens.granted", "limit", limit.name()).increment(tokens);
		}
	}

	@Override
	public void rejected(RateLimit limit, RateLimit.Dimension dimension) {
		this.registry.counter("lcel.rate.limit.rejections", "limit", limit.name(), "dimension", dimension.label())
			.increment();
	}

	@Override
	public void corrected(RateLimit limit, long tokens) {
		this.registry.counter((tokens > 0) ? "lcel.rate.limit.tokens.granted" : "lcel.rate.limit.tokens.returned", "limit",
				limit.name()).increment(Math.abs(tokens));
	}

}
