package dev.lcel.core.messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.schema.JsonSchemas;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas of messages as they cross the wire, for the input and output schemas of
 * prompts and chat models.
 *
 * <p>Every method returns a new {@link ObjectNode} that the caller may modify.
 */
public final class MessageSchemas {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private MessageSchemas() {
	}

	/**
	 * Return the schema of any message: an object with a {@code type} from the closed set and a
	 * {@code content} text.
	 * @return the schema
	 */
	public static ObjectNode message() {
		Map<String, ObjectNode> properties = common(List.of("system", "human", "ai", "tool", "AIMessageChunk"));
		properties.put("tool_call_id", typed("string"));
		return JsonSchemas.object("Message", properties, List.of("type", "content"));
	}

	/**
	 * Return the schema of a model's message ({@code ai} or {@code AIMessageChunk}), with tool calls,
	 * token usage and response metadata.
	 * @return the schema
	 */
	public static ObjectNode aiMessage() {
		Map<String, ObjectNode> properties = common(List.of("ai", "AIMessageChunk"));
		Map<String, ObjectNode> call = new LinkedHashMap<>();
		call.put("id", typed("string"));
		call.put("name", typed("string"));
		call.put("args", typed("object"));
		properties.put("tool_calls", JsonSchemas.arrayOf(JsonSchemas.object("ToolCall", call, List.of("name", "args"))));
		Map<String, ObjectNode> usage = new LinkedHashMap<>();
		usage.put("input_tokens", typed("integer"));
		usage.put("output_tokens", typed("integer"));
		usage.put("total_tokens", typed("integer"));
		properties.put("usage_metadata", JsonSchemas.object("UsageMetadata", usage, List.copyOf(usage.keySet())));
		properties.put("response_metadata", typed("object"));
		return JsonSchemas.object("AIMessage", properties, List.of("type", "content"));
	}

	private static Map<String, ObjectNode> common(List<String> types) {
		Map<String, ObjectNode> properties = new LinkedHashMap<>();
		ObjectNode type = NODES.objectNode();
		types.forEach(type.putArray("enum")::add);
		properties.put("type", type);
		properties.put("content", typed("string"));
		properties.put("id", typed("string"));
		properties.put("name", typed("string"));
		return properties;
	}

	private static ObjectNode typed(String type) {
		return NODES.objectNode().put("type", type);
	}

}
