package dev.lcel.autoconfigure.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.governance.usage.UsageCallbackHandler;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.wire.ChainRoute;
import dev.lcel.core.wire.FilterCodec;
import dev.lcel.core.wire.InvalidWireValueException;
import dev.lcel.core.wire.SseEncoder;
import dev.lcel.core.wire.SseEvent;
import dev.lcel.core.wire.StreamError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves chains over HTTP in LangServe's wire protocol: {@code invoke}, {@code batch},
 * {@code stream}, {@code stream_log}, {@code stream_events}, the schemas, the graph and the list.
 *
 * <p>A chain's steps that may block (a lambda, a tool, a runnable of the user's) run off the event
 * loop, so a blocking step never stalls the server, while prompts, parsers and models, which do
 * not block, run where they are called, without a hand-off; when a client goes away mid-stream,
 * the chain is cancelled and with it any model request.
 */
final class ChainHandler {

	/**
	 * How many values of a stream are asked for at once, and so at most held before their events
	 * are written; three quarters of them are asked for again once that many have been written. A
	 * stream of up to this many values asks once, when it starts.
	 */
	private static final int VALUES_PREFETCH = 64;

	/** The playground page: one page from the classpath, the same for every chain. */
	private static final Resource PLAYGROUND = new ClassPathResource("dev/lcel/autoconfigure/web/playground.html");

	private final Function<String, String> models;

	private final ChainRegistry chains;

	private final LcelServerProperties properties;

	private final ChainRequestReader reader;

	private final JsonMapper json;

	private final RouteSwitches switches;

	private final SseEncoder events;

	private final LangServeAnswers answers;

	ChainHandler(ChainRegistry chains, LcelServerProperties properties, JsonMapper json,
			List<ChainRequestConfigCustomizer> customizers, Function<String, String> models) {
		this.chains = chains;
		this.models = models;
		this.properties = properties;
		this.json = json;
		this.reader = new ChainRequestReader(json, properties, customizers);
		this.switches = new RouteSwitches(properties);
		this.events = new SseEncoder(json);
		this.answers = new LangServeAnswers(json);
	}

	/**
	 * Return the handler of a route.
	 * @param route the route
	 * @return its handler
	 */
	HandlerFunction<ServerResponse> handlerOf(ChainRoute route) {
		return switch (route) {
			case INVOKE -> this::invoke;
			case BATCH -> this::batch;
			case STREAM -> this::stream;
			case STREAM_LOG -> this::streamLog;
			case STREAM_EVENTS -> this::streamEvents;
			case SCHEMA -> this::schema;
			case INPUT_SCHEMA -> this::inputSchema;
			case OUTPUT_SCHEMA -> this::outputSchema;
			case CONFIG_SCHEMA -> this::configSchema;
			case GRAPH -> this::graph;
			case PLAYGROUND -> this::playground;
		};
	}

	Mono<ServerResponse> list(ServerRequest request) {
		List<Map<String, Object>> listed = new ArrayList<>();
		for (String name : this.chains.getChains().keySet()) {
			if (!exposed(name)) {
				continue;
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", name);
			entry.put("description", this.chains.description(name).orElse(null));
			String model = this.models.apply(name);
			if (model != null) {
				entry.put("model", model);
			}
			entry.put("links", links(name));
			listed.add(entry);
		}
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("chains", listed));
	}

	/** The links of a chain in the list: its served routes but the single schemas. */
	private Map<String, String> links(String name) {
		Map<String, String> links = new LinkedHashMap<>();
		for (ChainRoute route : this.switches.servedRoutes(name)) {
			if (!route.singleSchema()) {
				links.put(route.path(), route.under(this.properties.routePrefix() + "/" + name));
			}
		}
		return links;
	}

	Mono<ServerResponse> invoke(ServerRequest request) {
		return withChain(request, (name, chain) -> this.reader.body(request).flatMap((body) -> {
			UsageCallbackHandler usage = new UsageCallbackHandler();
			ChainRequestReader.Call call = this.reader.call(name, chain, request, body, usage);
			UUID runId = call.config().runId();
			// The chain starts on the thread the body was read on (the event loop, for a small
			// body): its steps that may block move off it themselves, the others hand nothing off.
			return chain.ainvoke(call.input(), call.config())
				.map((output) -> this.answers.invoke(output, runId, usage.usage()))
				// Written once the run has ended, with its usage, and only for a run without output.
				.switchIfEmpty(Mono.fromSupplier(() -> this.answers.invoke(null, runId, usage.usage())))
				.flatMap(LangServeAnswers::ok)
				.onErrorResume((ex) -> ChainErrors.problem(request, ex, runId));
		}));
	}

	Mono<ServerResponse> batch(ServerRequest request) {
		return withChain(request, (name, chain) -> this.reader.body(request).flatMap((body) -> {
			UsageCallbackHandler usage = new UsageCallbackHandler();
			List<ChainRequestReader.Call> calls = this.reader.calls(name, chain, request, body, usage);
			List<String> runIds = calls.stream().map((call) -> call.config().runId().toString()).toList();
			int concurrency = BatchRun.concurrency(body, this.properties.maxBatchConcurrency());
			return BatchRun.run(chain, calls, concurrency)
				.flatMap((outputs) -> LangServeAnswers.ok(this.answers.batch(outputs, runIds, usage.usage())))
				.onErrorResume((ex) -> ChainErrors.problem(request, ex, null));
		}));
	}

	Mono<ServerResponse> stream(ServerRequest request) {
		return sse(request, (chain, call) -> chain.astream(call.input(), call.config()));
	}

	Mono<ServerResponse> streamLog(ServerRequest request) {
		return sse(request, (chain, call) -> chain.astreamLog(call.input(), call.config(), filter(call.body()))
			.map((patch) -> Map.of("ops", ClientEvents.patch(patch).ops())));
	}

	Mono<ServerResponse> streamEvents(ServerRequest request) {
		return sse(request, (chain, call) -> chain.astreamEvents(call.input(), call.config(), filter(call.body()))
			.map(ClientEvents::event));
	}

	Mono<ServerResponse> schema(ServerRequest request) {
		return withChain(request, (chain) -> {
			Map<String, Object> schemas = new LinkedHashMap<>();
			schemas.put("input", chain.inputSchema());
			schemas.put("output", chain.outputSchema());
			schemas.put("config", ServedConfigSchema.of(chain, this.properties.configKeys()));
			return ok(schemas);
		});
	}

	Mono<ServerResponse> inputSchema(ServerRequest request) {
		return withChain(request, (chain) -> ok(chain.inputSchema()));
	}

	Mono<ServerResponse> outputSchema(ServerRequest request) {
		return withChain(request, (chain) -> ok(chain.outputSchema()));
	}

	Mono<ServerResponse> configSchema(ServerRequest request) {
		return withChain(request, (chain) -> ok(ServedConfigSchema.of(chain, this.properties.configKeys())));
	}

	Mono<ServerResponse> unrouted(ServerRequest request) {
		String path = request.pathVariable("route");
		ChainRoute route = ChainRoute.ofPath(path).orElse(null);
		ChainRequestException error = (route != null)
				? new ChainRequestException(HttpStatus.METHOD_NOT_ALLOWED,
						request.method() + " is not allowed on " + path + "; use " + route.method().name())
				: new ChainRequestException(HttpStatus.NOT_FOUND, "No route '" + path + "'; the routes are "
						+ String.join(", ", ChainRoute.all().stream().map(ChainRoute::path).toList()));
		return ChainErrors.problem(request, error, null);
	}

	Mono<ServerResponse> playground(ServerRequest request) {
		return withChain(request, (chain) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_HTML)
			.header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:")
			.bodyValue(PLAYGROUND));
	}

	Mono<ServerResponse> graph(ServerRequest request) {
		return withChain(request, (chain) -> {
			ObjectNode graph = chain.getGraph().toJson();
			graph.put("mermaid", chain.getGraph().drawMermaid());
			graph.put("ascii", chain.getGraph().drawAscii());
			return ok(graph);
		});
	}

	private interface StreamBody {

		Flux<?> stream(Runnable<Object, Object> chain, BodyCall call);

	}

	private record BodyCall(Object input, RunnableConfig config, JsonNode body) {
	}

	/**
	 * Answer with LangServe's events: {@code metadata} with the run id, a {@code data} per value the
	 * chain streams, {@code end}; a failure once the stream has started is an {@code error} event
	 * that ends it.
	 */
	private Mono<ServerResponse> sse(ServerRequest request, StreamBody body) {
		return withChain(request, (chain) -> this.reader.body(request).flatMap((json) -> {
			UsageCallbackHandler usage = new UsageCallbackHandler();
			ChainRequestReader.Call call = this.reader.call(name(request), chain, request, json, usage);
			UUID runId = call.config().runId();
			// Started where the body was read (its steps that may block move off the event loop
			// themselves), and asked for VALUES_PREFETCH values at a time rather than one per
			// event the response's writer has written.
			Flux<?> values = body.stream(chain, new BodyCall(call.input(), call.config(), json))
				.limitRate(VALUES_PREFETCH);
			Map<String, Object> metadata = Map.of("run_id", runId.toString());
			return unbuffered(ServerResponse.ok()).contentType(SseEncoder.EVENT_STREAM)
				.body(SseEncoder.body((buffers) -> Flux.concat(
						Mono.fromSupplier(() -> this.events.encode(buffers, SseEvent.METADATA, metadata)),
						values.map((value) -> this.events.encode(buffers, SseEvent.DATA, value)),
						// The usage goes on a last metadata event: LangChain.js's client takes an end event's data for a chunk.
						Mono.fromSupplier(() -> this.events.encode(buffers, SseEvent.METADATA, withUsage(metadata, usage))),
						Mono.fromSupplier(() -> this.events.encode(buffers, SseEvent.END, null)))
					.onErrorResume((ex) -> Mono.fromSupplier(() -> error(buffers, ex, runId)))));
		}));
	}

	private DataBuffer error(DataBufferFactory buffers, Throwable ex, UUID runId) {
		ChainErrors.Outcome outcome = ChainErrors.outcome(ex, runId);
		return this.events.encode(buffers, SseEvent.ERROR,
				new StreamError(outcome.status().value(), outcome.message()).toWire());
	}

	/**
	 * Ask caches and proxies to pass a stream on as it is written: {@code no-cache} for caches,
	 * {@code X-Accel-Buffering: no} for nginx, which otherwise buffers a response whole.
	 */
	private static ServerResponse.BodyBuilder unbuffered(ServerResponse.BodyBuilder response) {
		return response.header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
	}

	private static RunFilter filter(JsonNode body) {
		try {
			return FilterCodec.read(body);
		}
		catch (InvalidWireValueException ex) {
			throw ChainRequestException.unprocessable(ex.pointer(), ex.problem());
		}
	}

	private Mono<ServerResponse> withChain(ServerRequest request, Function<Runnable<Object, Object>, Mono<ServerResponse>> handler) {
		return withChain(request, (name, chain) -> handler.apply(chain));
	}

	/** As {@link #withChain(ServerRequest, Function)}, giving the handler the chain's name read once. */
	@SuppressWarnings("unchecked")
	private Mono<ServerResponse> withChain(ServerRequest request,
			BiFunction<String, Runnable<Object, Object>, Mono<ServerResponse>> handler) {
		String name = request.pathVariable("name");
		Runnable<Object, Object> chain = exposed(name) ? (Runnable<Object, Object>) this.chains.find(name).orElse(null) : null;
		if (chain == null) {
			List<String> known = this.chains.getChains().keySet().stream().filter(this::exposed).toList();
			return ChainErrors.problem(request,
					new ChainRequestException(HttpStatus.NOT_FOUND, "No chain named '" + name + "'; the chains are " + known),
					null);
		}
		return Mono.defer(() -> handler.apply(name, chain)).onErrorResume((ex) -> ChainErrors.problem(request, ex, null));
	}

	private static String name(ServerRequest request) {
		return request.pathVariable("name");
	}

	private boolean exposed(String name) {
		return this.properties.expose().isEmpty() || this.properties.expose().contains(name);
	}

	/** The metadata of a response with the run's token usage ({@code usage}) after its other keys. */
	private static Map<String, Object> withUsage(Map<String, Object> metadata, UsageCallbackHandler usage) {
		Map<String, Object> withUsage = new LinkedHashMap<>(metadata);
		withUsage.put("usage", usage.usage());
		return withUsage;
	}

	private Mono<ServerResponse> ok(Object body) {
		// The JSON's bytes as Jackson writes them, not a String that is encoded again.
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(this.json.writeValueAsBytes(body));
	}

}
