package dev.lcel.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.InvalidConfigurableException;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.runnable.ChunkAggregator;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.RunManager;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a chain as a turn of a conversation: reads the conversation's history before the chain
 * runs, gives it to the chain with the new input, and appends the new input and the chain's answer
 * to the history after it: LangChain's {@code RunnableWithMessageHistory}.
 *
 * <p>The conversation is the one of the session id found in the call's
 * {@link RunnableConfig#configurable()} under {@link Builder#sessionIdKey} ({@code session_id} by
 * default); a call without one fails with an {@link InvalidConfigurableException} before anything
 * runs. How input, history and output meet is set by {@link MessageHistoryKeys}: with a history key
 * the history is put into the input map under it (for a {@code MessagesPlaceholder}); without one,
 * the chain receives the history followed by the new messages, as a list.
 *
 * <p>The new messages are appended only when the chain completes: after {@code invoke}, after
 * {@code ainvoke} emits, and after a stream completes (its chunks added up to one message). A
 * failure, an empty result or a cancelled stream appends nothing. {@code invoke} blocks on the
 * store; the asynchronous methods never do.
 *
 * @param <I> the input type: a map when the keys name an input key, else messages or a string
 * @param <O> the output type
 */
public final class RunnableWithMessageHistory<I, O> extends AbstractRunnable<I, O> {

	/** The key under {@code configurable} that holds the session id unless told otherwise. */
	public static final String DEFAULT_SESSION_ID_KEY = "session_id";

	private final Runnable<Object, O> runnable;

	private final ChatMessageHistoryStore store;

	private final MessageHistoryKeys keys;

	private final String sessionIdKey;

	private RunnableWithMessageHistory(Builder<I, O> builder) {
		this.runnable = builder.runnable;
		this.store = builder.store;
		this.keys = new MessageHistoryKeys(builder.inputMessagesKey, builder.historyMessagesKey,
				builder.outputMessagesKey);
		this.sessionIdKey = builder.sessionIdKey;
	}

	/**
	 * Return a builder of a runnable that keeps the conversations of {@code runnable} in
	 * {@code store}.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the chain to run
	 * @param store where the conversations are kept, by session id
	 * @return the builder
	 */
	public static <I, O> Builder<I, O> builder(Runnable<? super I, ? extends O> runnable,
			ChatMessageHistoryStore store) {
		return new Builder<>(runnable, store);
	}

	/**
	 * Run the chain with the conversation so far and append the turn, blocking: reading and
	 * appending the history is I/O either way.
	 */
	@Override
	protected O doInvoke(I input, RunManager run) {
		return await(doAinvoke(input, run));
	}

	@Override
	protected Mono<O> doAinvoke(I input, RunManager run) {
		RunnableConfig config = run.child();
		ChatMessageHistory history = history(config);
		List<BaseMessage> inputMessages = this.keys.inputMessages(input);
		return history.getMessages()
			.collectList()
			.flatMap((past) -> this.runnable.ainvoke(this.keys.withHistory(input, past, inputMessages), config))
			.flatMap((output) -> history.addMessages(turn(inputMessages, output)).thenReturn(output));
	}

	@Override
	protected Flux<O> doStream(I input, RunManager run) {
		RunnableConfig config = run.child();
		ChatMessageHistory history = history(config);
		List<BaseMessage> inputMessages = this.keys.inputMessages(input);
		ChunkAggregator answer = new ChunkAggregator();
		return history.getMessages()
			.collectList()
			.flatMapMany((past) -> this.runnable.astream(this.keys.withHistory(input, past, inputMessages), config))
			.doOnNext(answer::add)
			.concatWith(Mono.defer(() -> answer.isEmpty() ? Mono.empty()
					: history.addMessages(turn(inputMessages, answer.current())).then(Mono.empty())));
	}

	private ChatMessageHistory history(RunnableConfig config) {
		Object sessionId = config.configurable().get(this.sessionIdKey);
		if (sessionId == null || sessionId.toString().isBlank()) {
			throw new InvalidConfigurableException(this.sessionIdKey, List.of(),
					getName() + " needs a session id: set config.configurable." + this.sessionIdKey
							+ " to the id of the conversation");
		}
		return this.store.forSession(sessionId.toString());
	}

	private List<BaseMessage> turn(List<BaseMessage> inputMessages, Object output) {
		List<BaseMessage> turn = new ArrayList<>(inputMessages);
		turn.addAll(this.keys.outputMessages(output));
		return turn;
	}

	@Override
	public String getName() {
		return "RunnableWithMessageHistory";
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		List<ConfigurableFieldSpec> specs = new ArrayList<>();
		specs.add(new ConfigurableFieldSpec(this.sessionIdKey, "Session ID", "The id of the conversation", "string",
				null, null));
		this.runnable.configSpecs()
			.stream()
			.filter((spec) -> !spec.id().equals(this.sessionIdKey))
			.forEach(specs::add);
		return specs;
	}

	/**
	 * Return the config schema, in which the session id is required: a call without one fails.
	 * @return the schema, {@code configurable} required and the session id required in it
	 */
	@Override
	public ObjectNode configSchema() {
		ObjectNode schema = super.configSchema();
		if (schema.path("properties").get("configurable") instanceof ObjectNode configurable) {
			configurable.putArray("required").add(this.sessionIdKey);
			schema.putArray("required").add("configurable");
		}
		return schema;
	}

	/**
	 * Return the input schema of the chain without the history key, which this runnable fills.
	 */
	@Override
	public ObjectNode inputSchema() {
		ObjectNode schema = this.runnable.inputSchema();
		String historyKey = this.keys.historyMessagesKey();
		if (historyKey != null && schema.get("properties") instanceof ObjectNode properties) {
			properties.remove(historyKey);
			if (schema.get("required") instanceof ArrayNode required) {
				for (int i = required.size() - 1; i >= 0; i--) {
					if (historyKey.equals(required.get(i).asString())) {
						required.remove(i);
					}
				}
				if (required.isEmpty()) {
					schema.remove("required");
				}
			}
		}
		return schema;
	}

	@Override
	public ObjectNode outputSchema() {
		return this.runnable.outputSchema();
	}

	@Override
	public Graph getGraph() {
		return this.runnable.getGraph();
	}

	/**
	 * Builds a {@link RunnableWithMessageHistory}.
	 *
	 * @param <I> the input type
	 * @param <O> the output type
	 */
	public static final class Builder<I, O> {

		private final Runnable<Object, O> runnable;

		private final ChatMessageHistoryStore store;

		private @Nullable String inputMessagesKey;

		private @Nullable String historyMessagesKey;

		private @Nullable String outputMessagesKey;

		private String sessionIdKey = DEFAULT_SESSION_ID_KEY;

		@SuppressWarnings("unchecked")
		private Builder(Runnable<? super I, ? extends O> runnable, ChatMessageHistoryStore store) {
			this.runnable = AbstractRunnable.coerce((Runnable<Object, O>) Objects.requireNonNull(runnable, "runnable must not be null"));
			this.store = Objects.requireNonNull(store, "store must not be null");
		}

		/**
		 * Set the key of the input map that holds the new message(s): a string (a human message), a
		 * message or a list of messages. Without it the whole input is the new message(s).
		 * @param inputMessagesKey the key, or {@code null}
		 * @return this builder
		 */
		public Builder<I, O> inputMessagesKey(@Nullable String inputMessagesKey) {
			this.inputMessagesKey = inputMessagesKey;
			return this;
		}

		/**
		 * Set the key under which the history is put into the input map, the variable of the
		 * prompt's {@code MessagesPlaceholder}. Without it the chain receives the history followed
		 * by the new messages.
		 * @param historyMessagesKey the key, or {@code null}
		 * @return this builder
		 */
		public Builder<I, O> historyMessagesKey(@Nullable String historyMessagesKey) {
			this.historyMessagesKey = historyMessagesKey;
			return this;
		}

		/**
		 * Set the key of the chain's output map that holds its answer. Without it the output
		 * itself is the answer: a message, a string (an AI message) or a list of messages.
		 * @param outputMessagesKey the key, or {@code null}
		 * @return this builder
		 */
		public Builder<I, O> outputMessagesKey(@Nullable String outputMessagesKey) {
			this.outputMessagesKey = outputMessagesKey;
			return this;
		}

		/**
		 * Set the key under {@code configurable} that holds the session id.
		 * @param sessionIdKey the key; {@value RunnableWithMessageHistory#DEFAULT_SESSION_ID_KEY} by
		 * default
		 * @return this builder
		 */
		public Builder<I, O> sessionIdKey(String sessionIdKey) {
			this.sessionIdKey = Objects.requireNonNull(sessionIdKey, "sessionIdKey must not be null");
			return this;
		}

		/**
		 * Build the runnable.
		 * @return the runnable
		 */
		public RunnableWithMessageHistory<I, O> build() {
			return new RunnableWithMessageHistory<>(this);
		}

	}

}
