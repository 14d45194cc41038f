package dev.lcel.autoconfigure.chain;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Chains declared in configuration, under {@code lcel.chains.<name>}.
 */
@ConfigurationProperties("lcel")
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
