package dev.lcel.core.models.openai;

import java.util.List;
import java.util.Map;

import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.StructuredOutputMethod;
import dev.lcel.core.models.ToolDefinition;
import dev.lcel.core.models.http.HttpChatApi.StructuredOutput;
import dev.lcel.core.models.http.internal.RequestBodies;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Chat Completions parameters that ask for structured output: {@code response_format} with a
 * strict {@code json_schema}, a forced function {@code tool_choice}, or {@code json_object} mode.
 */
final class OpenAiStructuredOutput {

	/** Every method, a strict {@code json_schema} by default. */
	static final StructuredOutput SUPPORT = new StructuredOutput(StructuredOutputMethod.JSON_SCHEMA,
			List.of(StructuredOutputMethod.values()), OpenAiStructuredOutput::options);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private OpenAiStructuredOutput() {
	}

	static ChatOptions options(StructuredOutputMethod method, ToolDefinition schema) {
		return switch (method) {
			case JSON_SCHEMA -> extra(Map.of("response_format", jsonSchema(schema)));
			case TOOL_CALLING -> ChatOptions.withTools(List.of(schema)).merge(extra(Map.of("tool_choice", toolChoice(schema))));
			case JSON_MODE -> extra(Map.of("response_format", NODES.objectNode().put("type", "json_object")));
			case INSTRUCTIONS -> ChatOptions.EMPTY;
		};
	}

	private static ObjectNode jsonSchema(ToolDefinition schema) {
		ObjectNode format = NODES.objectNode().put("type", "json_schema");
		RequestBodies.putDefinition(format.putObject("json_schema"), schema, "schema").put("strict", true);
		return format;
	}

	private static ObjectNode toolChoice(ToolDefinition schema) {
		ObjectNode choice = NODES.objectNode().put("type", "function");
		choice.putObject("function").put("name", schema.name());
		return choice;
	}

	private static ChatOptions extra(Map<String, Object> extra) {
		return new ChatOptions(null, null, null, null, null, extra);
	}

}
