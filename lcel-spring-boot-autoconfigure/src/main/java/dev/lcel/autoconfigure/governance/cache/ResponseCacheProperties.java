package dev.lcel.autoconfigure.governance.cache;

import java.time.Duration;
import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The response cache of chat model calls: {@code lcel.governance.cache.*}.
 *
 * @param enabled Whether to answer repeated model calls from the cache.
 * @param store Where answers are kept: memory (this instance) or redis (shared by every instance).
 * @param ttl How long an answer is kept.
 * @param maxEntries The most answers the memory store keeps; the least recently used go first.
 * @param maxBytes The most bytes of answers (as stored JSON) the memory store keeps.
 * @param cacheNonzeroTemperature Whether to cache calls whose temperature is not 0 (or not set) too.
 * @param redis The Redis store.
 * @param models The cache per configured model (lcel.models.NAME), by model name.
 */
@ConfigurationProperties(ResponseCacheProperties.PREFIX)
public record ResponseCacheProperties(boolean enabled, @DefaultValue("memory") Store store,
		@DefaultValue("1h") Duration ttl, @DefaultValue("10000") int maxEntries, @DefaultValue("64MB") DataSize maxBytes,
		boolean cacheNonzeroTemperature, @DefaultValue Redis redis, Map<String, ModelCache> models) {

	/** The prefix of these properties. */
	public static final String PREFIX = "lcel.governance.cache";

	/** Copy the models' caches, in their order. */
	public ResponseCacheProperties {
		models = Unmodifiable.map(models);
	}

	/**
	 * Return whether the calls of a configured model are cached.
	 * @param model the model's name
	 * @return {@code true} unless {@code models.<model>.enabled} is {@code false}
	 */
	public boolean cachesModel(String model) {
		ModelCache cache = this.models.get(model);
		return cache == null || cache.enabled();
	}

	/**
	 * Where answers are kept.
	 */
	public enum Store {

		/** In this instance's memory, bounded by max-entries and max-bytes. */
		MEMORY,

		/** In Redis, shared by every instance, through Spring Boot's Redis connection. */
		REDIS

	}

	/**
	 * The Redis store.
	 *
	 * @param keyPrefix The prefix of the cache's Redis keys.
	 */
	public record Redis(@DefaultValue("lcel:cache:") String keyPrefix) {
	}

	/**
	 * The cache of one model.
	 *
	 * @param enabled Whether this model's calls are cached.
	 */
	public record ModelCache(@DefaultValue("true") boolean enabled) {
	}

}
