package dev.lcel.autoconfigure.observation;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Meter;

/**
 * The meters of one name by the values of their tags, registered once and then looked up without
 * building their id again: a run's metrics cost a map lookup instead of a builder, a tag list and
 * the registry's filters. At most {@code capacity} meters are kept (lcel sizes it by
 * {@code lcel.metrics.max-tag-values}, the bound its name tags have anyway); a key beyond that is
 * registered again on each use, exactly as without the cache. Safe to use concurrently.
 *
 * @param <K> the key: the tag values that tell the meters apart
 * @param <M> the type of meter
 */
public final class MeterCache<K, M extends Meter> {

	private final Map<K, M> meters = new ConcurrentHashMap<>();

	private final Function<K, M> register;

	private final int capacity;

	/**
	 * Create a cache.
	 * @param register registers (or finds) the meter of a key in the registry
	 * @param capacity the most meters kept
	 */
	public MeterCache(Function<K, M> register, int capacity) {
		this.register = Objects.requireNonNull(register, "register must not be null");
		this.capacity = capacity;
	}

	/**
	 * Return the meter of a key, registering it the first time.
	 * @param key the tag values
	 * @return the meter (a no-op one if the registry's filters deny it)
	 */
	public M get(K key) {
		M meter = this.meters.get(key);
		if (meter != null) {
			return meter;
		}
		meter = this.register.apply(key);
		if (this.meters.size() < this.capacity) {
			this.meters.putIfAbsent(key, meter);
		}
		return meter;
	}

}
