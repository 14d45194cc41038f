package dev.lcel.core.governance.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolCallChunk;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.ForwardingChatModel;
import dev.lcel.core.tracing.Runs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat model that answers repeated calls from a {@link ResponseCacheStore}: LangChain's model
 * cache, for streamed calls too.
 *
 * <pre class="code">
 * ChatModel cached = CachingChatModel.builder(model, new InMemoryResponseCacheStore(1000, 10_000_000))
 *         .timeToLive(Duration.ofHours(1))
 *         .build();
 * </pre>
 *
 * <p>A call is looked up under its {@link ResponseCacheKey} (provider, model, messages, tools,
 * options). On a hit, a streamed call replays the stored chunks, with their original chunking, and
 * an invoked call answers with the message they add up to; the model is not called. On a miss the
 * model answers as usual, its chunks passing on as they come, and the answer is stored once the
 * stream has completed: never when it fails or is cancelled half-way, so an error is never cached.
 * An invoked call stores its message as one chunk.
 *
 * <p>Only calls whose temperature is set to 0 are cached, since at any other temperature (and at
 * a provider's default, which is above 0) asking again may give another answer;
 * {@link Builder#cacheNonZeroTemperature(boolean)} caches every call. A call whose config has
 * {@code configurable.lcel_cache} set to {@code false} bypasses the cache, reading and writing
 * nothing. When a handler listens, the model's run gets the metadata {@code lcel_cache}:
 * {@code hit} or {@code miss}, from the lookup on. A failing store never fails a call: the call
 * goes to the model, and the {@link ResponseCacheListener} hears of the failure.
 */
public final class CachingChatModel extends ForwardingChatModel {

	/** The run metadata key that says whether an answer came from the cache: {@code hit} or {@code miss}. */
	public static final String METADATA_KEY = "lcel_cache";

	/** The {@code configurable} key that, set to {@code false}, makes a call bypass the cache. */
	public static final String CONFIGURABLE_KEY = "lcel_cache";

	/** The {@link #METADATA_KEY} value of a call answered from the cache. */
	public static final String HIT = "hit";

	/** The {@link #METADATA_KEY} value of a call answered by the model. */
	public static final String MISS = "miss";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ResponseCacheStore store;

	private final Duration timeToLive;

	private final boolean cacheNonZeroTemperature;

	private final ResponseCacheListener listener;

	private CachingChatModel(Builder builder) {
		super(builder.model);
		this.store = builder.store;
		this.timeToLive = builder.timeToLive;
		this.cacheNonZeroTemperature = builder.cacheNonZeroTemperature;
		this.listener = builder.listener;
	}

	/**
	 * Return a builder of a model that caches the answers of {@code model} in {@code store}.
	 * @param model the model to call on a miss
	 * @param store where answers are kept
	 * @return the builder
	 */
	public static Builder builder(ChatModel model, ResponseCacheStore store) {
		return new Builder(model, store);
	}

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		if (!cacheable(options, config)) {
			return super.streamChunks(messages, options, config);
		}
		String key = key(messages, options);
		return lookup(key, config).flatMapMany((found) -> {
			if (found.isPresent()) {
				return Flux.fromIterable(found.get());
			}
			List<AIMessageChunk> seen = new ArrayList<>();
			return super.streamChunks(messages, options, config).doOnNext(seen::add).concatWith(save(key, seen).then(Mono.empty()));
		});
	}

	@Override
	protected Mono<AIMessage> generate(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		if (!cacheable(options, config)) {
			return super.generate(messages, options, config);
		}
		String key = key(messages, options);
		return lookup(key, config).flatMap((found) -> found.isPresent() ? Mono.just(join(found.get()))
				: super.generate(messages, options, config)
					.flatMap((message) -> save(key, List.of(chunkOf(message))).thenReturn(message)));
	}

	private boolean cacheable(ChatOptions options, RunnableConfig config) {
		Object optOut = config.configurable().get(CONFIGURABLE_KEY);
		if (Boolean.FALSE.equals(optOut) || "false".equals(optOut)) {
			return false;
		}
		return this.cacheNonZeroTemperature || (options.temperature() != null && options.temperature() == 0.0);
	}

	private String key(List<BaseMessage> messages, ChatOptions options) {
		return ResponseCacheKey.of(providerName(), modelName(), messages, options);
	}

	/** Look a call up, telling the run and the listener the outcome; a failing store is a miss. */
	private Mono<Optional<List<AIMessageChunk>>> lookup(String key, RunnableConfig config) {
		return this.store.get(key)
			.map((bytes) -> Optional.of(CachedChunks.decode(bytes)))
			.onErrorResume((ex) -> {
				this.listener.onStoreError(ex);
				return Mono.empty();
			})
			.defaultIfEmpty(Optional.empty())
			.doOnNext((found) -> {
				Runs.addMetadata(METADATA_KEY, found.isPresent() ? HIT : MISS, config);
				if (found.isPresent()) {
					this.listener.onHit();
				}
				else {
					this.listener.onMiss();
				}
			});
	}

	private Mono<Void> save(String key, List<AIMessageChunk> chunks) {
		return Mono.defer(() -> {
			byte[] bytes = CachedChunks.encode(chunks);
			return this.store.put(key, bytes, this.timeToLive).doOnSuccess((done) -> this.listener.onStore(bytes.length));
		}).onErrorResume((ex) -> {
			this.listener.onStoreError(ex);
			return Mono.empty();
		});
	}

	private static AIMessage join(List<AIMessageChunk> chunks) {
		return chunks.isEmpty() ? new AIMessage("") : chunks.get(0).addAll(chunks.subList(1, chunks.size())).toMessage();
	}

	private static AIMessageChunk chunkOf(AIMessage message) {
		if (message instanceof AIMessageChunk chunk) {
			return chunk;
		}
		List<ToolCallChunk> calls = new ArrayList<>(message.toolCalls().size());
		for (int i = 0; i < message.toolCalls().size(); i++) {
			ToolCall call = message.toolCalls().get(i);
			calls.add(new ToolCallChunk(i, call.id(), call.name(), JSON.writeValueAsString(call.args())));
		}
		return new AIMessageChunk(message.content(), calls, message.usageMetadata(), message.responseMetadata(),
				message.id(), message.name());
	}

	/**
	 * Builds a {@link CachingChatModel}.
	 */
	public static final class Builder {

		private final ChatModel model;

		private final ResponseCacheStore store;

		private Duration timeToLive = Duration.ofHours(1);

		private boolean cacheNonZeroTemperature;

		private ResponseCacheListener listener = ResponseCacheListener.NONE;

		private Builder(ChatModel model, ResponseCacheStore store) {
			this.model = Objects.requireNonNull(model, "model must not be null");
			this.store = Objects.requireNonNull(store, "store must not be null");
		}

		/**
		 * Keep each answer this long (one hour by default).
		 * @param timeToLive the time to live, positive
		 * @return this builder
		 */
		public Builder timeToLive(Duration timeToLive) {
			Objects.requireNonNull(timeToLive, "timeToLive must not be null");
			if (timeToLive.isNegative() || timeToLive.isZero()) {
				throw new IllegalArgumentException("timeToLive must be positive, was " + timeToLive);
			}
			this.timeToLive = timeToLive;
			return this;
		}

		/**
		 * Cache calls at any temperature, not only at 0 (off by default).
		 * @param cacheNonZeroTemperature whether to
		 * @return this builder
		 */
		public Builder cacheNonZeroTemperature(boolean cacheNonZeroTemperature) {
			this.cacheNonZeroTemperature = cacheNonZeroTemperature;
			return this;
		}

		/**
		 * Tell {@code listener} of hits, misses, stored answers and store failures.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(ResponseCacheListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener must not be null");
			return this;
		}

		/**
		 * Build the model.
		 * @return the caching model
		 */
		public CachingChatModel build() {
			return new CachingChatModel(this);
		}

	}

}
