package dev.lcel.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.core.runnable.Runnable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code lcel} Actuator endpoint: every chain with its description, input and output schemas
 * and graph (Mermaid), at {@code /actuator/lcel}, and one chain at {@code /actuator/lcel/NAME}.
 */
@Endpoint(id = "lcel")
public class LcelEndpoint {

	private final ChainRegistry chains;

	/**
	 * Create an endpoint over the given chains.
	 * @param chains the application's chains
	 */
	public LcelEndpoint(ChainRegistry chains) {
		this.chains = chains;
	}

	/**
	 * Describe every chain.
	 * @return the chains by name
	 */
	@ReadOperation
	public ChainsDescriptor chains() {
		Map<String, ChainDescriptor> described = new LinkedHashMap<>();
		this.chains.getChains().forEach((name, chain) -> described.put(name, describe(name, chain)));
		return new ChainsDescriptor(described);
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
	 * Every chain of the application.
	 *
	 * @param chains the chains by name
	 */
	public record ChainsDescriptor(Map<String, ChainDescriptor> chains) {
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
