package dev.lcel.core.models.http.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.ToolDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
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

}
