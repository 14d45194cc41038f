package dev.lcel.autoconfigure.model;

import java.util.ArrayList;
import java.util.List;

import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.http.HttpChatModel;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Creates the models of a provider that is called over HTTP, from the properties they share:
 * {@code model}, {@code base-url}, {@code api-key}, {@code timeout}, {@code connect-timeout} and
 * {@code deadline}. Sampling parameters are bound by the {@link ChatModelRegistry}.
 */
abstract class HttpChatModelFactory implements ChatModelFactory {

	private final boolean keyRequiredByDefaultUrl;

	/**
	 * Create a factory.
	 * @param keyRequiredByDefaultUrl whether the provider's own service needs an API key (a model
	 * with its own {@code base-url}, a compatible local server, may do without)
	 */
	HttpChatModelFactory(boolean keyRequiredByDefaultUrl) {
		this.keyRequiredByDefaultUrl = keyRequiredByDefaultUrl;
	}

	/**
	 * Build the provider's model from its properties.
	 * @param properties the model's properties
	 * @param webClient the builder to call the provider with
	 * @return the model
	 */
	abstract HttpChatModel build(ModelProperties properties, WebClient.Builder webClient);

	@Override
	public List<String> missing(ModelProperties properties) {
		List<String> missing = new ArrayList<>();
		if (isBlank(properties.getModel())) {
			missing.add("model");
		}
		if (this.keyRequiredByDefaultUrl && isBlank(properties.getBaseUrl()) && isBlank(properties.getApiKey())) {
			missing.add("api-key");
		}
		return missing;
	}

	@Override
	public ChatModel create(String name, ModelProperties properties, WebClient.Builder webClient) {
		return build(properties, webClient);
	}

	@Override
	public Mono<Void> checkReachable(String name, ModelProperties properties, WebClient.Builder webClient) {
		return Mono.defer(() -> build(properties, webClient).checkReachable());
	}

	/**
	 * Apply the shared properties to a provider's builder.
	 * @param <B> the builder's type
	 * @param builder the builder
	 * @param properties the model's properties
	 * @param webClient the builder to call the provider with
	 * @return the builder
	 */
	static <B extends HttpChatModel.Builder<B>> B configure(B builder, ModelProperties properties,
			WebClient.Builder webClient) {
		builder.model(properties.getModel())
			.apiKey(properties.getApiKey())
			.webClientBuilder(webClient)
			.timeout(properties.getTimeout())
			.connectTimeout(properties.getConnectTimeout())
			.deadline(properties.getDeadline());
		if (!isBlank(properties.getBaseUrl())) {
			builder.baseUrl(properties.getBaseUrl());
		}
		return builder;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
