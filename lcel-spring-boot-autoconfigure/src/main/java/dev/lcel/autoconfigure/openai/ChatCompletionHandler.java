package dev.lcel.autoconfigure.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import dev.lcel.autoconfigure.web.JsonRequestBody;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.governance.usage.UsageCallbackHandler;
import dev.lcel.core.runnable.ChunkAggregator;
import dev.lcel.core.tracing.RunIds;
import dev.lcel.core.wire.SseEncoder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves chat chains in OpenAI's chat completions protocol: {@code GET models},
 * {@code GET models/{id}} and {@code POST chat/completions}, streamed as {@code chat.completion.chunk}
 * events ending with {@code data: [DONE]} or answered as one {@code chat.completion}.
 *
 * <p>Chains run off the event loop; when a client goes away mid-stream the chain is cancelled
 * and with it any model request. A failure before the answer is an error object with its status;
 * a failure during a stream is an error object as the stream's last event.
 */
final class ChatCompletionHandler {

	private final ChatChains chains;

	private final OpenAiApiProperties properties;

	private final JsonRequestBody body;

	private final ChatRequestParser parser;

	private final CompletionMessages messages;

	private final JsonMapper json;

	private final SseEncoder events;

	private final long created = Instant.now().getEpochSecond();

	ChatCompletionHandler(ChatChains chains, OpenAiApiProperties properties, JsonRequestBody body, JsonMapper json) {
		this.chains = chains;
		this.properties = properties;
		this.body = body;
		this.json = json;
		this.events = new SseEncoder(json);
		this.parser = new ChatRequestParser(json, properties.maxMessages());
		this.messages = new CompletionMessages(json);
	}

	Mono<ServerResponse> models(ServerRequest request) {
		List<Map<String, Object>> data = new ArrayList<>();
		this.chains.all().forEach((chain) -> data.add(model(chain.id())));
		return ok(Map.of("object", "list", "data", data));
	}

	Mono<ServerResponse> model(ServerRequest request) {
		String id = request.pathVariable("id");
		return this.chains.find(id)
			.map((chain) -> ok(model(chain.id())))
			.orElseGet(() -> OpenAiErrors.response(
					new OpenAiApiException(HttpStatus.NOT_FOUND, "model", "model_not_found", unknownModel(id)), null));
	}

	Mono<ServerResponse> completions(ServerRequest request) {
		return this.body.read(request).flatMap((node) -> {
			ChatRequest chat = this.parser.parse(node);
			ChatChain chain = this.chains.find(chat.model())
				.orElseThrow(() -> new OpenAiApiException(HttpStatus.BAD_REQUEST, "model", "model_not_found",
						unknownModel(chat.model())));
			Object input = chain.input().toInput(chat.messages());
			UUID runId = RunIds.next();
			UsageCallbackHandler usage = new UsageCallbackHandler();
			RunnableConfig config = config(request, chat, chain, runId, usage);
			return chat.stream() ? stream(chat, chain, input, config, usage)
					: complete(chat, chain, input, config, usage);
		}).onErrorResume((ex) -> OpenAiErrors.response(ex, null));
	}

	Mono<ServerResponse> unrouted(ServerRequest request) {
		String base = this.properties.basePath().replaceAll("/+$", "");
		String routes = "; the routes are GET " + base + "/models, GET " + base + "/models/{id} and POST " + base
				+ "/chat/completions";
		boolean known = request.path().equals(base + "/chat/completions") || request.path().equals(base + "/models")
				|| request.path().matches(Pattern.quote(base + "/models/") + "[^/]+");
		return OpenAiErrors.response(known
				? new OpenAiApiException(HttpStatus.METHOD_NOT_ALLOWED, null, "method_not_allowed",
						request.method() + " is not allowed on " + request.path() + routes)
				: new OpenAiApiException(HttpStatus.NOT_FOUND, null, "unknown_url",
						"Unknown request URL: " + request.method() + " " + request.path() + routes),
				null);
	}

	private Mono<ServerResponse> complete(ChatRequest chat, ChatChain chain, Object input, RunnableConfig config,
			UsageCallbackHandler usage) {
		String id = "chatcmpl-" + config.runId();
		return chain.chain()
			.ainvoke(input, config)
			.map(Optional::<Object>of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((output) -> {
				Map<String, Object> choice = new LinkedHashMap<>();
				choice.put("index", 0);
				choice.put("message", this.messages.message(output.orElse(null)));
				choice.put("logprobs", null);
				choice.put("finish_reason", CompletionMessages.hasToolCalls(output.orElse(null)) ? "tool_calls" : "stop");
				Map<String, Object> completion = envelope(id, "chat.completion", chat.model());
				completion.put("choices", List.of(choice));
				completion.put("usage", OpenAiUsage.of(usage.usage()));
				return ok(completion);
			})
			.onErrorResume((ex) -> OpenAiErrors.response(ex, config.runId()));
	}

	private Mono<ServerResponse> stream(ChatRequest chat, ChatChain chain, Object input, RunnableConfig config,
			UsageCallbackHandler usage) {
		String id = "chatcmpl-" + config.runId();
		Flux<Object> outputs = chain.chain().astream(input, config);
		// The status waits for the chain's first signal, so that a failure before any output (a
		// provider's 429, a missing session) is answered with its own status, as OpenAI does.
		return outputs.switchOnFirst((first, all) -> first.isOnError() ? Mono.<ServerResponse>error(first.getThrowable())
				: events(chat, id, all, config, usage), false)
			.last()
			.onErrorResume((ex) -> OpenAiErrors.response(ex, config.runId()));
	}

	private Mono<ServerResponse> events(ChatRequest chat, String id, Flux<Object> outputs, RunnableConfig config,
			UsageCallbackHandler usage) {
		AtomicBoolean toolCalls = new AtomicBoolean();
		ChunkAggregator others = new ChunkAggregator();
		Map<String, Object> role = new LinkedHashMap<>();
		role.put("role", "assistant");
		role.put("content", "");
		// Synchronous, with no queue of its own: a chunk that arrived before a failure is still sent.
		Flux<Map<String, Object>> answer = outputs.handle((output, sink) -> {
			Map<String, Object> delta = this.messages.delta(output);
			if (delta == null) {
				others.add(output);
				return;
			}
			toolCalls.compareAndSet(false, CompletionMessages.hasToolCalls(output));
			sink.next(chunk(id, chat, delta, null));
		});
		Flux<Map<String, Object>> end = Flux.defer(() -> {
			List<Map<String, Object>> last = new ArrayList<>();
			if (!others.isEmpty()) {
				last.add(chunk(id, chat, Map.of("content", this.messages.text(others.current())), null));
			}
			last.add(chunk(id, chat, Map.of(), toolCalls.get() ? "tool_calls" : "stop"));
			if (chat.includeUsage()) {
				Map<String, Object> usageChunk = envelope(id, "chat.completion.chunk", chat.model());
				usageChunk.put("choices", List.of());
				usageChunk.put("usage", OpenAiUsage.of(usage.usage()));
				last.add(usageChunk);
			}
			return Flux.fromIterable(last);
		});
		Flux<Map<String, Object>> chunks = Flux.concat(Flux.just(chunk(id, chat, role, null)), answer, end);
		return ServerResponse.ok().contentType(SseEncoder.EVENT_STREAM).body(SseEncoder.body((buffers) -> chunks
			.map((chunk) -> this.events.encode(buffers, (String) null, chunk))
			.concatWith(Mono.fromSupplier(() -> this.events.encodeText(buffers, null, "[DONE]")))
			.onErrorResume((ex) -> Mono.fromSupplier(
					() -> this.events.encode(buffers, (String) null, OpenAiErrors.outcome(ex, config.runId()).body())))));
	}

	private RunnableConfig config(ServerRequest request, ChatRequest chat, ChatChain chain, UUID runId,
			UsageCallbackHandler usage) {
		RunnableConfig.Builder config = RunnableConfig.builder().runId(runId).callbacks(usage);
		Map<String, String> accepted = this.chains.options(chain);
		chat.options().forEach((parameter, value) -> {
			String key = accepted.get(parameter);
			if (key != null) {
				config.configurable(key, value);
			}
		});
		String session = request.headers().firstHeader(this.properties.sessionHeader());
		if (session == null || session.isBlank()) {
			session = chat.user();
		}
		if (session != null) {
			config.configurable(this.properties.sessionKey(), session);
		}
		if (chat.user() != null) {
			config.configurable(this.properties.userKey(), chat.user());
		}
		return config.build();
	}

	private Map<String, Object> chunk(String id, ChatRequest chat, Map<String, Object> delta, @Nullable String finishReason) {
		Map<String, Object> choice = new LinkedHashMap<>();
		choice.put("index", 0);
		choice.put("delta", delta);
		choice.put("logprobs", null);
		choice.put("finish_reason", finishReason);
		Map<String, Object> chunk = envelope(id, "chat.completion.chunk", chat.model());
		chunk.put("choices", List.of(choice));
		if (chat.includeUsage()) {
			chunk.put("usage", null);
		}
		return chunk;
	}

	private Map<String, Object> envelope(String id, String object, String model) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", id);
		envelope.put("object", object);
		envelope.put("created", Instant.now().getEpochSecond());
		envelope.put("model", model);
		envelope.put("system_fingerprint", null);
		return envelope;
	}

	private Map<String, Object> model(String id) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("id", id);
		model.put("object", "model");
		model.put("created", this.created);
		model.put("owned_by", "lcel");
		return model;
	}

	private String unknownModel(String id) {
		return "The model '" + id + "' does not exist; the models are " + this.chains.ids();
	}

	private Mono<ServerResponse> ok(Object body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(this.json.writeValueAsString(body));
	}

}
