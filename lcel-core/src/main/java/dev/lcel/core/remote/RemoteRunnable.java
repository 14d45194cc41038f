package dev.lcel.core.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.json.JsonPatchOp;
import dev.lcel.core.runnable.BatchOptions;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunLogPatch;
import dev.lcel.core.tracing.StreamEvent;
import dev.lcel.core.wire.ChainRoute;
import dev.lcel.core.wire.ConfigCodec;
import dev.lcel.core.wire.FilterCodec;
import dev.lcel.core.wire.SseEvent;
import dev.lcel.core.wire.StreamError;
import dev.lcel.core.wire.WireValues;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A chain served by another service, called over HTTP in LangServe's wire protocol (as this
 * project's server and LangServe speak it): a {@link Runnable} like any other, so it composes with
 * {@code pipe}.
 *
 * <p>{@code invoke}, {@code batch}, {@code astream}, {@code astreamLog} and {@code astreamEvents}
 * map to the server's routes; the config's tags, metadata, run name and {@code configurable} travel
 * with each call. A server error becomes a {@link RemoteRunnableException} with its status and
 * message. Cancelling a stream closes its connection. The routes, the config and filters sent and
 * the events read are those of {@code dev.lcel.core.wire}. Outputs arrive as {@link WireValues}: plain
 * values, with messages and message chunks revived by their {@code type}; {@link Builder#outputReader}
 * can revive other types.
 */
public final class RemoteRunnable implements Runnable<Object, Object> {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private final WebClient client;

	private final JsonMapper json;

	private final Duration timeout;

	private final Function<JsonNode, Object> outputReader;

	private final String name;

	private final RemoteSchema inputSchema;

	private final RemoteSchema outputSchema;

	private RemoteRunnable(Builder builder) {
		this.client = builder.webClient.clone().baseUrl(builder.url.replaceAll("/+$", "")).build();
		this.json = builder.json;
		this.timeout = builder.timeout;
		this.outputReader = (builder.outputReader != null) ? builder.outputReader : (node) -> WireValues.toJava(this.json, node);
		this.name = builder.name;
		this.inputSchema = new RemoteSchema(() -> fetchSchema(ChainRoute.INPUT_SCHEMA), builder.schemaTtl);
		this.outputSchema = new RemoteSchema(() -> fetchSchema(ChainRoute.OUTPUT_SCHEMA), builder.schemaTtl);
	}

	/**
	 * Return a remote runnable for the chain at {@code url} (such as
	 * {@code http://host:8080/chains/joke}).
	 * @param url the chain's base URL
	 * @return the remote runnable
	 */
	public static RemoteRunnable of(String url) {
		return builder(url).build();
	}

	/**
	 * Return a builder for a remote runnable.
	 * @param url the chain's base URL
	 * @return the builder
	 */
	public static Builder builder(String url) {
		return new Builder(url);
	}

	@Override
	public Object invoke(Object input, RunnableConfig config) {
		return ainvoke(input, config).block(this.timeout);
	}

	@Override
	public Mono<Object> ainvoke(Object input, RunnableConfig config) {
		return post(ChainRoute.INVOKE, body(input, config)).map((response) -> output(response.get("output")));
	}

	@Override
	public List<Object> batch(List<Object> inputs, RunnableConfig config, BatchOptions options) {
		return abatch(inputs, config, options).block(this.timeout);
	}

	@Override
	public Mono<List<Object>> abatch(List<Object> inputs, RunnableConfig config, BatchOptions options) {
		ObjectNode body = this.json.createObjectNode();
		body.set("inputs", this.json.valueToTree(inputs));
		List<Object> configs = new ArrayList<>();
		inputs.forEach((input) -> configs.add(ConfigCodec.write(config)));
		body.set("config", this.json.valueToTree(configs));
		return post(ChainRoute.BATCH, body).map((response) -> {
			JsonNode outputs = response.get("output");
			if (outputs == null || !outputs.isArray()) {
				throw new RemoteRunnableException(200, "the batch response has no 'output' array");
			}
			List<Object> results = new ArrayList<>(outputs.size());
			outputs.forEach((output) -> results.add(output(output)));
			return results;
		});
	}

	@Override
	public Flux<Object> astream(Object input, RunnableConfig config) {
		return events(ChainRoute.STREAM, body(input, config)).map(this::output);
	}

	@Override
	public Flux<RunLogPatch> astreamLog(Object input, RunnableConfig config, RunFilter filter) {
		return events(ChainRoute.STREAM_LOG, FilterCodec.write(body(input, config), filter)).map((data) -> {
			List<JsonPatchOp> ops = new ArrayList<>();
			data.path("ops").forEach((op) -> ops.add(new JsonPatchOp(op.path("op").asString(),
					op.path("path").asString(), output(op.get("value")))));
			return new RunLogPatch(ops);
		});
	}

	@Override
	public Flux<StreamEvent> astreamEvents(Object input, RunnableConfig config, RunFilter filter) {
		return events(ChainRoute.STREAM_EVENTS, FilterCodec.write(body(input, config), filter)).map((data) -> {
			List<UUID> parents = new ArrayList<>();
			data.path("parent_ids").forEach((id) -> parents.add(UUID.fromString(id.asString())));
			@SuppressWarnings("unchecked")
			Map<String, Object> eventData = (Map<String, Object>) output(data.get("data"));
			@SuppressWarnings("unchecked")
			Map<String, Object> metadata = (Map<String, Object>) this.json.treeToValue(data.path("metadata"), Map.class);
			List<String> tags = new ArrayList<>();
			data.path("tags").forEach((tag) -> tags.add(tag.asString()));
			String runId = data.path("run_id").asString(null);
			return new StreamEvent(data.path("event").asString(), data.path("name").asString(),
					(runId != null) ? UUID.fromString(runId) : null, parents, tags,
					(metadata != null) ? metadata : Map.of(), (eventData != null) ? eventData : Map.of());
		});
	}

	/**
	 * Return the remote chain's input schema. It is fetched from the server and kept for
	 * {@link Builder#schemaTtl}; on a non-blocking thread (an event loop) this never blocks and
	 * returns the schema last fetched, or {@code {}} before the first fetch, which it starts.
	 * @return the schema
	 */
	@Override
	public ObjectNode inputSchema() {
		return this.inputSchema.get(this.timeout);
	}

	/**
	 * Return the remote chain's output schema, as {@link #inputSchema()} does.
	 * @return the schema
	 */
	@Override
	public ObjectNode outputSchema() {
		return this.outputSchema.get(this.timeout);
	}

	/**
	 * Return the remote chain's input schema without blocking: the one kept while it is fresh,
	 * else fetched from the server.
	 * @return the schema, lazily; fails with a {@link RemoteRunnableException} when the server does
	 */
	public Mono<ObjectNode> ainputSchema() {
		return this.inputSchema.fetchIfStale();
	}

	/**
	 * Return the remote chain's output schema without blocking, as {@link #ainputSchema()} does.
	 * @return the schema, lazily
	 */
	public Mono<ObjectNode> aoutputSchema() {
		return this.outputSchema.fetchIfStale();
	}

	@Override
	public String getName() {
		return this.name;
	}

	private Mono<JsonNode> fetchSchema(ChainRoute route) {
		return this.client.method(route.method()).uri(route.under("")).exchangeToMono(this::json);
	}

	private Mono<JsonNode> post(ChainRoute route, JsonNode body) {
		return this.client.method(route.method())
			.uri(route.under(""))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchangeToMono(this::json);
	}

	private Mono<JsonNode> json(ClientResponse response) {
		return response.bodyToMono(String.class).defaultIfEmpty("").map((text) -> {
			JsonNode node = text.isEmpty() ? this.json.nullNode() : this.json.readTree(text);
			if (response.statusCode().isError()) {
				throw failure(response.statusCode(), node, text);
			}
			return node;
		});
	}

	private Flux<JsonNode> events(ChainRoute route, JsonNode body) {
		return this.client.method(route.method())
			.uri(route.under(""))
			.contentType(MediaType.APPLICATION_JSON)
			.accept(route.produces())
			.bodyValue(body)
			.exchangeToFlux((response) -> {
				if (response.statusCode().isError()) {
					return this.json(response).flux();
				}
				return response.bodyToFlux(SSE).concatMap(this::data);
			});
	}

	/** The data of a {@code data} event; an {@code error} event fails; the others are skipped. */
	private Mono<JsonNode> data(ServerSentEvent<String> event) {
		SseEvent type = SseEvent.of(event.event());
		if (type == SseEvent.DATA) {
			return Mono.justOrEmpty(event.data()).map(this.json::readTree);
		}
		if (type == SseEvent.ERROR) {
			StreamError error = StreamError.fromWire(this.json.readTree(Objects.requireNonNullElse(event.data(), "{}")));
			return Mono.error(new RemoteRunnableException(error.statusCode(), error.message()));
		}
		return Mono.empty();
	}

	private static RemoteRunnableException failure(HttpStatusCode status, @Nullable JsonNode body, String text) {
		String message = (body != null && body.has("message")) ? body.get("message").asString()
				: (body != null && body.has("detail")) ? body.get("detail").asString() : text;
		return new RemoteRunnableException(status.value(), message);
	}

	private @Nullable Object output(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : this.outputReader.apply(node);
	}

	private ObjectNode body(Object input, RunnableConfig config) {
		ObjectNode body = this.json.createObjectNode();
		body.set("input", this.json.valueToTree(input));
		body.set("config", this.json.valueToTree(ConfigCodec.write(config)));
		body.putObject("kwargs");
		return body;
	}

	/**
	 * Builds a {@link RemoteRunnable}.
	 */
	public static final class Builder {

		private final String url;

		private WebClient.Builder webClient = WebClient.builder();

		private JsonMapper json = JsonMapper.shared();

		private Duration timeout = Duration.ofMinutes(5);

		private @Nullable Function<JsonNode, Object> outputReader;

		private String name = "RemoteRunnable";

		private Duration schemaTtl = Duration.ofMinutes(1);

		private Builder(String url) {
			this.url = Objects.requireNonNull(url, "url must not be null");
		}

		/**
		 * Use this {@link WebClient.Builder} (Spring Boot's, for its metrics and tracing).
		 * @param webClient the builder; it is cloned, not changed
		 * @return this builder
		 */
		public Builder webClient(WebClient.Builder webClient) {
			this.webClient = Objects.requireNonNull(webClient, "webClient must not be null");
			return this;
		}

		/**
		 * Use this JSON mapper to write inputs and read outputs.
		 * @param json the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper json) {
			this.json = Objects.requireNonNull(json, "json must not be null");
			return this;
		}

		/**
		 * Wait at most this long in the blocking methods ({@code invoke}, {@code batch}).
		 * @param timeout the longest wait
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
			return this;
		}

		/**
		 * Read outputs and chunks with this function instead of as plain values.
		 * @param outputReader turns one JSON value into an output or chunk; {@code null} for plain values
		 * @return this builder
		 */
		public Builder outputReader(@Nullable Function<JsonNode, Object> outputReader) {
			this.outputReader = outputReader;
			return this;
		}

		/**
		 * Keep a schema fetched from the server this long before fetching it again.
		 * @param schemaTtl how long a schema is reused; one minute by default
		 * @return this builder
		 */
		public Builder schemaTtl(Duration schemaTtl) {
			this.schemaTtl = Objects.requireNonNull(schemaTtl, "schemaTtl must not be null");
			return this;
		}

		/**
		 * Name the runnable in graphs and run trees.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = Objects.requireNonNull(name, "name must not be null");
			return this;
		}

		/**
		 * Build the remote runnable.
		 * @return the remote runnable
		 */
		public RemoteRunnable build() {
			return new RemoteRunnable(this);
		}

	}

}
