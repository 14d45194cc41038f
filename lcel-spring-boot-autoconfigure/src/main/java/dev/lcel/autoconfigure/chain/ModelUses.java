package dev.lcel.autoconfigure.chain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.RetryProperties;
import dev.lcel.core.config.ConfigurableField;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.runnable.Runnable;
import org.jspecify.annotations.Nullable;

/**
 * The models the configured chains use, by the property path of each use, so that they are
 * checked at startup; and the steps that call them, made from the {@link ChatModelRegistry} on
 * first use.
 */
final class ModelUses {

	private final Supplier<ChatModelRegistry> registry;

	private final Map<String, @Nullable String> uses = new LinkedHashMap<>();

	ModelUses(Supplier<ChatModelRegistry> registry) {
		this.registry = registry;
	}

	/**
	 * Record a use of a model.
	 * @param path the property path of the use
	 * @param name the model's name, or {@code null} for the default model
	 */
	void add(String path, @Nullable String name) {
		this.uses.put(path, name);
	}

	/**
	 * Return the uses recorded.
	 * @return the model's name (or {@code null} for the default model) by the property path of each use
	 */
	Map<String, @Nullable String> byPath() {
		return Collections.unmodifiableMap(this.uses);
	}

	/**
	 * Return the model of the given name from the registry.
	 * @param name the model's name, or {@code null} for the default model
	 * @return the model
	 */
	ChatModel get(@Nullable String name) {
		return this.registry.get().get(name);
	}

	/**
	 * Record a model step's use of a model, and return the step: the model with the step's
	 * arguments bound, with the parameters a call may set or with structured output, and with the
	 * model's configured retries.
	 * @param path the property path of the use
	 * @param name the model's name, or {@code null} for the default model
	 * @param arguments arguments to bind, such as {@code temperature}
	 * @param configurable the parameters a call may set; empty when {@code output} is given
	 * @param output what makes the model answer with structured output, or {@code null}
	 * @return the step, resolved on first use
	 */
	Runnable<Object, Object> step(String path, @Nullable String name, Map<String, Object> arguments,
			Map<String, ConfigurableField> configurable, @Nullable Function<ChatModel, Runnable<Object, ?>> output) {
		add(path, name);
		return new ChainReference((name != null) ? name : "default model",
				() -> build(name, arguments, configurable, output));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Runnable<Object, Object> build(@Nullable String name, Map<String, Object> arguments,
			Map<String, ConfigurableField> configurable, @Nullable Function<ChatModel, Runnable<Object, ?>> output) {
		ChatModelRegistry models = this.registry.get();
		ChatModel model = models.get(name);
		ChatModel bound = arguments.isEmpty() ? model : model.bind(arguments);
		Runnable step = (output != null) ? output.apply(bound)
				: configurable.isEmpty() ? bound : bound.configurableFields(configurable);
		RetryProperties retry = models.properties((name != null) ? name : models.defaultModel()).retry();
		return (retry.maxAttempts() > 1) ? step.withRetry(retry.toPolicy()) : step;
	}

}
