package dev.lcel.autoconfigure.model;

import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Chat models configured under {@code lcel.models.<name>}, and the one a chain gets when it names
 * none. The one {@code @ConfigurationProperties} class of the {@code lcel} prefix itself; every
 * other group of lcel has its own prefix ({@code lcel.server}, {@code lcel.health}, ...), and
 * {@code lcel.chains} is bound by the chain package (see {@code ChainsProperties}).
 *
 * @param models Chat models by name.
 * @param defaultModel The model a 'model:' step with no name uses; defaults to the only model when
 * there is one.
 */
@ConfigurationProperties("lcel")
public record ModelsProperties(Map<String, ModelProperties> models, @Nullable String defaultModel) {

	/** Copy the models, in their order. */
	public ModelsProperties {
		models = Unmodifiable.map(models);
	}

}
