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
import io.netty.channel.ChannelOption;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat model that streams its answers from a provider's HTTP API: the part the OpenAI, Anthropic
 * and Ollama clients share.
 *
 * <p>Each call posts the request body a subclass builds and decodes the streamed answer into
 * chunks as they arrive, never collecting first. The call starts when the returned publisher is
 * subscribed and cancelling the subscription closes the HTTP connection. A non-2xx answer becomes
 * the matching {@link ChatModelException} ({@link ProviderErrors}); an answer that breaks off, is
 * malformed or ends without its end event fails after the chunks already delivered. The
 * {@linkplain Builder#timeout read timeout} bounds the wait for the first and for each next piece
 * of the answer, the {@linkplain Builder#deadline deadline} the whole call.
 *
 * <p>HTTP goes through a clone of the {@link WebClient.Builder} given to the builder, so that the
 * metrics and tracing Spring Boot configures on its builder apply. The API key is sent in a header
 * only and removed from any message an exception carries.
 */
public abstract class HttpChatModel extends ChatModel {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private final String provider;

	private final String model;

	private final String baseUrl;

	private final String apiKey;

	private final ChatOptions defaults;

	private final Duration timeout;

	private final Duration deadline;

	private final WebClient webClient;

	/**
	 * Create a model from its builder.
	 * @param provider the provider's name, such as {@code openai}
	 * @param builder the settings
	 * @param headers the headers every request carries (authentication, API version)
	 */
	protected HttpChatModel(String provider, Builder<?> builder, Map<String, String> headers) {
		this.provider = provider;
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

	/**
	 * Return the path of the chat endpoint, relative to the base URL.
	 * @return the path, such as {@code /chat/completions}
	 */
	protected abstract String chatPath();

	/**
	 * Return the path of a cheap endpoint that proves the provider reachable and the credentials
	 * good without spending tokens, such as the list of models.
	 * @return the path
	 */
	protected abstract String healthPath();

	/**
	 * Build the body of a streaming chat request.
	 * @param messages the conversation
	 * @param options the call's options, the model's defaults included
	 * @return the JSON body
	 * @throws IllegalArgumentException if the conversation holds what the provider cannot take
	 */
	protected abstract ObjectNode requestBody(List<BaseMessage> messages, ChatOptions options);

	/**
	 * Return the frames of a successful streamed answer as they arrive: the {@code data} of its
	 * server-sent events ({@link #eventData}) or its lines.
	 * @param response the response, status 2xx
	 * @return the frames' texts
	 */
	protected abstract Flux<String> frames(ClientResponse response);

	/**
	 * Return a decoder for one streamed answer.
	 * @return a new decoder
	 */
	protected abstract StreamDecoder decoder();

	/**
	 * Return the provider's end event, as a failure to find it is reported.
	 * @return the end event, such as {@code data: [DONE]}
	 */
	protected abstract String endEvent();

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options,
			RunnableConfig config) {
		return Flux.defer(() -> {
			String body = JsonMapper.shared().writeValueAsString(requestBody(messages, this.defaults.merge(options)));
			long start = System.nanoTime();
			Flux<AIMessageChunk> answer = this.webClient.post()
				.uri(chatPath())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchangeToFlux(this::read);
			return withTimeouts(answer, start).onErrorMap((error) -> translate(error, start));
		});
	}

	/**
	 * Check that the provider is reachable and accepts the credentials, without spending tokens.
	 * @return completes empty when it is, fails with a {@link ChatModelException} otherwise
	 */
	public Mono<Void> checkReachable() {
		long start = System.nanoTime();
		return this.webClient.get()
			.uri(healthPath())
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? response.releaseBody()
					: failure(response).then())
			.onErrorMap((error) -> translate(error, start));
	}

	private Flux<AIMessageChunk> read(ClientResponse response) {
		return response.statusCode().is2xxSuccessful() ? decode(response) : failure(response).flux();
	}

	private Flux<AIMessageChunk> decode(ClientResponse response) {
		StreamDecoder decoder = decoder();
		return frames(response).<AIMessageChunk>handle((frame, sink) -> {
			if (decoder.ended() || frame.isBlank()) {
				return;
			}
			AIMessageChunk chunk = decoder.decode(frame);
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

	/**
	 * Read a response as server-sent events, returning their {@code data}.
	 * @param response the response
	 * @return the events' data, as they arrive
	 */
	protected static Flux<String> eventData(ClientResponse response) {
		return response.bodyToFlux(SSE).mapNotNull(ServerSentEvent::data);
	}

	private ProviderException truncated() {
		return new ProviderException(this.provider, 0,
				this.provider + "'s answer ended without " + endEvent() + ": the stream was cut off", true, null, null);
	}

	private String redact(String text) {
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

	@Override
	public String getName() {
		return getClass().getSimpleName();
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

		private String model;

		private String baseUrl;

		private String apiKey;

		private WebClient.Builder webClientBuilder;

		private Duration timeout;

		private Duration connectTimeout;

		private Duration deadline;

		private Double temperature;

		private Integer maxTokens;

		private Double topP;

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
		public B apiKey(String apiKey) {
			this.apiKey = apiKey;
			return self();
		}

		/**
		 * Set the builder of the HTTP client, cloned for this model; Spring Boot's carries its
		 * HTTP metrics and tracing.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public B webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return self();
		}

		/**
		 * Set the read timeout: the longest wait for the first and for each next piece of the
		 * answer. None by default.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public B timeout(Duration timeout) {
			this.timeout = timeout;
			return self();
		}

		/**
		 * Set the connect timeout. Setting it gives the model its own Reactor Netty connector
		 * instead of the one of the {@linkplain #webClientBuilder web client builder}.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public B connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return self();
		}

		/**
		 * Set the deadline: the longest a whole call may take, streaming included. None by default.
		 * @param deadline the deadline
		 * @return this builder
		 */
		public B deadline(Duration deadline) {
			this.deadline = deadline;
			return self();
		}

		/**
		 * Set the default sampling temperature.
		 * @param temperature the temperature
		 * @return this builder
		 */
		public B temperature(Double temperature) {
			this.temperature = temperature;
			return self();
		}

		/**
		 * Set the default most tokens to generate.
		 * @param maxTokens the limit
		 * @return this builder
		 */
		public B maxTokens(Integer maxTokens) {
			this.maxTokens = maxTokens;
			return self();
		}

		/**
		 * Set the default nucleus sampling mass.
		 * @param topP the mass
		 * @return this builder
		 */
		public B topP(Double topP) {
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
		 * Return the API key set, for a subclass's headers.
		 * @return the key, or {@code null}
		 */
		protected String apiKey() {
			return this.apiKey;
		}

		ChatOptions defaults() {
			return new ChatOptions(this.temperature, this.maxTokens, this.stop, this.topP, List.of(), this.extra);
		}

		@SuppressWarnings("unchecked")
		private B self() {
			return (B) this;
		}

	}

}
