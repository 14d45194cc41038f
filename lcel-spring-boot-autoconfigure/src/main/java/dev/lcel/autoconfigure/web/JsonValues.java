package dev.lcel.autoconfigure.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Converts request JSON into the plain Java values chains receive: maps, lists, strings, numbers,
 * booleans and {@code null}. Never instantiates a type named by the request.
 */
final class JsonValues {

	private JsonValues() {
	}

	static Object toJava(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				map.put(entry.getKey(), toJava(entry.getValue()));
			}
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			node.forEach((item) -> list.add(toJava(item)));
			return list;
		}
		if (node.isString()) {
			return node.asString();
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToInt() ? (Object) node.asInt() : (node.canConvertToLong() ? node.asLong() : node.bigIntegerValue());
		}
		return node.isBigDecimal() ? node.decimalValue() : node.asDouble();
	}

}
