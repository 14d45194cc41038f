package dev.lcel.core.config;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The metadata or {@code configurable} map of a {@link RunnableConfig}: an unmodifiable copy in
 * the caller's order (with {@code null} values allowed, unlike {@link Map#copyOf}), which a config
 * made from another config (a child run's, with other callbacks) takes as it is instead of
 * copying it again.
 */
final class ConfigMap extends AbstractMap<String, Object> {

	private final Map<String, Object> entries;

	private ConfigMap(Map<String, Object> source) {
		this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(source));
	}

	/**
	 * Return {@code map} if a config made it, else an unmodifiable copy of it.
	 */
	static Map<String, Object> of(@Nullable Map<String, Object> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		return (map instanceof ConfigMap) ? map : new ConfigMap(map);
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return this.entries.entrySet();
	}

	@Override
	public @Nullable Object get(Object key) {
		return this.entries.get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return this.entries.containsKey(key);
	}

	@Override
	public int size() {
		return this.entries.size();
	}

}
