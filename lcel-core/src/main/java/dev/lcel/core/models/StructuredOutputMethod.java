package dev.lcel.core.models;

import java.util.Locale;

/**
 * How a chat model is asked for output of a JSON Schema, as chosen with
 * {@link StructuredOutputRunnable#withMethod}: each provider supports some of them natively, and
 * every model supports {@link #INSTRUCTIONS}.
 */
public enum StructuredOutputMethod {

	/**
	 * The provider constrains the answer to the schema: OpenAI's {@code response_format} with a
	 * strict {@code json_schema} (and compatible servers that support it), Ollama's
	 * {@code format} with the schema.
	 */
	JSON_SCHEMA,

	/**
	 * The model is made to call one tool whose parameters are the schema (Anthropic's forced
	 * {@code tool_choice}, OpenAI's {@code tool_choice} function), and the call's arguments are
	 * the answer.
	 */
	TOOL_CALLING,

	/**
	 * The provider's JSON mode (OpenAI's {@code json_object}, Ollama's {@code format: json}), which
	 * guarantees JSON but not its shape, with the schema in instructions added to the prompt.
	 */
	JSON_MODE,

	/**
	 * No provider feature: instructions with the schema are added to the prompt and the text is
	 * parsed; the fallback for models without a native mode, such as the fake models.
	 */
	INSTRUCTIONS;

	/**
	 * Return the method of the given name, as YAML and LangChain write it: {@code json_schema},
	 * {@code tool_calling} (or LangChain's {@code function_calling}), {@code json_mode},
	 * {@code instructions}; case and dashes do not matter.
	 * @param name the name
	 * @return the method
	 * @throws IllegalArgumentException for another name, listing the valid ones
	 */
	public static StructuredOutputMethod of(String name) {
		String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		if (normalised.equals("FUNCTION_CALLING")) {
			return TOOL_CALLING;
		}
		for (StructuredOutputMethod method : values()) {
			if (method.name().equals(normalised)) {
				return method;
			}
		}
		throw new IllegalArgumentException("Unknown structured output method '" + name
				+ "'; valid: json_schema, tool_calling, json_mode, instructions");
	}

	/**
	 * Return the method's name as YAML writes it.
	 * @return the lower-case name, such as {@code json_schema}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
