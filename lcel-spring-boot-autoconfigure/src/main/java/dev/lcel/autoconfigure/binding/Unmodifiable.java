package dev.lcel.autoconfigure.binding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Unmodifiable copies of the collections a properties record is bound with, in the order they
 * were given (a map's order is a chain's order of parallel steps or of alternatives), with
 * nothing bound read as empty. Unlike {@link List#copyOf} and {@link Map#copyOf}, the copies keep
 * the {@code null} values that a YAML {@code ~} binds.
 */
public final class Unmodifiable {

	private Unmodifiable() {
	}

	/**
	 * Return an unmodifiable copy of a bound list.
	 * @param <T> the type of the elements
	 * @param list the list; {@code null} when nothing was bound
	 * @return the copy, empty for {@code null}
	 */
	public static <T> List<T> list(@Nullable List<T> list) {
		return (list != null) ? Collections.unmodifiableList(new ArrayList<>(list)) : List.of();
	}

	/**
	 * Return an unmodifiable copy of a bound map, in its order.
	 * @param <K> the type of the keys
	 * @param <V> the type of the values
	 * @param map the map; {@code null} when nothing was bound
	 * @return the copy, empty for {@code null}
	 */
	public static <K, V> Map<K, V> map(@Nullable Map<K, V> map) {
		return (map != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : Map.of();
	}

}
