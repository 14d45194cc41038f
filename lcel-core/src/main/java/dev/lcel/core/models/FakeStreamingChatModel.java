package dev.lcel.core.models;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.UsageMetadata;
import reactor.core.publisher.Flux;

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
			String response = this.responses.next();
			String id = "fake-" + java.util.UUID.randomUUID();
			if (FakeToolCalls.isScript(response)) {
				Flux<AIMessageChunk> call = Flux.just(FakeToolCalls.chunk(response, id));
				return this.delay.isZero() ? call : call.delayElements(this.delay);
			}
			List<String> pieces = ScriptedResponses.split(response, this.chunkSize);
			int inputTokens = messages.stream().mapToInt((m) -> countWords(m.content())).sum();
			List<AIMessageChunk> chunks = new ArrayList<>(pieces.size());
			for (int i = 0; i < pieces.size(); i++) {
				boolean last = (i == pieces.size() - 1);
				chunks.add(new AIMessageChunk(pieces.get(i), null, last ? UsageMetadata.of(inputTokens, pieces.size()) : null,
						last ? Map.of("model_name", "fake-streaming", "finish_reason", "stop") : null, id, null));
			}
			Flux<AIMessageChunk> flux = Flux.fromIterable(chunks);
			return this.delay.isZero() ? flux : flux.delayElements(this.delay);
		});
	}

	private static int countWords(String text) {
		String stripped = text.strip();
		return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
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
