package dev.lcel.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.InvalidConfigurableException;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.prompts.MessagesPlaceholder;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RunnableWithMessageHistoryTests {

	private static final RunnableConfig ALICE = RunnableConfig.builder().configurable("session_id", "alice").build();

	private final InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore();

	private final ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(List.of(
			Map.entry("system", "You are terse"), MessagesPlaceholder.of("history"), Map.entry("human", "{question}")));

	private RunnableWithMessageHistory<Map<String, Object>, AIMessage> chat(Runnable<Object, AIMessage> model) {
		return RunnableWithMessageHistory.<Map<String, Object>, AIMessage>builder(this.prompt.pipe(model), this.store)
			.inputMessagesKey("question")
			.historyMessagesKey("history")
			.build();
	}

	private List<BaseMessage> historyOf(String sessionId) {
		return this.store.forSession(sessionId).getMessages().collectList().block();
	}

	@Test
	void invokeGivesTheHistoryToThePromptAndAppendsTheTurn() {
		List<List<BaseMessage>> seen = new ArrayList<>();
		FakeListChatModel model = new FakeListChatModel("hello Bob", "you are Bob");
		Runnable<Object, AIMessage> recording = RunnableLambda.of((Object in) -> {
			seen.add(dev.lcel.core.models.ChatModel.toMessages(in));
			return in;
		}).pipe(model);
		var chat = chat(recording);

		assertThat(chat.invoke(Map.of("question", "I am Bob"), ALICE).content()).isEqualTo("hello Bob");
		assertThat(chat.invoke(Map.of("question", "who am I?"), ALICE).content()).isEqualTo("you are Bob");

		assertThat(seen.get(1)).containsExactly(new SystemMessage("You are terse"), new HumanMessage("I am Bob"),
				new AIMessage("hello Bob"), new HumanMessage("who am I?"));
		assertThat(historyOf("alice")).containsExactly(new HumanMessage("I am Bob"), new AIMessage("hello Bob"),
				new HumanMessage("who am I?"), new AIMessage("you are Bob"));
		assertThat(historyOf("bob")).isEmpty();
	}

	@Test
	void ainvokeAppendsTheTurn() {
		var chat = chat(new FakeListChatModel("hi"));
		StepVerifier.create(chat.ainvoke(Map.of("question", "hello"), ALICE))
			.expectNextMatches((answer) -> answer.content().equals("hi"))
			.verifyComplete();
		assertThat(historyOf("alice")).containsExactly(new HumanMessage("hello"), new AIMessage("hi"));
	}

	@Test
	void streamAppendsTheAggregatedAnswerWhenItCompletes() {
		var chat = chat(FakeStreamingChatModel.builder().responses("one two three").chunkSize(4).build());
		StepVerifier.create(chat.astream(Map.of("question", "count"), ALICE), 1)
			.expectNextCount(1)
			.then(() -> assertThat(historyOf("alice")).isEmpty())
			.thenRequest(Long.MAX_VALUE)
			.thenConsumeWhile((chunk) -> true)
			.verifyComplete();
		assertThat(historyOf("alice")).extracting(BaseMessage::content).containsExactly("count", "one two three");
		assertThat(historyOf("alice").get(1)).isExactlyInstanceOf(AIMessage.class);
	}

	@Test
	void streamOfAStringParserIsKeptAsAnAiMessage() {
		var chat = RunnableWithMessageHistory.<String, String>builder(
				new FakeListChatModel("fine").pipe(new StrOutputParser()), this.store).build();
		assertThat(String.join("", chat.stream("how are you?", ALICE).toList())).isEqualTo("fine");
		assertThat(historyOf("alice")).containsExactly(new HumanMessage("how are you?"), new AIMessage("fine"));
	}

	@Test
	void withoutHistoryKeyTheChainReceivesHistoryThenNewMessages() {
		List<Object> seen = new ArrayList<>();
		Runnable<Object, AIMessage> model = RunnableLambda.of((Object in) -> {
			seen.add(in);
			return in;
		}).pipe(new FakeListChatModel("a1", "a2"));
		var chat = RunnableWithMessageHistory.<Object, AIMessage>builder(model, this.store).build();
		chat.invoke("q1", ALICE);
		chat.invoke(List.of(new HumanMessage("q2")), ALICE);
		assertThat(seen.get(1)).isEqualTo(List.of(new HumanMessage("q1"), new AIMessage("a1"), new HumanMessage("q2")));
	}

	@Test
	void failureAppendsNothing() {
		Runnable<Object, AIMessage> failing = RunnableLambda.of((Object in) -> {
			throw new IllegalStateException("model down");
		});
		var chat = chat(failing);
		assertThatIllegalStateException().isThrownBy(() -> chat.invoke(Map.of("question", "hi"), ALICE));
		StepVerifier.create(chat.ainvoke(Map.of("question", "hi"), ALICE)).verifyError(IllegalStateException.class);
		StepVerifier.create(chat.astream(Map.of("question", "hi"), ALICE)).verifyError(IllegalStateException.class);
		assertThat(historyOf("alice")).isEmpty();
	}

	@Test
	void failureMidStreamAppendsNothing() {
		Runnable<Object, Object> failsAfterFirstChunk = RunnableLambda.of((Object in) -> in)
			.pipe(FakeStreamingChatModel.builder().responses("partial answer").chunkSize(3).build())
			.pipe(dev.lcel.core.runnable.RunnableGenerator.of((reactor.core.publisher.Flux<AIMessage> chunks) -> chunks
				.take(2)
				.cast(Object.class)
				.concatWith(reactor.core.publisher.Mono.error(new IllegalStateException("cut")))));
		var chat = RunnableWithMessageHistory.<Map<String, Object>, Object>builder(this.prompt.pipe(failsAfterFirstChunk),
				this.store).inputMessagesKey("question").historyMessagesKey("history").build();
		StepVerifier.create(chat.astream(Map.of("question", "hi"), ALICE))
			.expectNextCount(2)
			.verifyErrorMessage("cut");
		assertThat(historyOf("alice")).isEmpty();
	}

	@Test
	void missingSessionIdIsAClearErrorBeforeAnythingRuns() {
		var chat = chat(new FakeListChatModel("never"));
		assertThatExceptionOfType(InvalidConfigurableException.class)
			.isThrownBy(() -> chat.invoke(Map.of("question", "hi")))
			.withMessageContaining("config.configurable.session_id")
			.satisfies((ex) -> assertThat(ex.getKey()).isEqualTo("session_id"));
		StepVerifier.create(chat.astream(Map.of("question", "hi"))).verifyError(InvalidConfigurableException.class);
	}

	@Test
	void inputSchemaLeavesOutTheHistoryAndConfigSchemaListsTheSessionId() {
		var chat = chat(new FakeListChatModel("x"));
		assertThat(chat.inputSchema().get("properties").has("question")).isTrue();
		assertThat(chat.inputSchema().get("properties").has("history")).isFalse();
		assertThat(chat.inputSchema().toString()).doesNotContain("\"history\"");
		assertThat(chat.configSchema().at("/properties/configurable/properties/session_id/type").asString())
			.isEqualTo("string");
	}

	@Test
	void customSessionIdKey() {
		var chat = RunnableWithMessageHistory.<String, AIMessage>builder(new FakeListChatModel("ok"), this.store)
			.sessionIdKey("conversation")
			.build();
		chat.invoke("hi", RunnableConfig.builder().configurable("conversation", "c1").build());
		assertThat(historyOf("c1")).hasSize(2);
	}

}
