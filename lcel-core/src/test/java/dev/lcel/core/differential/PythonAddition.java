package dev.lcel.core.differential;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * LangChain Python's {@code +} on neutral chunks, as {@code astream_log} sums the root's chunks into its
 * {@code final_output}: strings and lists concatenate, numbers add, message chunks concatenate their
 * content, a chunk map ({@code AddableDict}) adds key by key where a value that cannot be added (a nested
 * plain map) is replaced by the newer one; chunks that cannot be added at all restart the sum.
 */
final class PythonAddition {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private PythonAddition() {
	}

	static JsonNode sum(JsonNode chunks) {
		JsonNode total = NODES.nullNode();
		for (JsonNode chunk : chunks) {
			if (total.isNull()) {
				total = chunk.deepCopy();
				continue;
			}
			JsonNode added = add(total, chunk, true);
			total = (added == null) ? chunk.deepCopy() : added;
		}
		return total;
	}

	/** The sum, or {@code null} where Python raises TypeError. */
	private static JsonNode add(JsonNode a, JsonNode b, boolean addableMap) {
		if (a.isString() && b.isString()) {
			return NODES.stringNode(a.asString() + b.asString());
		}
		if (a.isIntegralNumber() && b.isIntegralNumber()) {
			long sum = a.asLong() + b.asLong();
			return (sum == (int) sum) ? NODES.numberNode((int) sum) : NODES.numberNode(sum);
		}
		if (a.isNumber() && b.isNumber()) {
			return NODES.numberNode(a.asDouble() + b.asDouble());
		}
		if (a instanceof ArrayNode first && b instanceof ArrayNode second) {
			ArrayNode joined = first.deepCopy();
			second.forEach((item) -> joined.add(item.deepCopy()));
			return joined;
		}
		if (a.has("$message") && b.has("$message")) {
			ObjectNode message = (ObjectNode) a.deepCopy();
			message.put("content", a.path("content").asString() + b.path("content").asString());
			return message;
		}
		if (addableMap && a instanceof ObjectNode first && b instanceof ObjectNode second) {
			ObjectNode chunk = first.deepCopy();
			List<String> keys = new ArrayList<>(second.propertyNames());
			for (String key : keys) {
				JsonNode next = second.get(key);
				if (!chunk.has(key) || chunk.get(key).isNull()) {
					chunk.set(key, next.deepCopy());
				}
				else if (!next.isNull()) {
					JsonNode added = add(chunk.get(key), next, false);
					chunk.set(key, (added == null) ? next.deepCopy() : added);
				}
			}
			return chunk;
		}
		return null;
	}

}
