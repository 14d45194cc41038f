package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values read from configuration as their types: the binder gives every value of a free-form map
 * (a step's {@code bind}, an output's {@code schema}) as text, and YAML lists inside such a map as
 * maps keyed {@code 0, 1, ...}.
 */
final class BoundValues {

	private BoundValues() {
	}

	/**
	 * Return a map's values as their types.
	 * @param values the values as bound
	 * @return a new map of the typed values, in the same order
	 */
	static Map<String, Object> typed(Map<String, ?> values) {
		Map<String, Object> typed = new LinkedHashMap<>();
		values.forEach((key, value) -> typed.put(key, typed(value)));
		return typed;
	}

	/**
	 * Return a bound value as its type: numbers and booleans from their text, and lists from the
	 * maps keyed {@code 0, 1, ...} that the binder makes of YAML lists inside a map.
	 * @param value the value as bound
	 * @return the typed value
	 */
	static Object typed(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> typedMap = new LinkedHashMap<>();
			map.forEach((key, element) -> typedMap.put(String.valueOf(key), typed(element)));
			return isList(typedMap) ? new ArrayList<>(typedMap.values()) : typedMap;
		}
		if (!(value instanceof String text)) {
			return value;
		}
		if (text.equals("true") || text.equals("false")) {
			return Boolean.parseBoolean(text);
		}
		try {
			return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

	private static boolean isList(Map<String, Object> map) {
		int index = 0;
		for (String key : map.keySet()) {
			if (!key.equals(String.valueOf(index++))) {
				return false;
			}
		}
		return !map.isEmpty();
	}

}
