package dev.lcel.autoconfigure.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.lcel.autoconfigure.chain.InvalidChainDefinitionException;
import dev.lcel.autoconfigure.chain.RetryDefinition;
import dev.lcel.core.config.ConfigurableField;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The chat models of {@code lcel.models}, by name, created on first use by the factory of their
 * provider with Spring Boot's {@link WebClient.Builder}. Inject it to get a model by name.
 *
 * <p>Checked when the application starts: every model's provider must exist, the default model
 * must be configured, and every model that a chain uses must exist and have what its provider
 * needs (an API key, say). A model no chain uses may stay incomplete.
 */
public final class ChatModelRegistry {

	/** What {@link #describe(String)} says of a model of the {@code fake} provider. */
	public static final String FAKE_DESCRIPTION = "fake (offline demo)";

	private final Map<String, ModelProperties> models;

	private final Map<String, ChatModelFactory> factories = new TreeMap<>();

	private final WebClient.Builder webClient;

	private final String defaultModel;

	private final Map<String, ChatModel> created = new ConcurrentHashMap<>();

	private final List<ChatModelDecorator> decorators;

	/**
	 * Create a registry, checking the configuration.
	 * @param properties the configured models
	 * @param factories the providers
	 * @param webClient the builder models call their providers with
	 * @param usedModels the models chains use: the property path of each use, to the model's name
	 * ({@code null} for the default model)
	 * @param chainProblems problems already found in the chains, reported together with the models'
	 * @throws InvalidChainDefinitionException listing every problem found
	 */
	public ChatModelRegistry(ModelsProperties properties, List<ChatModelFactory> factories, WebClient.Builder webClient,
			Map<String, String> usedModels, List<String> chainProblems) {
		this(properties, factories, List.of(), webClient, usedModels, chainProblems);
	}

	/**
	 * Create a registry whose models are wrapped by decorators, checking the configuration.
	 * @param properties the configured models
	 * @param factories the providers
	 * @param decorators the decorators of every created model, the first one the outermost
	 * @param webClient the builder models call their providers with
	 * @param usedModels the models chains use: the property path of each use, to the model's name
	 * ({@code null} for the default model)
	 * @param chainProblems problems already found in the chains, reported together with the models'
	 * @throws InvalidChainDefinitionException listing every problem found
	 */
	public ChatModelRegistry(ModelsProperties properties, List<ChatModelFactory> factories,
			List<ChatModelDecorator> decorators, WebClient.Builder webClient, Map<String, String> usedModels,
			List<String> chainProblems) {
		this.decorators = List.copyOf(decorators);
		this.models = Collections.unmodifiableMap(new TreeMap<>(properties.getModels()));
		factories.forEach((factory) -> this.factories.putIfAbsent(factory.provider(), factory));
		this.webClient = webClient;
		this.defaultModel = (properties.getDefaultModel() != null) ? properties.getDefaultModel()
				: (this.models.size() == 1) ? this.models.keySet().iterator().next() : null;
		List<String> problems = new ArrayList<>(chainProblems);
		this.models.forEach((name, model) -> {
			if (model.getProvider() == null || !this.factories.containsKey(model.getProvider())) {
				problems.add("lcel.models." + name + ".provider: " + ((model.getProvider() == null) ? "missing"
						: "unknown provider '" + model.getProvider() + "'") + "; providers: " + this.factories.keySet());
			}
		});
		if (properties.getDefaultModel() != null && !this.models.containsKey(properties.getDefaultModel())) {
			problems.add("lcel.default-model: unknown model '" + properties.getDefaultModel() + "'; configured models: "
					+ this.models.keySet());
		}
		usedModels.forEach((path, name) -> checkUse(path, name, problems));
		if (!problems.isEmpty()) {
			throw new InvalidChainDefinitionException(problems);
		}
	}

	private void checkUse(String path, String name, List<String> problems) {
		String resolved = (name != null) ? name : this.defaultModel;
		if (resolved == null) {
			problems.add(path + ": no model named and no default model; set lcel.default-model to one of "
					+ this.models.keySet());
			return;
		}
		ModelProperties model = this.models.get(resolved);
		if (model == null) {
			problems.add(path + ": unknown model '" + resolved + "'; configured models: " + this.models.keySet());
			return;
		}
		ChatModelFactory factory = this.factories.get(model.getProvider());
		if (factory != null) {
			for (String property : factory.missing(model)) {
				problems.add("lcel.models." + resolved + "." + property + ": required by " + path + " (provider "
						+ model.getProvider() + "); set it, e.g. from an environment variable");
			}
		}
	}

	/**
	 * Return the model of the given name, creating it on first use.
	 * @param name the model's name, or {@code null} for the default model
	 * @return the model, with its configured temperature, token limit, top-p, stop sequences and
	 * provider-specific options bound
	 * @throws NoSuchElementException naming the configured models, if there is none of that name
	 */
	public ChatModel get(String name) {
		String resolved = (name != null) ? name : this.defaultModel;
		ModelProperties properties = (resolved != null) ? this.models.get(resolved) : null;
		if (properties == null) {
			throw new NoSuchElementException("No model named '" + resolved + "'; configured models: " + this.models.keySet());
		}
		return this.created.computeIfAbsent(resolved, (key) -> create(key, properties));
	}

	private ChatModel create(String name, ModelProperties properties) {
		ChatModel model = this.factories.get(properties.getProvider()).create(name, properties, this.webClient.clone());
		for (int i = this.decorators.size() - 1; i >= 0; i--) {
			model = this.decorators.get(i).decorate(name, properties, model);
		}
		ChatOptions options = new ChatOptions(properties.getTemperature(), properties.getMaxTokens(),
				properties.getStop(), properties.getTopP(), List.of(), properties.getOptions());
		return options.equals(ChatOptions.EMPTY) ? model : model.bind(options);
	}

	/**
	 * Return the model of the given name as a chain step: with the given arguments bound, and with
	 * the model's configured retries.
	 * @param name the model's name, or {@code null} for the default model
	 * @param arguments arguments to bind, such as {@code temperature}
	 * @return the step
	 */
	public dev.lcel.core.runnable.Runnable<Object, Object> runnable(String name, Map<String, ?> arguments) {
		return runnable(name, arguments, Map.of());
	}

	/**
	 * Return the model of the given name as a chain step: with the given arguments bound, with
	 * parameters each call may set through {@code config.configurable}, and with the model's
	 * configured retries.
	 * @param name the model's name, or {@code null} for the default model
	 * @param arguments arguments to bind, such as {@code temperature}
	 * @param configurable the parameters a call may set, by parameter name; empty for none
	 * @return the step
	 */
	public dev.lcel.core.runnable.Runnable<Object, Object> runnable(String name, Map<String, ?> arguments,
			Map<String, ConfigurableField> configurable) {
		return runnable(name, arguments, configurable, null);
	}

	/**
	 * Return the model of the given name as a chain step, as {@link #runnable(String, Map, Map)}
	 * does, with its answers turned into structured output by {@code output} when it is given.
	 * @param name the model's name, or {@code null} for the default model
	 * @param arguments arguments to bind, such as {@code temperature}
	 * @param configurable the parameters a call may set; must be empty when {@code output} is given
	 * @param output what makes the bound model answer with structured output, or {@code null}
	 * @return the step
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public dev.lcel.core.runnable.Runnable<Object, Object> runnable(String name, Map<String, ?> arguments,
			Map<String, ConfigurableField> configurable,
			Function<ChatModel, ? extends dev.lcel.core.runnable.Runnable<Object, ?>> output) {
		ChatModel model = get(name);
		ChatModel bound = arguments.isEmpty() ? model : model.bind(arguments);
		dev.lcel.core.runnable.Runnable step = (output != null) ? output.apply(bound)
				: configurable.isEmpty() ? bound : bound.configurableFields(configurable);
		RetryDefinition retry = this.models.get((name != null) ? name : this.defaultModel).getRetry();
		return (retry.getMaxAttempts() > 1) ? step.withRetry(retry.toPolicy()) : step;
	}

	/**
	 * Check that the provider of a model is reachable, as its factory knows how.
	 * @param name the model's name
	 * @return completes empty when reachable, fails with the reason otherwise
	 */
	public reactor.core.publisher.Mono<Void> checkReachable(String name) {
		ModelProperties properties = this.models.get(name);
		ChatModelFactory factory = (properties != null) ? this.factories.get(properties.getProvider()) : null;
		if (factory == null) {
			return reactor.core.publisher.Mono.error(new NoSuchElementException("No model named '" + name + "'"));
		}
		return reactor.core.publisher.Mono.defer(() -> factory.checkReachable(name, properties, this.webClient.clone()));
	}

	/**
	 * Return what a model is, for people: its provider and model name, such as
	 * {@code openai gpt-4o-mini}, or {@code fake (offline demo)} for the fake provider, which is
	 * not a language model. Never the key.
	 * @param name the model's name, or {@code null} or empty for the default model
	 * @return the description, or {@code null} if there is no such model
	 */
	public String describe(String name) {
		String resolved = (name != null && !name.isEmpty()) ? name : this.defaultModel;
		ModelProperties properties = (resolved != null) ? this.models.get(resolved) : null;
		if (properties == null) {
			return null;
		}
		if ("fake".equals(properties.getProvider())) {
			return FAKE_DESCRIPTION;
		}
		return properties.getProvider() + ((properties.getModel() != null) ? " " + properties.getModel() : "");
	}

	/**
	 * Return the names of the configured models.
	 * @return the names, sorted
	 */
	public Set<String> names() {
		return new TreeSet<>(this.models.keySet());
	}

	/**
	 * Return the properties of a configured model.
	 * @param name the model's name
	 * @return its properties, or {@code null}
	 */
	public ModelProperties properties(String name) {
		return this.models.get(name);
	}

	/**
	 * Return the name of the default model.
	 * @return the default model's name, or {@code null} if there is none
	 */
	public String defaultModel() {
		return this.defaultModel;
	}

}
