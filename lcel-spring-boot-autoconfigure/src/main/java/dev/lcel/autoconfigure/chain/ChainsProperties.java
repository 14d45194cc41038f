package dev.lcel.autoconfigure.chain;

import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;

/**
 * Chains declared in configuration, under {@code lcel.chains.<name>}. Not a
 * {@code @ConfigurationProperties} bean: {@link ConfiguredChainsRegistrar} binds it strictly
 * before any bean exists, to register each chain as a bean. The {@code lcel} prefix is owned by
 * {@code ModelsProperties}; the IDE metadata of {@code lcel.chains} is declared in
 * {@code additional-spring-configuration-metadata.json}.
 *
 * @param chains Chains by name: each a sequence of steps or a parallel of named steps.
 */
public record ChainsProperties(Map<String, ChainDefinition> chains) {

	/** Copy the chains, in their order. */
	public ChainsProperties {
		chains = Unmodifiable.map(chains);
	}

}
