package dev.lcel.autoconfigure.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.anthropic.AnthropicChatModel;
import dev.lcel.core.models.http.HttpChatModel;
import dev.lcel.core.models.ollama.OllamaChatModel;
import dev.lcel.core.models.openai.OpenAiChatModel;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Creates the models of a provider that is called over HTTP, from the properties they share:
 * {@code model}, {@code base-url}, {@code api-key}, {@code timeout}, {@code connect-timeout} and
 * {@code deadline}, and the options of the provider's own group. Sampling parameters are bound by
 * the {@link ChatModelRegistry}. One instance per provider: {@link #openAi()},
 * {@link #anthropic()}, {@link #ollama()}.
 */
final class HttpChatModelFactory implements ChatModelFactory {

	private final String provider;

	private final boolean keyRequiredByDefaultUrl;

	private final BiFunction<ModelProperties, WebClient.Builder, HttpChatModel> build;

	/**
	 * Create a factory.
	 * @param provider the provider's id, the {@code provider} of a model
	 * @param keyRequiredByDefaultUrl whether the provider's own service needs an API key (a model
	 * with its own {@code base-url}, a compatible local server, may do without)
	 * @param build how the provider's model is built from a model's properties
	 */
	private HttpChatModelFactory(String provider, boolean keyRequiredByDefaultUrl,
			BiFunction<ModelProperties, WebClient.Builder, HttpChatModel> build) {
		this.provider = provider;
		this.keyRequiredByDefaultUrl = keyRequiredByDefaultUrl;
		this.build = build;
	}

	/**
	 * The {@code openai} provider: OpenAI's Chat Completions API, or any compatible server at the
	 * model's {@code base-url} (which then needs no {@code api-key}).
	 * @return the factory
	 */
	static HttpChatModelFactory openAi() {
		return new HttpChatModelFactory(OpenAiChatModel.PROVIDER, true, (properties, webClient) -> {
			ModelProperties.OpenAi openai = properties.openai();
			return configure(OpenAiChatModel.builder(), properties, webClient).organization(openai.organization())
				.project(openai.project())
				.build();
		});
	}

	/**
	 * The {@code anthropic} provider: Anthropic's Messages API, or a compatible server at the
	 * model's {@code base-url}.
	 * @return the factory
	 */
	static HttpChatModelFactory anthropic() {
		return new HttpChatModelFactory(AnthropicChatModel.PROVIDER, true, (properties, webClient) -> {
			ModelProperties.Anthropic anthropic = properties.anthropic();
			AnthropicChatModel.Builder builder = configure(AnthropicChatModel.builder(), properties, webClient)
				.beta(anthropic.beta());
			if (anthropic.version() != null) {
				builder.version(anthropic.version());
			}
			return builder.build();
		});
	}

	/**
	 * The {@code ollama} provider: Ollama's native chat API, at {@code http://localhost:11434}
	 * unless the model's {@code base-url} says otherwise. Needs no API key.
	 * @return the factory
	 */
	static HttpChatModelFactory ollama() {
		return new HttpChatModelFactory(OllamaChatModel.PROVIDER, false,
				(properties, webClient) -> configure(OllamaChatModel.builder(), properties, webClient).build());
	}

	@Override
	public String provider() {
		return this.provider;
	}

	@Override
	public List<String> missing(ModelProperties properties) {
		List<String> missing = new ArrayList<>();
		if (isBlank(properties.model())) {
			missing.add("model");
		}
		if (this.keyRequiredByDefaultUrl && isBlank(properties.baseUrl()) && isBlank(properties.apiKey())) {
			missing.add("api-key");
		}
		return missing;
	}

	@Override
	public ChatModel create(String name, ModelProperties properties, WebClient.Builder webClient) {
		return this.build.apply(properties, webClient);
	}

	@Override
	public Mono<Void> checkReachable(String name, ModelProperties properties, WebClient.Builder webClient) {
		return Mono.defer(() -> this.build.apply(properties, webClient).checkReachable());
	}

	/**
	 * Apply the shared properties to a provider's builder.
	 * @param <B> the builder's type
	 * @param builder the builder
	 * @param properties the model's properties
	 * @param webClient the builder to call the provider with
	 * @return the builder
	 */
	private static <B extends HttpChatModel.Builder<B>> B configure(B builder, ModelProperties properties,
			WebClient.Builder webClient) {
		builder.model(properties.model())
			.apiKey(properties.apiKey())
			.webClientBuilder(webClient)
			.timeout(properties.timeout())
			.connectTimeout(properties.connectTimeout())
			.deadline(properties.deadline());
		if (!isBlank(properties.baseUrl())) {
			builder.baseUrl(properties.baseUrl());
		}
		return builder;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
