package dev.lcel.core.models.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatModelException;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.ModelTimeoutException;
import dev.lcel.core.models.ProviderException;
import dev.lcel.core.models.StructuredOutputMethod;
import dev.lcel.core.models.ToolDefinition;
import dev.lcel.core.models.http.HttpChatApi.StructuredOutput;
import io.netty.channel.ChannelOption;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat model that streams its answers from a provider's HTTP API: the OpenAI, Anthropic and
 * Ollama clients are each this skeleton, an {@link HttpChatApi} that describes the provider's API,
 * and a builder with the provider's own settings.
 *
 * <p>Each call posts the request body the {@linkplain HttpChatApi#requestBody API writes} and
 * decodes the streamed answer with its {@link StreamDecoder} into chunks as they arrive, never
 * collecting first. The call starts when the returned publisher is
 * subscribed and cancelling the subscription closes the HTTP connection. A non-2xx answer becomes
 * the matching {@link ChatModelException} (a rate limit with the provider's {@code retry-after}, a
 * refused key, an overloaded model, ...); an answer that breaks off, is
 * malformed or ends without its end event fails after the chunks already delivered. The
 * {@linkplain Builder#timeout read timeout} bounds the wait for the first and for each next piece
 * of the answer, the {@linkplain Builder#deadline deadline} the whole call.
 *
 * <p>HTTP goes through a clone of the {@link WebClient.Builder} given to the builder, so that the
 * metrics and tracing Spring Boot configures on its builder apply. The API key is sent in a header
 * only and removed from any message an exception carries.
 */
public abstract class HttpChatModel extends ChatModel {

	private final HttpChatApi api;

	private final String provider;

	private final String model;

	private final String baseUrl;

	private final @Nullable String apiKey;

	private final ChatOptions defaults;

	private final @Nullable Duration timeout;

	private final @Nullable Duration deadline;

	private final WebClient webClient;

	/**
	 * Create a model of a provider's API from its builder.
	 * @param api what the provider's API looks like
	 * @param builder the settings
	 * @param headers the headers every request carries (authentication, API version)
	 */
	protected HttpChatModel(HttpChatApi api, Builder<?> builder, Map<String, String> headers) {
		this.api = Objects.requireNonNull(api, "api must not be null");
		this.provider = api.provider();
		this.model = Objects.requireNonNull(builder.model, "model must not be null");
		this.baseUrl = stripTrailingSlash(Objects.requireNonNull(builder.baseUrl, "baseUrl must not be null"));
		this.apiKey = builder.apiKey;
		this.defaults = builder.defaults();
		this.timeout = builder.timeout;
		this.deadline = builder.deadline;
		WebClient.Builder client = ((builder.webClientBuilder != null) ? builder.webClientBuilder.clone()
				: WebClient.builder())
			.baseUrl(this.baseUrl)
			.defaultHeaders((defaultHeaders) -> headers.forEach(defaultHeaders::set));
		if (builder.connectTimeout != null) {
			client.clientConnector(new ReactorClientHttpConnector(HttpClient.create()
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) builder.connectTimeout.toMillis())));
		}
		this.webClient = client.build();
	}

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options,
			RunnableConfig config) {
		return Flux.defer(() -> {
			ObjectNode request = this.api.requestBody().write(this.model, messages, this.defaults.merge(options));
			String body = JsonMapper.shared().writeValueAsString(request);
			long start = System.nanoTime();
			Flux<AIMessageChunk> answer = this.webClient.post()
				.uri(this.api.chatPath())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchangeToFlux(this::read);
			return withTimeouts(answer, start).onErrorMap((error) -> translate(error, start));
		});
	}

	/**
	 * Return the provider's native mode, as its {@link HttpChatApi#structuredOutput()} gives it.
	 */
	@Override
	public StructuredOutputMethod defaultStructuredOutputMethod() {
		return this.api.structuredOutput().defaultMethod();
	}

	/**
	 * Return the options of a method the provider's {@link HttpChatApi#structuredOutput()}
	 * supports.
	 * @throws IllegalArgumentException for another method, naming the supported ones
	 */
	@Override
	protected ChatOptions structuredOutputOptions(StructuredOutputMethod method, ToolDefinition schema) {
		StructuredOutput structured = this.api.structuredOutput();
		if (!structured.supported().contains(method)) {
			throw unsupported(method, structured.supported().toArray(StructuredOutputMethod[]::new));
		}
		return structured.options().apply(method, schema);
	}

	/**
	 * Check that the provider is reachable and accepts the credentials, without spending tokens.
	 * @return completes empty when it is, fails with a {@link ChatModelException} otherwise
	 */
	public Mono<Void> checkReachable() {
		long start = System.nanoTime();
		return this.webClient.get()
			.uri(this.api.healthPath())
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? response.releaseBody()
					: failure(response).then())
			.onErrorMap((error) -> translate(error, start));
	}

	private Flux<AIMessageChunk> read(ClientResponse response) {
		return response.statusCode().is2xxSuccessful() ? decode(response) : failure(response).flux();
	}

	private Flux<AIMessageChunk> decode(ClientResponse response) {
		StreamDecoder decoder = this.api.decoder().get();
		return this.api.framing().frames(response).<AIMessageChunk>handle((frame, sink) -> {
			if (decoder.ended() || frame.isBlank()) {
				return;
			}
			AIMessageChunk chunk = decoder.decodeFrame(frame);
			if (chunk != null) {
				sink.next(chunk);
			}
		}).concatWith(Flux.defer(() -> decoder.ended() ? Flux.empty() : Flux.error(truncated())));
	}

	private Mono<AIMessageChunk> failure(ClientResponse response) {
		// Read raw, not through a decoder: decoders log what they decode at DEBUG, and an error body
		// may quote the API key.
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()))
			.map((buffer) -> {
				String text = buffer.toString(StandardCharsets.UTF_8);
				DataBufferUtils.release(buffer);
				return text;
			})
			.defaultIfEmpty("")
			.flatMap((body) -> Mono.error(ProviderErrors.fromResponse(this.provider, response.statusCode().value(),
					response.headers().asHttpHeaders(), redact(body))));
	}

	private <T> Flux<T> withTimeouts(Flux<T> answer, long start) {
		if (this.timeout == null && this.deadline == null) {
			return answer;
		}
		return answer.timeout(Mono.defer(() -> Mono.delay(nextWait(start))),
				(item) -> Mono.defer(() -> Mono.delay(nextWait(start))));
	}

	private Duration nextWait(long start) {
		if (this.deadline == null) {
			return this.timeout;
		}
		Duration left = this.deadline.minusNanos(System.nanoTime() - start);
		Duration wait = (this.timeout != null && this.timeout.compareTo(left) < 0) ? this.timeout : left;
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	private Throwable translate(Throwable error, long start) {
		if (error instanceof ChatModelException) {
			return error;
		}
		if (error instanceof TimeoutException) {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			String message = (this.deadline != null && elapsed.compareTo(this.deadline) >= 0)
					? this.provider + " did not complete its answer within the deadline of " + this.deadline
					: this.provider + " sent nothing for the read timeout of " + this.timeout;
			return new ModelTimeoutException(this.provider, 0, message, true, null, error);
		}
		if (error instanceof WebClientRequestException) {
			return new ProviderException(this.provider, 0,
					"Could not reach " + this.provider + " at " + this.baseUrl + ": " + redact(rootMessage(error)), true,
					null, error);
		}
		if (error instanceof JacksonException) {
			return new ProviderException(this.provider, 0,
					this.provider + " sent a malformed event: " + redact(error.getMessage()), true, null, error);
		}
		if (error instanceof IOException || error instanceof WebClientException) {
			return new ProviderException(this.provider, 0,
					this.provider + "'s answer broke off: " + redact(rootMessage(error)), true, null, error);
		}
		return error;
	}

	private ProviderException truncated() {
		return new ProviderException(this.provider, 0,
				this.provider + "'s answer ended without " + this.api.endEvent() + ": the stream was cut off", true, null, null);
	}

	private @Nullable String redact(@Nullable String text) {
		if (text == null || this.apiKey == null || this.apiKey.isEmpty()) {
			return text;
		}
		return text.replace(this.apiKey, "[api key]");
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

	private static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@Override
	public String providerName() {
		return this.provider;
	}

	@Override
	public String modelName() {
		return this.model;
	}

	/**
	 * Return the base URL this model calls.
	 * @return the base URL, without a trailing slash
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Return the options every call starts from, those set on the builder.
	 * @return the default options
	 */
	public ChatOptions getDefaults() {
		return this.defaults;
	}

	/**
	 * The settings every HTTP chat model shares; each provider's builder adds its own.
	 *
	 * @param <B> the concrete builder
	 */
	public abstract static class Builder<B extends Builder<B>> {

		private @Nullable String model;

		private @Nullable String baseUrl;

		private @Nullable String apiKey;

		private WebClient.@Nullable Builder webClientBuilder;

		private @Nullable Duration timeout;

		private @Nullable Duration connectTimeout;

		private @Nullable Duration deadline;

		private @Nullable Double temperature;

		private @Nullable Integer maxTokens;

		private @Nullable Double topP;

		private final List<String> stop = new ArrayList<>();

		private final Map<String, Object> extra = new LinkedHashMap<>();

		/**
		 * Create a builder with the provider's default base URL.
		 * @param baseUrl the default base URL
		 */
		protected Builder(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		/**
		 * Set the model to request, such as {@code gpt-4o-mini}. Required.
		 * @param model the model's name at the provider
		 * @return this builder
		 */
		public B model(String model) {
			this.model = model;
			return self();
		}

		/**
		 * Set the provider's base URL, for a proxy, a compatible server or a test.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public B baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return self();
		}

		/**
		 * Set the API key; {@code null} or empty sends none (for local servers).
		 * @param apiKey the key
		 * @return this builder
		 */
		public B apiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
			return self();
		}

		/**
		 * Set the builder of the HTTP client, cloned for this model; Spring Boot's carries its
		 * HTTP metrics and tracing.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public B webClientBuilder(WebClient.@Nullable Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return self();
		}

		/**
		 * Set the read timeout: the longest wait for the first and for each next piece of the
		 * answer. None by default.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public B timeout(@Nullable Duration timeout) {
			this.timeout = timeout;
			return self();
		}

		/**
		 * Set the connect timeout. Setting it gives the model its own Reactor Netty connector
		 * instead of the one of the {@linkplain #webClientBuilder web client builder}.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public B connectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return self();
		}

		/**
		 * Set the deadline: the longest a whole call may take, streaming included. None by default.
		 * @param deadline the deadline
		 * @return this builder
		 */
		public B deadline(@Nullable Duration deadline) {
			this.deadline = deadline;
			return self();
		}

		/**
		 * Set the default sampling temperature.
		 * @param temperature the temperature
		 * @return this builder
		 */
		public B temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return self();
		}

		/**
		 * Set the default most tokens to generate.
		 * @param maxTokens the limit
		 * @return this builder
		 */
		public B maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return self();
		}

		/**
		 * Set the default nucleus sampling mass.
		 * @param topP the mass
		 * @return this builder
		 */
		public B topP(@Nullable Double topP) {
			this.topP = topP;
			return self();
		}

		/**
		 * Set the default stop sequences.
		 * @param stop the sequences
		 * @return this builder
		 */
		public B stop(List<String> stop) {
			this.stop.clear();
			this.stop.addAll(stop);
			return self();
		}

		/**
		 * Add a provider-specific parameter sent with every call, by its wire name.
		 * @param name the parameter's name, such as {@code seed}
		 * @param value its value
		 * @return this builder
		 */
		public B option(String name, Object value) {
			this.extra.put(name, value);
			return self();
		}

		/**
		 * Return the headers that carry the API key, for a subclass to add its own to: none when no
		 * key or an empty one is set.
		 * @param name the header's name, such as {@code Authorization}
		 * @param prefix what precedes the key in its value, such as {@code "Bearer "}, or {@code ""}
		 * @return a mutable map of the headers, in order
		 */
		protected final Map<String, String> apiKeyHeaders(String name, String prefix) {
			Map<String, String> headers = new LinkedHashMap<>();
			if (this.apiKey != null && !this.apiKey.isEmpty()) {
				headers.put(name, prefix + this.apiKey);
			}
			return headers;
		}

		/**
		 * Build the model.
		 * @return the model
		 * @throws NullPointerException if no model is set
		 */
		public abstract HttpChatModel build();

		ChatOptions defaults() {
			return new ChatOptions(this.temperature, this.maxTokens, this.stop, this.topP, List.of(), this.extra);
		}

		@SuppressWarnings("unchecked")
		private B self() {
			return (B) this;
		}

	}

}
