package dev.lcel.core.models.http.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.ToolDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the parts of a chat request that the providers share under their own names: the sampling
 * options that are set, the tools in the provider's format, and provider-specific parameters as
 * they were given. Not API: the providers' request writers use it, and it may change in any release.
 */
public final class RequestBodies {

	private static final JsonMapper JSON = JsonMapper.shared();

	private RequestBodies() {
	}

	/**
	 * Put the sampling options that are set: {@code temperature}, {@code top_p}, the most tokens
	 * and the stop sequences.
	 * @param target the object to put them in
	 * @param options the options
	 * @param maxTokens the provider's name for the most tokens, or {@code null} to leave it out
	 * @param stop the provider's name for the stop sequences
	 */
	public static void putSampling(ObjectNode target, ChatOptions options, @Nullable String maxTokens, String stop) {
		if (options.temperature() != null) {
			target.put("temperature", options.temperature());
		}
		if (options.topP() != null) {
			target.put("top_p", options.topP());
		}
		if (maxTokens != null && options.maxTokens() != null) {
			target.put(maxTokens, options.maxTokens());
		}
		if (!options.stop().isEmpty()) {
			ArrayNode sequences = target.putArray(stop);
			options.stop().forEach(sequences::add);
		}
	}

	/**
	 * Put the tools, if there are any, as {@code tools}.
	 * @param body the request body
	 * @param tools the tools
	 * @param format writes one tool in the provider's format
	 */
	public static void putTools(ObjectNode body, List<ToolDefinition> tools, Function<ToolDefinition, ObjectNode> format) {
		if (!tools.isEmpty()) {
			ArrayNode wire = body.putArray("tools");
			tools.forEach((tool) -> wire.add(format.apply(tool)));
		}
	}

	/**
	 * Put provider-specific parameters by their wire names, as they were given.
	 * @param target the object to put them in
	 * @param extra the parameters
	 */
	public static void putExtra(ObjectNode target, Map<String, Object> extra) {
		extra.forEach((name, value) -> target.set(name, JSON.valueToTree(value)));
	}

	/**
	 * Write a tool in the function-calling format of OpenAI's Chat Completions, which Ollama reads
	 * too: {@code {"type": "function", "function": {"name", "description", "parameters"}}}.
	 * @param tool the tool
	 * @return the tool's JSON
	 */
	public static ObjectNode functionTool(ToolDefinition tool) {
		ObjectNode wire = JsonNodeFactory.instance.objectNode().put("type", "function");
		putDefinition(wire.putObject("function"), tool, "parameters");
		return wire;
	}

	/**
	 * Put a tool's (or a response schema's) name, its description if it has one, and its JSON
	 * Schema under the provider's name for it.
	 * @param target the object to put them in
	 * @param tool the tool or schema
	 * @param schema the provider's name for the schema, such as {@code parameters}
	 * @return {@code target}
	 */
	public static ObjectNode putDefinition(ObjectNode target, ToolDefinition tool, String schema) {
		target.put("name", tool.name());
		if (tool.description() != null) {
			target.put("description", tool.description());
		}
		target.set(schema, tool.parameters());
		return target;
	}

}
