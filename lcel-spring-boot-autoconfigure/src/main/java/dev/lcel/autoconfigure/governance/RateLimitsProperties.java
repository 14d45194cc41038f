package dev.lcel.autoconfigure.governance;

import java.time.Duration;
import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits of model calls, under {@code lcel.governance.rate-limits}: a global limit over every
 * configured model and one per model ({@code models.<name>}, a name of {@code lcel.models}), each in
 * requests and tokens per interval. A count of 0 (the default) does not limit.
 *
 * @param store Where the limits' state lives: memory (per instance) or redis (shared by every
 * instance).
 * @param interval The interval of every limit that sets none of its own.
 * @param maxWait The longest a call waits for its budget before it is refused with a 429; 0 refuses
 * at once.
 * @param global The limit over the calls of every model together.
 * @param models The limit of each model, by its name in lcel.models.
 * @param memory Bounds of the memory store.
 * @param redis Settings of the Redis store.
 */
@ConfigurationProperties("lcel.governance.rate-limits")
public record RateLimitsProperties(@DefaultValue("memory") GovernanceStore store, @DefaultValue("1m") Duration interval,
		@DefaultValue("5s") Duration maxWait, @DefaultValue Limit global, Map<String, Limit> models,
		@DefaultValue Memory memory, @DefaultValue Redis redis) {

	/** Copy the models' limits, in their order. */
	public RateLimitsProperties {
		models = Unmodifiable.map(models);
	}

	/**
	 * One limit: requests and tokens (input and output) per interval.
	 *
	 * @param requestsPerInterval The most model calls per interval; 0 for no limit.
	 * @param tokensPerInterval The most tokens, input and output, per interval; 0 for no limit.
	 * @param interval This limit's interval; by default lcel.governance.rate-limits.interval.
	 */
	public record Limit(long requestsPerInterval, long tokensPerInterval, @Nullable Duration interval) {
	}

	/**
	 * Bounds of the memory store.
	 *
	 * @param maxBuckets The most buckets kept (two per limit: requests and tokens).
	 */
	public record Memory(@DefaultValue("10000") int maxBuckets) {
	}

	/**
	 * Settings of the Redis store.
	 *
	 * @param keyPrefix What every bucket's key starts with, followed by the limit's name and its
	 * dimension.
	 */
	public record Redis(@DefaultValue("lcel:rate-limit:") String keyPrefix) {
	}

}
