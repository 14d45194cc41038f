package dev.lcel.core.prompts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.MessageSchemas;
import dev.lcel.core.schema.JsonSchemas;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas of prompt values, as prompts report for their output and chat models accept as
 * input.
 */
public final class PromptValueSchemas {

	private PromptValueSchemas() {
	}

	/**
	 * Return the schema of a {@link StringPromptValue}.
	 * @return a new schema
	 */
	public static ObjectNode stringPromptValue() {
		Map<String, ObjectNode> properties = new LinkedHashMap<>();
		properties.put("text", JsonNodeFactory.instance.objectNode().put("type", "string"));
		properties.put("type", JsonNodeFactory.instance.objectNode().put("const", "StringPromptValue"));
		return JsonSchemas.object("StringPromptValue", properties, List.of("text"));
	}

	/**
	 * Return the schema of a {@link ChatPromptValue}.
	 * @return a new schema
	 */
	public static ObjectNode chatPromptValue() {
		Map<String, ObjectNode> properties = new LinkedHashMap<>();
		properties.put("messages", JsonSchemas.arrayOf(MessageSchemas.message()));
		properties.put("type", JsonNodeFactory.instance.objectNode().put("const", "ChatPromptValueConcrete"));
		return JsonSchemas.object("ChatPromptValueConcrete", properties, List.of("messages"));
	}

}
