package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.InvalidConfigurableException;
import dev.lcel.core.config.RunnableConfig;

/**
 * Runs one of several runnables, chosen per call by a key of {@link RunnableConfig#configurable()}
 * (such as {@code llm: claude}): what {@link Runnable#configurableAlternatives} builds, and
 * LangChain's {@code configurable_alternatives}.
 *
 * <p>A call that does not set the key runs the default. A call that names no alternative fails
 * with an {@link InvalidConfigurableException} naming the key and the choices, before anything
 * runs. The chosen runnable runs as a run of the caller's run, under its own name; schemas and
 * graph are the default's. {@link #configSpecs()} lists the key with its choices and default,
 * followed by what the alternatives read.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableConfigurableAlternatives<I, O> extends DynamicRunnable<I, O> {

	private final String key;

	private final String defaultKey;

	private final Map<String, Runnable<I, O>> alternatives;

	private RunnableConfigurableAlternatives(String key, String defaultKey, Map<String, Runnable<I, O>> alternatives) {
		this.key = key;
		this.defaultKey = defaultKey;
		this.alternatives = alternatives;
	}

	/**
	 * Return a runnable that runs one of {@code alternatives}, by the value of {@code key}.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param key the key under {@code configurable} that names the choice
	 * @param defaultKey the choice taken when a call sets no value for {@code key}
	 * @param alternatives the choices by name, in the order the config schema lists them
	 * @return the configurable runnable
	 * @throws IllegalArgumentException if {@code alternatives} is empty or lacks {@code defaultKey}
	 */
	@SuppressWarnings("unchecked")
	public static <I, O> RunnableConfigurableAlternatives<I, O> of(String key, String defaultKey,
			Map<String, ? extends Runnable<? super I, ? extends O>> alternatives) {
		Objects.requireNonNull(key, "key must not be null");
		Objects.requireNonNull(defaultKey, "defaultKey must not be null");
		Objects.requireNonNull(alternatives, "alternatives must not be null");
		if (!alternatives.containsKey(defaultKey)) {
			throw new IllegalArgumentException("The default '" + defaultKey + "' of configurable '" + key
					+ "' is not among its alternatives " + alternatives.keySet());
		}
		Map<String, Runnable<I, O>> copy = new LinkedHashMap<>();
		alternatives.forEach((name, runnable) -> copy.put(name,
				(Runnable<I, O>) Objects.requireNonNull(runnable, "alternative '" + name + "' must not be null")));
		return new RunnableConfigurableAlternatives<>(key, defaultKey, Collections.unmodifiableMap(copy));
	}

	/**
	 * Return the key under {@code configurable} that names the choice.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * Return the name of the choice taken when a call names none.
	 * @return the default's name
	 */
	public String getDefaultKey() {
		return this.defaultKey;
	}

	/**
	 * Return the choices.
	 * @return the runnables by name, the default among them
	 */
	public Map<String, Runnable<I, O>> getAlternatives() {
		return this.alternatives;
	}

	/**
	 * Return the runnable a call with {@code config} runs.
	 * @param config the call's config
	 * @return the chosen runnable
	 * @throws InvalidConfigurableException if the config names no alternative
	 */
	@Override
	public Runnable<I, O> choose(RunnableConfig config) {
		Object value = config.configurable().get(this.key);
		if (value == null) {
			return defaultRunnable();
		}
		Runnable<I, O> chosen = this.alternatives.get(value.toString());
		if (chosen == null) {
			throw new InvalidConfigurableException(this.key, new ArrayList<>(this.alternatives.keySet()),
					"Unknown alternative '" + value + "' for configurable '" + this.key + "'; choose one of: "
							+ String.join(", ", this.alternatives.keySet()));
		}
		return chosen;
	}

	@Override
	Runnable<I, O> defaultRunnable() {
		return this.alternatives.get(this.defaultKey);
	}

	/**
	 * Return these alternatives with the arguments bound to each of them.
	 * @param arguments the arguments, such as a temperature for alternative chat models
	 * @return the bound alternatives
	 */
	@Override
	public Runnable<I, O> bind(Map<String, ?> arguments) {
		Map<String, Runnable<I, O>> bound = new LinkedHashMap<>();
		this.alternatives.forEach((name, runnable) -> bound.put(name, runnable.bind(arguments)));
		return of(this.key, this.defaultKey, bound);
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		ConfigurableFieldSpec own = new ConfigurableFieldSpec(this.key, this.key,
				"Which of the alternatives to run", "string", this.defaultKey,
				new ArrayList<>(this.alternatives.keySet()));
		return ConfigSpecs.union(List.of(own), this.alternatives.values());
	}

}
