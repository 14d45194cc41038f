package dev.lcel.core.differential;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.prompts.ChatPromptValue;
import dev.lcel.core.prompts.StringPromptValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The neutral JSON form in which both sides' values are compared, the Java half of {@code neutral} in
 * {@code reference.mjs}: a message becomes {@code {"$message": class, "content": ..., "tool_calls": [...]}}
 * (tool calls only when there are some; ids and metadata are left out, they are not deterministic or not
 * LangChain's), a prompt value {@code {"$prompt": class, ...}}, an exception {@code {"$error": true}}, maps
 * and lists element by element, and any other object its Jackson form under {@code "$class"}.
 */
final class Neutral {

	static final JsonMapper JSON = JsonMapper.shared();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Neutral() {
	}

	static JsonNode of(Object value) {
		if (value == null) {
			return NODES.nullNode();
		}
		if (value instanceof JsonNode node) {
			return node;
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return JSON.valueToTree(value);
		}
		if (value instanceof Throwable) {
			return NODES.objectNode().put("$error", true);
		}
		if (value instanceof BaseMessage message) {
			return message(message);
		}
		if (value instanceof ChatPromptValue prompt) {
			ObjectNode node = NODES.objectNode().put("$prompt", "ChatPromptValue");
			node.set("messages", of(prompt.messages()));
			return node;
		}
		if (value instanceof StringPromptValue prompt) {
			return NODES.objectNode().put("$prompt", "StringPromptValue").put("text", prompt.text());
		}
		if (value instanceof Map<?, ?> map) {
			ObjectNode node = NODES.objectNode();
			new TreeMap<>(map).forEach((key, item) -> node.set(String.valueOf(key), of(item)));
			return node;
		}
		if (value instanceof Iterable<?> items) {
			ArrayNode node = NODES.arrayNode();
			items.forEach((item) -> node.add(of(item)));
			return node;
		}
		JsonNode tree = JSON.valueToTree(value);
		if (tree instanceof ObjectNode object) {
			ObjectNode node = NODES.objectNode().put("$class", value.getClass().getSimpleName());
			object.properties().forEach((entry) -> node.set(entry.getKey(), entry.getValue()));
			return node;
		}
		return tree;
	}

	private static JsonNode message(BaseMessage message) {
		ObjectNode node = NODES.objectNode().put("$message", message.getClass().getSimpleName());
		node.put("content", message.content());
		if (message instanceof AIMessage ai && !ai.toolCalls().isEmpty()) {
			node.set("tool_calls", JSON.valueToTree(ai.toolCalls()));
		}
		return node;
	}

	/** Return a copy whose object keys are sorted at every level, so that equal values print alike. */
	static JsonNode sorted(JsonNode node) {
		if (node instanceof ObjectNode object) {
			ObjectNode copy = NODES.objectNode();
			new TreeMap<>(object.propertyStream().collect(Collectors.toMap(Map.Entry::getKey,
					Map.Entry::getValue))).forEach((key, item) -> copy.set(key, sorted(item)));
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = NODES.arrayNode();
			array.forEach((item) -> copy.add(sorted(item)));
			return copy;
		}
		return node;
	}

	/** One line of compact JSON, keys sorted, numbers written alike on both sides. */
	static String line(JsonNode node) {
		return JSON.writeValueAsString(sorted(JSON.readTree(JSON.writeValueAsString(node))));
	}

	static List<String> lines(List<? extends JsonNode> nodes) {
		return nodes.stream().map(Neutral::line).toList();
	}

}
