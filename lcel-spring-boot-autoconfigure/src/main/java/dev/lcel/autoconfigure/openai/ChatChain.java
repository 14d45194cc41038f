package dev.lcel.autoconfigure.openai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.runnable.Runnable;

/**
 * A chain served as a chat model: the id clients name it by, the chain, how the messages become
 * its input, and which {@code configurable} keys receive the request's sampling parameters.
 *
 * @param id the model id
 * @param chain the chain
 * @param input how the messages become the chain's input
 * @param options the request parameters the chain accepts, each to its {@code configurable} key;
 * {@code null} to find them from the chain's configurable fields on first use
 */
record ChatChain(String id, Runnable<Object, Object> chain, ChatInput input, Map<String, String> options) {

	/** The request parameters that can reach a chain's model. */
	static final Set<String> PARAMETERS = Set.of("temperature", "max_tokens", "stop", "top_p");

	/**
	 * Return the parameters the chain accepts: those configured, else the chain's configurable
	 * fields named after a parameter ({@code temperature}, {@code max_tokens}/{@code maxTokens},
	 * {@code stop}, {@code top_p}/{@code topP}), as a YAML model step's {@code configurable}
	 * declares them.
	 * @return the parameters, each to its {@code configurable} key
	 */
	Map<String, String> acceptedOptions() {
		if (this.options != null) {
			return this.options;
		}
		Map<String, String> found = new LinkedHashMap<>();
		for (ConfigurableFieldSpec spec : this.chain.configSpecs()) {
			String parameter = parameter(spec.name());
			if (parameter != null) {
				found.putIfAbsent(parameter, spec.id());
			}
		}
		return found;
	}

	private static String parameter(String name) {
		if (name == null) {
			return null;
		}
		return switch (name) {
			case "temperature", "stop" -> name;
			case "max_tokens", "maxTokens" -> "max_tokens";
			case "top_p", "topP" -> "top_p";
			default -> null;
		};
	}

}
