package dev.lcel.core.models;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.prompts.ChatPromptValue;
import dev.lcel.core.prompts.StringPromptValue;
import dev.lcel.core.runnable.ChunkAggregator;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatModelTests {

	@Test
	void convertsEveryKindOfInputToMessages() {
		List<BaseMessage> conversation = List.of(new SystemMessage("s"), new HumanMessage("h"));
		assertThat(ChatModel.toMessages("hi")).containsExactly(new HumanMessage("hi"));
		assertThat(ChatModel.toMessages(new StringPromptValue("hi"))).containsExactly(new HumanMessage("hi"));
		assertThat(ChatModel.toMessages(new ChatPromptValue(conversation))).isEqualTo(conversation);
		assertThat(ChatModel.toMessages(conversation)).isEqualTo(conversation);
		assertThatIllegalArgumentException().isThrownBy(() -> ChatModel.toMessages(42)).withMessageContaining("java.lang.Integer");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatModel.toMessages(List.of("x")))
			.withMessageContaining("java.lang.String");
	}

	@Test
	void invokeAggregatesTheStreamIntoAPlainMessage() {
		OptionsRecordingModel model = new OptionsRecordingModel();
		AIMessage answer = model.invoke("q");
		assertThat(answer).isEqualTo(new AIMessage("Hello!", List.of(), UsageMetadata.of(3, 2), Map.of(), "id", null));
		assertThat(answer).isNotInstanceOf(AIMessageChunk.class);
		assertThat(ChunkAggregator.aggregate(model.astream("q")).block()).isInstanceOf(AIMessageChunk.class)
			.extracting(AIMessage::content)
			.isEqualTo("Hello!");
	}

	@Test
	void bindMergesOptionsLaterBindingWinning() {
		OptionsRecordingModel model = new OptionsRecordingModel();
		ChatModel bound = model.bind(Map.of("temperature", 0.2, "max_tokens", 10, "stop", "\n", "seed", 7))
			.bind(Map.of("temperature", 0.9, "topP", 0.5));
		bound.invoke("q");
		ChatOptions options = model.seen.get(0);
		assertThat(options).isEqualTo(new ChatOptions(0.9, 10, List.of("\n"), 0.5, List.of(), Map.of("seed", 7)));
		assertThat(bound.getName()).isEqualTo("OptionsRecordingModel");
		assertThatIllegalArgumentException().isThrownBy(() -> model.bind(Map.of("temperature", "hot")))
			.withMessageContaining("temperature")
			.withMessageContaining("hot");
	}

	@Test
	void fakeListModelAnswersInTurnAndStartsOver() {
		FakeListChatModel model = new FakeListChatModel("a", "bc");
		assertThat(List.of(model.invoke("1").content(), model.invoke("2").content(), model.invoke("3").content()))
			.containsExactly("a", "bc", "a");
		assertThat(model.astream("4").map(AIMessage::content).collectList().block()).containsExactly("b", "c");
	}

	@Test
	void fakeStreamingModelStreamsWordsWithUsageOnTheLastChunk() {
		FakeStreamingChatModel model = FakeStreamingChatModel.builder().responses("one two  three").build();
		List<AIMessage> chunks = model.astream("how many words here").collectList().block();
		assertThat(chunks).extracting(AIMessage::content).containsExactly("one", " two", "  three");
		assertThat(chunks.get(2).usageMetadata()).isEqualTo(UsageMetadata.of(4, 3));
		assertThat(chunks.get(2).responseMetadata()).containsEntry("finish_reason", "stop");
		assertThat(chunks).extracting(AIMessage::id).containsOnly(chunks.get(0).id());
		assertThat(model.invoke("x").usageMetadata()).isEqualTo(UsageMetadata.of(1, 3));
	}

	@Test
	void fakeStreamingModelDelaysEachChunkAndStopsOnCancel() {
		FakeStreamingChatModel model = FakeStreamingChatModel.builder()
			.responses("abcdef")
			.chunkSize(2)
			.delay(Duration.ofSeconds(1))
			.build();
		StepVerifier.withVirtualTime(() -> model.astream("q").map(AIMessage::content))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(1))
			.expectNext("ab")
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("cd")
			.thenCancel()
			.verify();
	}

	@Test
	void modelSchemasDescribeItsInputAndMessageOutput() {
		FakeListChatModel model = new FakeListChatModel("x");
		assertThat(model.inputSchema().get("title").asString()).isEqualTo("FakeListChatModelInput");
		assertThat(model.outputSchema().get("properties").has("usage_metadata")).isTrue();
	}

}
