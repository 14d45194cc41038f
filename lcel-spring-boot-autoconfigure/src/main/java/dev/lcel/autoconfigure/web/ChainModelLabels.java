package dev.lcel.autoconfigure.web;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.lcel.autoconfigure.chain.ConfiguredChainsRegistrar;
import dev.lcel.autoconfigure.model.ChatModelRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Says which models a configured chain calls, for the chain list: {@code openai gpt-4o-mini}, or
 * {@code fake (offline demo)}, so that nobody mistakes scripted replies for a language model.
 */
final class ChainModelLabels implements Function<String, String> {

	private final ObjectProvider<ConfiguredChainsRegistrar> chains;

	private final ObjectProvider<ChatModelRegistry> models;

	ChainModelLabels(ObjectProvider<ConfiguredChainsRegistrar> chains, ObjectProvider<ChatModelRegistry> models) {
		this.chains = chains;
		this.models = models;
	}

	/**
	 * Return the models a chain calls.
	 * @param chain the chain's name
	 * @return the models' descriptions joined with commas, or {@code null} when not known (a chain
	 * defined as a bean, or none configured)
	 */
	@Override
	public @Nullable String apply(String chain) {
		ConfiguredChainsRegistrar registrar = this.chains.getIfAvailable();
		ChatModelRegistry registry = this.models.getIfAvailable();
		if (registrar == null || registry == null) {
			return null;
		}
		Set<String> labels = new TreeSet<>();
		registrar.modelsByChain()
			.getOrDefault(chain, Set.of())
			.stream()
			.map(registry::describe)
			.filter(Objects::nonNull)
			.forEach(labels::add);
		return labels.isEmpty() ? null : String.join(", ", labels);
	}

}
