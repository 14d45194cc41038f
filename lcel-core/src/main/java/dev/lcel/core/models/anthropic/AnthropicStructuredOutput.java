package dev.lcel.core.models.anthropic;

import java.util.List;
import java.util.Map;

import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.StructuredOutputMethod;
import dev.lcel.core.models.ToolDefinition;
import dev.lcel.core.models.http.HttpChatApi.StructuredOutput;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The Messages parameters that ask for structured output: the schema as the only tool and a
 * {@code tool_choice} that forces its call.
 */
final class AnthropicStructuredOutput {

	/** A forced tool call by default, or instructions alone. */
	static final StructuredOutput SUPPORT = new StructuredOutput(StructuredOutputMethod.TOOL_CALLING,
			List.of(StructuredOutputMethod.TOOL_CALLING, StructuredOutputMethod.INSTRUCTIONS),
			AnthropicStructuredOutput::options);

	private AnthropicStructuredOutput() {
	}

	static ChatOptions options(StructuredOutputMethod method, ToolDefinition schema) {
		return (method == StructuredOutputMethod.TOOL_CALLING) ? forcedTool(schema) : ChatOptions.EMPTY;
	}

	private static ChatOptions forcedTool(ToolDefinition schema) {
		return ChatOptions.withTools(List.of(schema))
			.merge(new ChatOptions(null, null, null, null, null, Map.of("tool_choice",
					JsonNodeFactory.instance.objectNode().put("type", "tool").put("name", schema.name()))));
	}

}
