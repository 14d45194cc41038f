package dev.lcel.core.governance.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolCallChunk;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.StreamEvent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class CachingChatModelTests {

	private final InMemoryResponseCacheStore store = new InMemoryResponseCacheStore(100, 1_000_000);

	private final RecordingListener listener = new RecordingListener();

	@Test
	void aStreamedAnswerIsReplayedWithItsOriginalChunks() {
		FakeStreamingChatModel fake = FakeStreamingChatModel.builder().responses("one two three", "four five").build();
		ChatModel model = cached(fake).bind(Map.of("temperature", 0));
		List<AIMessage> first = model.astream("hi bears").collectList().block();
		List<AIMessage> second = model.astream("hi bears").collectList().block();
		assertThat(first).extracting(AIMessage::content).containsExactly("one", " two", " three");
		assertThat(second).isEqualTo(first);
		assertThat(second.get(2).usageMetadata()).isEqualTo(UsageMetadata.of(2, 3));
		AIMessage invoked = model.invoke("hi bears");
		assertThat(invoked).isNotInstanceOf(AIMessageChunk.class);
		assertThat(invoked.content()).isEqualTo("one two three");
		assertThat(invoked.usageMetadata()).isEqualTo(UsageMetadata.of(2, 3));
		assertThat(model.invoke("another question").content()).isEqualTo("four five");
		assertThat(this.listener.events).containsExactly("miss", "store", "hit", "hit", "miss", "store");
	}

	@Test
	void anInvokedAnswerIsStoredAsOneChunk() {
		ChatModel model = cached(FakeStreamingChatModel.builder().responses("one two", "three").build()).bind(Map.of("temperature", 0));
		assertThat(model.invoke("q").content()).isEqualTo("one two");
		assertThat(model.astream("q").collectList().block()).singleElement()
			.satisfies((chunk) -> assertThat(chunk.content()).isEqualTo("one two"));
	}

	@Test
	void anInvokedAnswerKeepsItsToolCalls() {
		ScriptedModel scripted = new ScriptedModel(() -> Flux.just(new AIMessageChunk("", List.of(new ToolCallChunk(0, "call_1",
				"weather", "{\"city\":\"Oslo\"}")), UsageMetadata.of(3, 1), Map.of("finish_reason", "tool_calls"), "m1", null)));
		ChatModel model = cached(scripted).bind(Map.of("temperature", 0));
		AIMessage answer = model.invoke("weather?");
		AIMessage replayed = model.invoke("weather?");
		assertThat(replayed).isEqualTo(answer);
		assertThat(replayed.toolCalls()).containsExactly(new ToolCall("call_1", "weather", Map.of("city", "Oslo")));
		assertThat(model.astream("weather?").blockLast().toolCalls()).isEqualTo(answer.toolCalls());
		assertThat(scripted.calls).hasValue(1);
	}

	@Test
	void aFailedStreamIsNeverCached() {
		ScriptedModel scripted = new ScriptedModel(
				() -> Flux.just(new AIMessageChunk("half")).concatWith(Flux.error(new IllegalStateException("provider hung up"))),
				() -> Flux.just(new AIMessageChunk("whole")));
		ChatModel model = cached(scripted).bind(Map.of("temperature", 0));
		StepVerifier.create(model.astream("q")).expectNextCount(1).expectError(IllegalStateException.class).verify();
		assertThat(this.store.size()).isZero();
		assertThat(model.invoke("q").content()).isEqualTo("whole");
		assertThat(model.invoke("q").content()).isEqualTo("whole");
		assertThat(scripted.calls).hasValue(2);
	}

	@Test
	void aFailedInvokeIsNeverCached() {
		ScriptedModel scripted = new ScriptedModel(() -> Flux.error(new IllegalStateException("refused")),
				() -> Flux.just(new AIMessageChunk("fine")));
		ChatModel model = cached(scripted).bind(Map.of("temperature", 0));
		StepVerifier.create(model.ainvoke("q")).expectError(IllegalStateException.class).verify();
		assertThat(this.store.size()).isZero();
		assertThat(model.invoke("q").content()).isEqualTo("fine");
		assertThat(this.store.size()).isOne();
	}

	@Test
	void aStreamCancelledHalfWayIsNeverCached() {
		FakeStreamingChatModel fake = FakeStreamingChatModel.builder().responses("one two three", "four five").build();
		ChatModel model = cached(fake).bind(Map.of("temperature", 0));
		assertThat(model.astream("q").take(1).collectList().block()).extracting(AIMessage::content).containsExactly("one");
		assertThat(this.store.size()).isZero();
		assertThat(model.invoke("q").content()).isEqualTo("four five");
	}

	@Test
	void aCallCanOptOutThroughItsConfig() {
		FakeStreamingChatModel fake = FakeStreamingChatModel.builder().responses("one", "two", "three").build();
		ChatModel model = cached(fake).bind(Map.of("temperature", 0));
		RunnableConfig optOut = RunnableConfig.builder().configurable(CachingChatModel.CONFIGURABLE_KEY, false).build();
		assertThat(model.invoke("q", optOut).content()).isEqualTo("one");
		assertThat(model.invoke("q", optOut).content()).isEqualTo("two");
		assertThat(this.store.size()).isZero();
		assertThat(model.invoke("q").content()).isEqualTo("three");
		assertThat(model.invoke("q", RunnableConfig.builder().configurable(CachingChatModel.CONFIGURABLE_KEY, "false").build())
			.content()).isEqualTo("one");
		assertThat(model.invoke("q").content()).isEqualTo("three");
	}

	@Test
	void onlyCallsAtTemperatureZeroAreCachedUnlessConfigured() {
		FakeStreamingChatModel fake = FakeStreamingChatModel.builder().responses("one", "two", "three", "four").build();
		assertThat(cached(fake).bind(Map.of("temperature", 0.7)).invoke("q").content()).isEqualTo("one");
		assertThat(cached(fake).invoke("q").content()).isEqualTo("two");
		assertThat(this.store.size()).isZero();
		assertThat(this.listener.events).isEmpty();
		ChatModel anyTemperature = CachingChatModel.builder(fake, this.store).cacheNonZeroTemperature(true).build()
			.bind(Map.of("temperature", 0.7));
		assertThat(anyTemperature.invoke("q").content()).isEqualTo("three");
		assertThat(anyTemperature.invoke("q").content()).isEqualTo("three");
	}

	@Test
	void theModelRunSaysWhetherItsAnswerCameFromTheCache() {
		ChatModel model = cached(FakeStreamingChatModel.builder().responses("one two").build()).bind(Map.of("temperature", 0));
		assertThat(endOfModelRun(model).metadata()).containsEntry(CachingChatModel.METADATA_KEY, "miss")
			.containsEntry("ls_provider", "fake");
		StreamEvent hit = endOfModelRun(model);
		assertThat(hit.metadata()).containsEntry(CachingChatModel.METADATA_KEY, "hit");
		assertThat(((AIMessage) hit.data().get("output")).content()).isEqualTo("one two");
	}

	@Test
	void aFailingStoreNeverFailsACall() {
		ResponseCacheStore broken = new ResponseCacheStore() {

			@Override
			public Mono<byte[]> get(String key) {
				return Mono.error(new IllegalStateException("store down"));
			}

			@Override
			public Mono<Void> put(String key, byte[] value, Duration timeToLive) {
				return Mono.error(new IllegalStateException("store down"));
			}

		};
		ChatModel model = CachingChatModel.builder(FakeStreamingChatModel.builder().responses("one two").build(), broken)
			.listener(this.listener)
			.build()
			.bind(Map.of("temperature", 0));
		assertThat(model.astream("q").collectList().block()).extracting(AIMessage::content).containsExactly("one", " two");
		assertThat(this.listener.events).containsExactly("error", "miss", "error");
	}

	@Test
	void anUnreadableStoredAnswerIsAMiss() {
		ChatModel model = cached(FakeStreamingChatModel.builder().responses("fresh").build()).bind(Map.of("temperature", 0));
		String key = ResponseCacheKey.of("fake", "fake-streaming", ChatModel.toMessages("q"), ChatOptions.from(Map.of("temperature", 0)));
		this.store.put(key, "not json".getBytes(), Duration.ofMinutes(1)).block();
		assertThat(model.invoke("q").content()).isEqualTo("fresh");
		assertThat(this.listener.events).containsExactly("error", "miss", "store");
	}

	private StreamEvent endOfModelRun(ChatModel model) {
		return model.astreamEvents("q", RunnableConfig.EMPTY, RunFilter.ALL)
			.filter((event) -> event.event().equals("on_chat_model_end"))
			.blockLast();
	}

	private ChatModel cached(ChatModel model) {
		return CachingChatModel.builder(model, this.store).listener(this.listener).build();
	}

	private static final class RecordingListener implements ResponseCacheListener {

		private final List<String> events = new ArrayList<>();

		@Override
		public void onHit() {
			this.events.add("hit");
		}

		@Override
		public void onMiss() {
			this.events.add("miss");
		}

		@Override
		public void onStore(int bytes) {
			this.events.add("store");
		}

		@Override
		public void onStoreError(Throwable error) {
			this.events.add("error");
		}

	}

	private static final class ScriptedModel extends ChatModel {

		private final List<Supplier<Flux<AIMessageChunk>>> answers;

		private final AtomicInteger calls = new AtomicInteger();

		@SafeVarargs
		ScriptedModel(Supplier<Flux<AIMessageChunk>>... answers) {
			this.answers = List.of(answers);
		}

		@Override
		protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
			return Flux.defer(() -> this.answers.get(Math.min(this.calls.getAndIncrement(), this.answers.size() - 1)).get());
		}

	}

}
