package dev.lcel.autoconfigure.governance.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The response cache of chat model calls: {@code lcel.governance.cache.*}.
 */
@ConfigurationProperties("lcel.governance.cache")
public class ResponseCacheProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "lcel.governance.cache";

	/**
	 * Whether to answer repeated model calls from the cache.
	 */
	private boolean enabled;

	/**
	 * Where answers are kept: memory (this instance) or redis (shared by every instance).
	 */
	private Store store = Store.MEMORY;

	/**
	 * How long an answer is kept.
	 */
	private Duration ttl = Duration.ofHours(1);

	/**
	 * The most answers the memory store keeps; the least recently used go first.
	 */
	private int maxEntries = 10_000;

	/**
	 * The most bytes of answers (as stored JSON) the memory store keeps.
	 */
	private DataSize maxBytes = DataSize.ofMegabytes(64);

	/**
	 * Whether to cache calls whose temperature is not 0 (or not set) too.
	 */
	private boolean cacheNonzeroTemperature;

	/**
	 * The Redis store.
	 */
	private final Redis redis = new Redis();

	/**
	 * The cache per configured model (lcel.models.NAME), by model name.
	 */
	private Map<String, ModelCache> models = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	public int getMaxEntries() {
		return this.maxEntries;
	}

	public void setMaxEntries(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	public DataSize getMaxBytes() {
		return this.maxBytes;
	}

	public void setMaxBytes(DataSize maxBytes) {
		this.maxBytes = maxBytes;
	}

	public boolean isCacheNonzeroTemperature() {
		return this.cacheNonzeroTemperature;
	}

	public void setCacheNonzeroTemperature(boolean cacheNonzeroTemperature) {
		this.cacheNonzeroTemperature = cacheNonzeroTemperature;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public Map<String, ModelCache> getModels() {
		return this.models;
	}

	public void setModels(Map<String, ModelCache> models) {
		this.models = models;
	}

	/**
	 * Return whether the calls of a configured model are cached.
	 * @param model the model's name
	 * @return {@code true} unless {@code models.<model>.enabled} is {@code false}
	 */
	public boolean cachesModel(String model) {
		ModelCache cache = this.models.get(model);
		return cache == null || cache.isEnabled();
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
	 */
	public static class Redis {

		/**
		 * The prefix of the cache's Redis keys.
		 */
		private String keyPrefix = "lcel:cache:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

	/**
	 * The cache of one model.
	 */
	public static class ModelCache {

		/**
		 * Whether this model's calls are cached.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
