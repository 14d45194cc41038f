package dev.lcel.core.models;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.tracing.RunIds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat model that streams scripted responses in chunks, with an optional delay before each
 * chunk, like a real model: for tests of streaming and timing, demos and offline development. A
 * real component of the library, safe to use concurrently.
 *
 * <pre class="code">
 * ChatModel model = FakeStreamingChatModel.builder()
 *         .responses("Why did the bear cross the road?")
 *         .delay(Duration.ofMillis(50))
 *         .build();
 * </pre>
 *
 * <p>Responses are used in turn, starting over after the last. A response is cut into words (each
 * with the whitespace before it) or, with {@link Builder#chunkSize(int)}, into chunks of that many
 * characters. Every chunk of a call has the same id; the last one carries the token usage (input:
 * the words of the conversation; output: the number of chunks) and the response metadata
 * ({@code model_name}, {@code finish_reason}). The delay runs on Reactor's parallel scheduler, so
 * {@code StepVerifier.withVirtualTime} controls it. Bound options are accepted and ignored. A
 * response written with {@link FakeToolCalls#script} asks for tool calls.
 */
public final class FakeStreamingChatModel extends ChatModel {

	private final ScriptedResponses responses;

	private final int chunkSize;

	private final Duration delay;

	private FakeStreamingChatModel(Builder builder) {
		this.responses = new ScriptedResponses(builder.responses);
		this.chunkSize = builder.chunkSize;
		this.delay = builder.delay;
	}

	/**
	 * Return a builder of a fake streaming model.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return Flux.defer(() -> {
			Flux<AIMessageChunk> flux = Flux.fromIterable(chunks(messages));
			return this.delay.isZero() ? flux : flux.delayElements(this.delay);
		});
	}

	/**
	 * Without a delay, the chunks are joined at once in one pass: the same message as adding up
	 * the stream, without streaming it when no one reads the chunks (a call on {@code invoke}).
	 */
	@Override
	protected Mono<AIMessage> generate(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		if (!this.delay.isZero()) {
			return super.generate(messages, options, config);
		}
		return Mono.fromSupplier(() -> {
			List<AIMessageChunk> chunks = chunks(messages);
			return chunks.get(0).addAll(chunks.subList(1, chunks.size())).toMessage();
		});
	}

	/** The next response's chunks: one for a tool-call script, else its pieces, the last with usage. */
	private List<AIMessageChunk> chunks(List<BaseMessage> messages) {
		String response = this.responses.next();
		String id = "fake-" + RunIds.next();
		if (FakeToolCalls.isScript(response)) {
			return List.of(FakeToolCalls.chunk(response, id));
		}
		List<String> pieces = ScriptedResponses.split(response, this.chunkSize);
		int inputTokens = 0;
		for (BaseMessage message : messages) {
			inputTokens += countWords(message.content());
		}
		List<AIMessageChunk> chunks = new ArrayList<>(pieces.size());
		for (int i = 0; i < pieces.size(); i++) {
			boolean last = (i == pieces.size() - 1);
			chunks.add(new AIMessageChunk(pieces.get(i), null, last ? UsageMetadata.of(inputTokens, pieces.size()) : null,
					last ? Map.of("model_name", "fake-streaming", "finish_reason", "stop") : null, id, null));
		}
		return chunks;
	}

	/** The words of a text once stripped: its runs of {@code \S+}, without a regular expression. */
	private static int countWords(String text) {
		String stripped = text.strip();
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < stripped.length(); i++) {
			boolean space = isRegexSpace(stripped.charAt(i));
			if (!space && !inWord) {
				words++;
			}
			inWord = !space;
		}
		return words;
	}

	/** Whether a character is in {@code \s}: space, tab, newline, vertical tab, form feed, return. */
	private static boolean isRegexSpace(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r');
	}

	/**
	 * Builds a {@link FakeStreamingChatModel}.
	 */
	public static final class Builder {

		private List<String> responses = List.of();

		private int chunkSize;

		private Duration delay = Duration.ZERO;

		private Builder() {
		}

		/**
		 * Set the responses, used in turn.
		 * @param responses at least one response
		 * @return this builder
		 */
		public Builder responses(String... responses) {
			return responses(List.of(responses));
		}

		/**
		 * Set the responses, used in turn.
		 * @param responses at least one response
		 * @return this builder
		 */
		public Builder responses(List<String> responses) {
			this.responses = List.copyOf(responses);
			return this;
		}

		/**
		 * Cut responses into chunks of this many characters instead of words.
		 * @param chunkSize the characters per chunk, at least 1
		 * @return this builder
		 */
		public Builder chunkSize(int chunkSize) {
			if (chunkSize < 1) {
				throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
			}
			this.chunkSize = chunkSize;
			return this;
		}

		/**
		 * Wait this long before each chunk.
		 * @param delay the delay, zero for none
		 * @return this builder
		 */
		public Builder delay(Duration delay) {
			Objects.requireNonNull(delay, "delay must not be null");
			if (delay.isNegative()) {
				throw new IllegalArgumentException("delay must not be negative, was " + delay);
			}
			this.delay = delay;
			return this;
		}

		/**
		 * Build the model.
		 * @return the model
		 * @throws IllegalArgumentException if no response was set
		 */
		public FakeStreamingChatModel build() {
			return new FakeStreamingChatModel(this);
		}

	}

	@Override
	public String providerName() {
		return "fake";
	}

	@Override
	public String modelName() {
		return "fake-streaming";
	}

}
