package dev.lcel.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.ModelProperties;
import dev.lcel.core.runnable.Runnable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code lcel} Actuator endpoint: every chain with its description, input and output schemas
 * and graph (Mermaid), and every configured model with its provider and model name (never its
 * key), at {@code /actuator/lcel}; one chain at {@code /actuator/lcel/NAME}.
 */
@Endpoint(id = "lcel")
public class LcelEndpoint {

	private final ChainRegistry chains;

	private final ChatModelRegistry models;

	/**
	 * Create an endpoint over the given chains and models.
	 * @param chains the application's chains
	 * @param models the application's configured models, or {@code null}
	 */
	public LcelEndpoint(ChainRegistry chains, ChatModelRegistry models) {
		this.chains = chains;
		this.models = models;
	}

	/**
	 * Describe every chain.
	 * @return the chains by name
	 */
	@ReadOperation
	public ChainsDescriptor chains() {
		Map<String, ChainDescriptor> described = new LinkedHashMap<>();
		this.chains.getChains().forEach((name, chain) -> described.put(name, describe(name, chain)));
		Map<String, ModelDescriptor> models = new LinkedHashMap<>();
		if (this.models != null) {
			for (String name : this.models.names()) {
				ModelProperties model = this.models.properties(name);
				models.put(name, new ModelDescriptor(model.provider(), model.model(), model.baseUrl(),
						name.equals(this.models.defaultModel())));
			}
		}
		return new ChainsDescriptor(described, models);
	}

	/**
	 * Describe one chain.
	 * @param name the chain's name
	 * @return its description, or {@code null} (a 404) if there is no chain of that name
	 */
	@ReadOperation
	public ChainDescriptor chain(@Selector String name) {
		return this.chains.find(name).map((chain) -> describe(name, chain)).orElse(null);
	}

	private ChainDescriptor describe(String name, Runnable<?, ?> chain) {
		return new ChainDescriptor(this.chains.description(name).orElse(null), chain.inputSchema(),
				chain.outputSchema(), chain.getGraph().drawMermaid());
	}

	/**
	 * Every chain and model of the application.
	 *
	 * @param chains the chains by name
	 * @param models the configured models by name
	 */
	public record ChainsDescriptor(Map<String, ChainDescriptor> chains, Map<String, ModelDescriptor> models) {
	}

	/**
	 * One configured model: who serves it and what it requests (never its key).
	 *
	 * @param provider the provider
	 * @param model the requested model
	 * @param baseUrl the provider's URL, if configured
	 * @param defaultModel whether {@code model:} steps with no name use it
	 */
	public record ModelDescriptor(String provider, String model, String baseUrl, boolean defaultModel) {
	}

	/**
	 * One chain: what it does, what goes in and out, and its steps.
	 *
	 * @param description what the chain does, if it says
	 * @param inputSchema the JSON Schema of its input
	 * @param outputSchema the JSON Schema of its output
	 * @param graph its steps as a Mermaid flowchart
	 */
	public record ChainDescriptor(String description, Object inputSchema, Object outputSchema, String graph) {
	}

}
