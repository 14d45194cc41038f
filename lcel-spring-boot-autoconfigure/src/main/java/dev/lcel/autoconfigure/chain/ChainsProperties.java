package dev.lcel.autoconfigure.chain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chains declared in configuration, under {@code lcel.chains.<name>}. Not a
 * {@code @ConfigurationProperties} bean: {@link ConfiguredChainsRegistrar} binds it strictly
 * before any bean exists, to register each chain as a bean. The {@code lcel} prefix is owned by
 * {@code ModelsProperties}; the IDE metadata of {@code lcel.chains} is declared in
 * {@code additional-spring-configuration-metadata.json}.
 */
public class ChainsProperties {

	/** Chains by name: each a sequence of steps or a parallel of named steps. */
	private Map<String, ChainDefinition> chains = new LinkedHashMap<>();

	public Map<String, ChainDefinition> getChains() {
		return this.chains;
	}

	public void setChains(Map<String, ChainDefinition> chains) {
		this.chains = chains;
	}

}
