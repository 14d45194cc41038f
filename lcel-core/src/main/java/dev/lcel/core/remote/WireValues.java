package dev.lcel.core.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lcel.core.messages.BaseMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JSON from the wire into the values chains take and give: maps, lists, strings, numbers,
 * booleans and {@code null}, with one exception: an object whose {@code type} names a message
 * ({@code human}, {@code ai}, {@code system}, {@code tool}, {@code AIMessageChunk}) and that has
 * {@code content} becomes that message, as LangChain's clients expect. The set of message types is
 * closed; no other type is ever chosen by the data.
 */
public final class WireValues {

	private static final Set<String> MESSAGE_TYPES = Set.of("human", "ai", "system", "tool", "AIMessageChunk");

	private WireValues() {
	}

	/**
	 * Convert a JSON value.
	 * @param json the mapper that reads messages
	 * @param node the value, may be {@code null}
	 * @return the Java value
	 */
	public static Object toJava(JsonMapper json, JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isObject()) {
			if (isMessage(node)) {
				return json.treeToValue(node, BaseMessage.class);
			}
			Map<String, Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				map.put(entry.getKey(), toJava(json, entry.getValue()));
			}
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			node.forEach((item) -> list.add(toJava(json, item)));
			return list;
		}
		if (node.isString()) {
			return node.asString();
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToInt() ? (Object) node.asInt()
					: (node.canConvertToLong() ? node.asLong() : node.bigIntegerValue());
		}
		return node.isBigDecimal() ? node.decimalValue() : node.asDouble();
	}

	private static boolean isMessage(JsonNode node) {
		JsonNode type = node.get("type");
		return type != null && type.isString() && MESSAGE_TYPES.contains(type.asString()) && node.has("content");
	}

}
