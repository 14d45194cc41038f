package dev.lcel.autoconfigure.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The chat models of {@code lcel.models}, by name, created on first use by the factory of their
 * provider with Spring Boot's {@link WebClient.Builder} and wrapped by the application's
 * {@link ChatModelDecorator}s. Inject it to get a model by name.
 *
 * <p>A plain lookup: it checks nothing when it is created. The configuration is checked at
 * startup, with the chains that use the models, from what {@link ModelProblems} finds here.
 */
public final class ChatModelRegistry {

	/** What {@link #describe(String)} says of a model of the {@code fake} provider. */
	public static final String FAKE_DESCRIPTION = "fake (offline demo)";

	private final Map<String, ModelProperties> models;

	private final Map<String, ChatModelFactory> factories = new TreeMap<>();

	private final WebClient.Builder webClient;

	private final @Nullable String defaultModel;

	private final Map<String, ChatModel> created = new ConcurrentHashMap<>();

	private final List<ChatModelDecorator> decorators;

	/**
	 * Create a registry.
	 * @param properties the configured models
	 * @param factories the providers; of two for one provider id, the first is used
	 * @param decorators the decorators of every created model, the first one the outermost
	 * @param webClient the builder models call their providers with
	 */
	public ChatModelRegistry(ModelsProperties properties, List<ChatModelFactory> factories,
			List<ChatModelDecorator> decorators, WebClient.Builder webClient) {
		this.models = Collections.unmodifiableMap(new TreeMap<>(properties.models()));
		factories.forEach((factory) -> this.factories.putIfAbsent(factory.provider(), factory));
		this.decorators = List.copyOf(decorators);
		this.webClient = webClient;
		this.defaultModel = (properties.defaultModel() != null) ? properties.defaultModel()
				: (this.models.size() == 1) ? this.models.keySet().iterator().next() : null;
	}

	/**
	 * Return the model of the given name, creating it on first use.
	 * @param name the model's name, or {@code null} for the default model
	 * @return the model, with its configured temperature, token limit, top-p, stop sequences and
	 * provider-specific options bound
	 * @throws NoSuchElementException naming the configured models, if there is none of that name
	 * @throws IllegalStateException naming the providers, if the model's provider is unknown
	 */
	public ChatModel get(@Nullable String name) {
		String resolved = (name != null) ? name : this.defaultModel;
		ModelProperties properties = (resolved != null) ? this.models.get(resolved) : null;
		if (properties == null) {
			throw new NoSuchElementException("No model named '" + resolved + "'; configured models: " + this.models.keySet());
		}
		return this.created.computeIfAbsent(resolved, (key) -> create(key, properties));
	}

	private ChatModel create(String name, ModelProperties properties) {
		ChatModelFactory factory = this.factories.get(properties.provider());
		if (factory == null) {
			throw new IllegalStateException("Model '" + name + "' has the unknown provider '" + properties.provider()
					+ "'; providers: " + this.factories.keySet());
		}
		ChatModel model = factory.create(name, properties, this.webClient.clone());
		for (int i = this.decorators.size() - 1; i >= 0; i--) {
			model = this.decorators.get(i).decorate(name, properties, model);
		}
		ChatOptions options = new ChatOptions(properties.temperature(), properties.maxTokens(),
				properties.stop(), properties.topP(), List.of(), properties.options());
		return options.equals(ChatOptions.EMPTY) ? model : model.bind(options);
	}

	/**
	 * Check that the provider of a model is reachable, as its factory knows how.
	 * @param name the model's name
	 * @return completes empty when reachable, fails with the reason otherwise
	 */
	public Mono<Void> checkReachable(String name) {
		ModelProperties properties = this.models.get(name);
		ChatModelFactory factory = (properties != null) ? this.factories.get(properties.provider()) : null;
		if (factory == null) {
			return Mono.error(new NoSuchElementException("No model named '" + name + "'"));
		}
		return Mono.defer(() -> factory.checkReachable(name, properties, this.webClient.clone()));
	}

	/**
	 * Return the properties a model's provider needs and the model lacks, as its factory says.
	 * @param name the model's name
	 * @return the names of the missing properties, such as {@code api-key}; empty when nothing is
	 * missing, or when there is no such model or provider
	 */
	public List<String> missing(String name) {
		ModelProperties properties = this.models.get(name);
		ChatModelFactory factory = (properties != null) ? this.factories.get(properties.provider()) : null;
		return (factory != null) ? factory.missing(properties) : List.of();
	}

	/**
	 * Return the ids of the providers there are factories for.
	 * @return the provider ids, sorted
	 */
	public Set<String> providers() {
		return Collections.unmodifiableSet(this.factories.keySet());
	}

	/**
	 * Return what a model is, for people: its provider and model name, such as
	 * {@code openai gpt-4o-mini}, or {@code fake (offline demo)} for the fake provider, which is
	 * not a language model. Never the key.
	 * @param name the model's name, or {@code null} or empty for the default model
	 * @return the description, or {@code null} if there is no such model
	 */
	public @Nullable String describe(@Nullable String name) {
		String resolved = (name != null && !name.isEmpty()) ? name : this.defaultModel;
		ModelProperties properties = (resolved != null) ? this.models.get(resolved) : null;
		if (properties == null) {
			return null;
		}
		if ("fake".equals(properties.provider())) {
			return FAKE_DESCRIPTION;
		}
		return properties.provider() + ((properties.model() != null) ? " " + properties.model() : "");
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
	public @Nullable ModelProperties properties(String name) {
		return this.models.get(name);
	}

	/**
	 * Return the name of the default model: {@code lcel.default-model}, else the only model.
	 * @return the default model's name, or {@code null} if there is none
	 */
	public @Nullable String defaultModel() {
		return this.defaultModel;
	}

}
