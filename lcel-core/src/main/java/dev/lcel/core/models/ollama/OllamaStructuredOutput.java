package dev.lcel.core.models.ollama;

import java.util.List;
import java.util.Map;

import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.StructuredOutputMethod;
import dev.lcel.core.models.ToolDefinition;
import dev.lcel.core.models.http.HttpChatApi.StructuredOutput;

/**
 * The {@code /api/chat} parameters that ask for structured output: {@code format} with the
 * schema, or {@code format: "json"}; with tool calling the schema is the only tool (Ollama cannot
 * force its call).
 */
final class OllamaStructuredOutput {

	/** Every method, {@code format} with the schema by default. */
	static final StructuredOutput SUPPORT = new StructuredOutput(StructuredOutputMethod.JSON_SCHEMA,
			List.of(StructuredOutputMethod.values()), OllamaStructuredOutput::options);

	private OllamaStructuredOutput() {
	}

	static ChatOptions options(StructuredOutputMethod method, ToolDefinition schema) {
		return switch (method) {
			case JSON_SCHEMA -> format(schema.parameters());
			case JSON_MODE -> format("json");
			case TOOL_CALLING -> ChatOptions.withTools(List.of(schema));
			case INSTRUCTIONS -> ChatOptions.EMPTY;
		};
	}

	private static ChatOptions format(Object format) {
		return new ChatOptions(null, null, null, null, null, Map.of("format", format));
	}

}
