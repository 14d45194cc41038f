package dev.lcel.core.models.anthropic;

import java.util.List;
import java.util.Map;

import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.StructuredOutputMethod;
import dev.lcel.core.models.ToolDefinition;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The Messages parameters that ask for structured output: the schema as the only tool and a
 * {@code tool_choice} that forces its call.
 */
final class AnthropicStructuredOutput {

	private AnthropicStructuredOutput() {
	}

	static ChatOptions forcedTool(ToolDefinition schema) {
		return ChatOptions.withTools(List.of(schema))
			.merge(new ChatOptions(null, null, null, null, null, Map.of("tool_choice",
					JsonNodeFactory.instance.objectNode().put("type", "tool").put("name", schema.name()))));
	}

	static boolean supports(StructuredOutputMethod method) {
		return method == StructuredOutputMethod.TOOL_CALLING || method == StructuredOutputMethod.INSTRUCTIONS;
	}

}
