package dev.lcel.autoconfigure.governance;

import java.time.Duration;

import dev.lcel.autoconfigure.model.ChatModelDecorator;
import dev.lcel.autoconfigure.model.ModelProperties;
import dev.lcel.core.governance.RateLimit;
import dev.lcel.core.governance.RateLimitListener;
import dev.lcel.core.governance.RateLimitStore;
import dev.lcel.core.governance.RateLimiter;
import dev.lcel.core.governance.TokenEstimator;
import dev.lcel.core.models.ChatModel;

import org.springframework.core.Ordered;

/**
 * Puts the configured rate limits around every model: the model's own limit
 * ({@code lcel.governance.rate-limits.models.<name>}) and the global one, each call needing room in
 * both, its input tokens estimated by the application's {@link TokenEstimator} bean (by default
 * {@link TokenEstimator#CHARACTERS_OVER_FOUR}). A model without a limit and without a global limit
 * is left alone. It sits inside the
 * response cache, so a cache hit spends no budget.
 */
public final class RateLimitChatModelDecorator implements ChatModelDecorator, Ordered {

	/** The decorator's order: inside the response cache's ({@code HIGHEST_PRECEDENCE + 100}). */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

	private final RateLimitsProperties properties;

	private final RateLimitStore store;

	private final RateLimitListener listener;

	private final TokenEstimator estimator;

	RateLimitChatModelDecorator(RateLimitsProperties properties, RateLimitStore store, RateLimitListener listener,
			TokenEstimator estimator) {
		this.properties = properties;
		this.store = store;
		this.listener = listener;
		this.estimator = estimator;
	}

	@Override
	public ChatModel decorate(String name, ModelProperties model, ChatModel chatModel) {
		RateLimiter.Builder limiter = RateLimiter.builder(this.store)
			.maxWait(this.properties.maxWait())
			.listener(this.listener)
			.estimator(this.estimator);
		boolean limited = false;
		RateLimitsProperties.Limit own = this.properties.models().get(name);
		if (own != null) {
			limited |= add(limiter, "rate-limits.models." + name, own);
		}
		limited |= add(limiter, "rate-limits.global", this.properties.global());
		return limited ? limiter.build().guard(chatModel) : chatModel;
	}

	private boolean add(RateLimiter.Builder limiter, String name, RateLimitsProperties.Limit configured) {
		Duration interval = (configured.interval() != null) ? configured.interval() : this.properties.interval();
		RateLimit limit = new RateLimit(name, configured.requestsPerInterval(), configured.tokensPerInterval(),
				interval);
		if (limit.limits()) {
			limiter.limit(limit);
		}
		return limit.limits();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
