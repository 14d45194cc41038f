package dev.lcel.autoconfigure.governance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits of model calls, under {@code lcel.governance.rate-limits}: a global limit over every
 * configured model and one per model ({@code models.<name>}, a name of {@code lcel.models}), each in
 * requests and tokens per interval. A count of 0 (the default) does not limit.
 */
@ConfigurationProperties("lcel.governance.rate-limits")
public class RateLimitsProperties {

	/** Where the limits' state lives: memory (per instance) or redis (shared by every instance). */
	private GovernanceStore store = GovernanceStore.MEMORY;

	/** The interval of every limit that sets none of its own. */
	private Duration interval = Duration.ofMinutes(1);

	/** The longest a call waits for its budget before it is refused with a 429; 0 refuses at once. */
	private Duration maxWait = Duration.ofSeconds(5);

	/** The limit over the calls of every model together. */
	private Limit global = new Limit();

	/** The limit of each model, by its name in lcel.models. */
	private Map<String, Limit> models = new LinkedHashMap<>();

	private final Memory memory = new Memory();

	private final Redis redis = new Redis();

	public GovernanceStore getStore() {
		return this.store;
	}

	public void setStore(GovernanceStore store) {
		this.store = store;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public Duration getMaxWait() {
		return this.maxWait;
	}

	public void setMaxWait(Duration maxWait) {
		this.maxWait = maxWait;
	}

	public Limit getGlobal() {
		return this.global;
	}

	public void setGlobal(Limit global) {
		this.global = global;
	}

	public Map<String, Limit> getModels() {
		return this.models;
	}

	public void setModels(Map<String, Limit> models) {
		this.models = models;
	}

	public Memory getMemory() {
		return this.memory;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * One limit: requests and tokens (input and output) per interval.
	 */
	public static class Limit {

		/** The most model calls per interval; 0 for no limit. */
		private long requestsPerInterval;

		/** The most tokens, input and output, per interval; 0 for no limit. */
		private long tokensPerInterval;

		/** This limit's interval; by default lcel.governance.rate-limits.interval. */
		private @Nullable Duration interval;

		public long getRequestsPerInterval() {
			return this.requestsPerInterval;
		}

		public void setRequestsPerInterval(long requestsPerInterval) {
			this.requestsPerInterval = requestsPerInterval;
		}

		public long getTokensPerInterval() {
			return this.tokensPerInterval;
		}

		public void setTokensPerInterval(long tokensPerInterval) {
			this.tokensPerInterval = tokensPerInterval;
		}

		public @Nullable Duration getInterval() {
			return this.interval;
		}

		public void setInterval(@Nullable Duration interval) {
			this.interval = interval;
		}

	}

	/**
	 * Bounds of the memory store.
	 */
	public static class Memory {

		/** The most buckets kept (two per limit: requests and tokens). */
		private int maxBuckets = 10_000;

		public int getMaxBuckets() {
			return this.maxBuckets;
		}

		public void setMaxBuckets(int maxBuckets) {
			this.maxBuckets = maxBuckets;
		}

	}

	/**
	 * Settings of the Redis store.
	 */
	public static class Redis {

		/** What every bucket's key starts with, followed by the limit's name and its dimension. */
		private String keyPrefix = "lcel:rate-limit:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

}
