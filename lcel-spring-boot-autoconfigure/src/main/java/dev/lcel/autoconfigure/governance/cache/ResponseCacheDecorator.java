package dev.lcel.autoconfigure.governance.cache;

import dev.lcel.autoconfigure.model.ChatModelDecorator;
import dev.lcel.autoconfigure.model.ModelProperties;
import dev.lcel.core.governance.cache.CachingChatModel;
import dev.lcel.core.governance.cache.ResponseCacheStore;
import dev.lcel.core.models.ChatModel;

import org.springframework.core.Ordered;

/**
 * Wraps every configured model whose cache is on in a {@link CachingChatModel}: the outermost
 * decorator, so that a call answered from the cache spends none of a rate limit's budget.
 */
public final class ResponseCacheDecorator implements ChatModelDecorator, Ordered {

	/** The order of this decorator: before (outside) the rate limiter's. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final ResponseCacheProperties properties;

	private final ResponseCacheStore store;

	private final ResponseCacheListeners listeners;

	/**
	 * Create a decorator.
	 * @param properties the cache's properties
	 * @param store where answers are kept
	 * @param listeners the listener of each model's cache, by the model's configured name
	 */
	public ResponseCacheDecorator(ResponseCacheProperties properties, ResponseCacheStore store,
			ResponseCacheListeners listeners) {
		this.properties = properties;
		this.store = store;
		this.listeners = listeners;
	}

	@Override
	public ChatModel decorate(String name, ModelProperties model, ChatModel delegate) {
		if (!this.properties.cachesModel(name)) {
			return delegate;
		}
		return CachingChatModel.builder(delegate, this.store)
			.timeToLive(this.properties.ttl())
			.cacheNonZeroTemperature(this.properties.cacheNonzeroTemperature())
			.listener(this.listeners.listener(name))
			.build();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
