package dev.lcel.autoconfigure.chain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model step's choice of model, which names configured models rather than configuring one
 * (that is {@code ModelProperties}): one model by name ({@code model: gpt}), or alternatives
 * chosen per call by a key of {@code config.configurable}
 * ({@code model: {alternatives: {gpt: gpt, claude: claude}, key: llm, default: gpt}}), optionally
 * with model parameters that a call may set ({@code configurable: {temperature: llm_temperature}}).
 */
public class ModelChoice {

	/** A chat model by name under lcel.models; empty for the default model. */
	private String name;

	/** Models a call may choose between, by choice name: each a model name under lcel.models. */
	private Map<String, String> alternatives = new LinkedHashMap<>();

	/** The key of config.configurable that names the chosen alternative. */
	private String key = "llm";

	/** The alternative used when a call names none; the first alternative when not set. */
	private String defaultAlternative;

	/** Model parameters a call may set, each to the key of config.configurable that sets it (temperature: llm_temperature). */
	private Map<String, String> configurable = new LinkedHashMap<>();

	/**
	 * Return the choice of one model by name, as {@code model: gpt} gives it.
	 * @param name the model's name; empty for the default model
	 * @return the choice
	 */
	public static ModelChoice valueOf(String name) {
		ModelChoice choice = new ModelChoice();
		choice.setName(name);
		return choice;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Map<String, String> getAlternatives() {
		return this.alternatives;
	}

	public void setAlternatives(Map<String, String> alternatives) {
		this.alternatives = alternatives;
	}

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public String getDefault() {
		return this.defaultAlternative;
	}

	public void setDefault(String defaultAlternative) {
		this.defaultAlternative = defaultAlternative;
	}

	public Map<String, String> getConfigurable() {
		return this.configurable;
	}

	public void setConfigurable(Map<String, String> configurable) {
		this.configurable = configurable;
	}

}
