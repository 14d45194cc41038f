package dev.lcel.core.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lcel.core.messages.BaseMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JSON from the wire into the values chains take and give: maps, lists, strings, numbers,
 * booleans and {@code null}, with one exception: an object whose {@code type} names a message
 * ({@code human}, {@code ai}, {@code system}, {@code tool}, {@code AIMessageChunk}) and that has
 * {@code content} becomes that message, as LangChain's clients expect. The set of message types is
 * closed; no other type is ever chosen by the data.
 *
 * <p>A message is read strictly: a field of the wrong type ({@code tool_calls} that is a string,
 * {@code usage_metadata} that is a number), a required field missing ({@code tool_call_id} of a
 * tool message, {@code name} of a tool call) or a number out of range fails with an
 * {@link InvalidWireValueException} that names the field as a JSON Pointer, wherever the message
 * sits in the value.
 */
public final class WireValues {

	private static final Set<String> MESSAGE_TYPES = Set.of("human", "ai", "system", "tool", "AIMessageChunk");

	private WireValues() {
	}

	/**
	 * Convert a JSON value.
	 * @param json the mapper that reads messages
	 * @param node the value, may be {@code null}
	 * @return the Java value, {@code null} for a JSON {@code null} or no value
	 * @throws InvalidWireValueException if a message in the value is malformed
	 */
	public static @Nullable Object toJava(JsonMapper json, @Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isObject()) {
			if (isMessage(node)) {
				return message(json, node);
			}
			Map<String, Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				try {
					map.put(entry.getKey(), toJava(json, entry.getValue()));
				}
				catch (InvalidWireValueException ex) {
					throw ex.under(entry.getKey());
				}
			}
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			for (int i = 0; i < node.size(); i++) {
				try {
					list.add(toJava(json, node.get(i)));
				}
				catch (InvalidWireValueException ex) {
					throw ex.under(Integer.toString(i));
				}
			}
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

	/**
	 * Read one message, translating what Jackson reports into a pointer and our own words.
	 */
	private static BaseMessage message(JsonMapper json, JsonNode node) {
		if (!node.get("content").isString()) {
			throw new InvalidWireValueException("/content", "must be a string");
		}
		if ("tool".equals(node.get("type").asString())) {
			JsonNode id = node.get("tool_call_id");
			if (id == null || !id.isString()) {
				throw new InvalidWireValueException("/tool_call_id", "is required for a tool message, a string");
			}
		}
		try {
			return json.treeToValue(node, BaseMessage.class);
		}
		catch (JacksonException ex) {
			throw InvalidWireValueException.from(ex);
		}
	}

}
