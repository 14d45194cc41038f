package dev.lcel.autoconfigure.governance.cache;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.lcel.core.governance.cache.ResponseCacheListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts what the response cache of one configured model does, tagged {@code model} with the
 * model's configured name: {@code lcel.cache.gets} by {@code result} ({@code hit}, {@code miss}),
 * {@code lcel.cache.puts}, and {@code lcel.cache.errors} (the store failed; the call went on
 * without it, and the first failure is logged as a warning, later ones at debug level).
 */
final class ResponseCacheMetrics implements ResponseCacheListener {

	private static final Log logger = LogFactory.getLog(ResponseCacheMetrics.class);

	private final String model;

	private final Counter hits;

	private final Counter misses;

	private final Counter puts;

	private final Counter errors;

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Return the listeners of each model's cache, recording into {@code registry}.
	 * @param registry the registry
	 * @return the listener of a model, by its configured name
	 */
	static ResponseCacheListeners listeners(MeterRegistry registry) {
		return (model) -> new ResponseCacheMetrics(registry, model);
	}

	ResponseCacheMetrics(MeterRegistry registry, String model) {
		this.model = model;
		this.hits = gets(registry, model, "hit");
		this.misses = gets(registry, model, "miss");
		this.puts = Counter.builder("lcel.cache.puts")
			.description("Model answers stored in the response cache")
			.tag("model", model)
			.register(registry);
		this.errors = Counter.builder("lcel.cache.errors")
			.description("Response cache store failures; the calls went on without the cache")
			.tag("model", model)
			.register(registry);
	}

	private static Counter gets(MeterRegistry registry, String model, String result) {
		return Counter.builder("lcel.cache.gets")
			.description("Model calls looked up in the response cache")
			.tag("model", model)
			.tag("result", result)
			.register(registry);
	}

	@Override
	public void onHit() {
		this.hits.increment();
	}

	@Override
	public void onMiss() {
		this.misses.increment();
	}

	@Override
	public void onStore(int bytes) {
		this.puts.increment();
	}

	@Override
	public void onStoreError(Throwable error) {
		this.errors.increment();
		String message = "The response cache of model '" + this.model + "' failed (" + error.getClass().getSimpleName()
				+ "); calls go to the model until it works again";
		if (this.warned.compareAndSet(false, true)) {
			logger.warn(message);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message, error);
		}
	}

}
