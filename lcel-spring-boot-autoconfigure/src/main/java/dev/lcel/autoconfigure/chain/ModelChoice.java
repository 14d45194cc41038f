package dev.lcel.autoconfigure.chain;

import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * A model step's choice of model, which names configured models rather than configuring one
 * (that is {@code ModelProperties}): one model by name ({@code model: gpt}), or alternatives
 * chosen per call by a key of {@code config.configurable}
 * ({@code model: {alternatives: {gpt: gpt, claude: claude}, key: llm, default: gpt}}), optionally
 * with model parameters that a call may set ({@code configurable: {temperature: llm_temperature}}).
 *
 * @param name A chat model by name under lcel.models; empty for the default model.
 * @param alternatives Models a call may choose between, by choice name: each a model name under
 * lcel.models.
 * @param key The key of config.configurable that names the chosen alternative.
 * @param configurable Model parameters a call may set, each to the key of config.configurable that
 * sets it (temperature: llm_temperature).
 * @param defaultAlternative The alternative used when a call names none; the first alternative
 * when not set.
 */
public record ModelChoice(@Nullable String name, Map<String, String> alternatives, @DefaultValue(ModelChoice.KEY) String key,
		Map<String, String> configurable, @Name("default") @Nullable String defaultAlternative) {

	/** The key of config.configurable that names the chosen alternative, unless set. */
	static final String KEY = "llm";

	/** Copy the maps, in their order. */
	public ModelChoice {
		alternatives = Unmodifiable.map(alternatives);
		configurable = Unmodifiable.map(configurable);
	}

	/**
	 * Return the choice of one model by name, as {@code model: gpt} gives it.
	 * @param name the model's name; empty for the default model
	 * @return the choice
	 */
	public static ModelChoice valueOf(String name) {
		return new ModelChoice(name, Map.of(), KEY, Map.of(), null);
	}

}
