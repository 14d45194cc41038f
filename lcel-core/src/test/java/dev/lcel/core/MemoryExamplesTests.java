package dev.lcel.core;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.ConfigurableField;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.history.InMemoryChatMessageHistoryStore;
import dev.lcel.core.history.RunnableWithMessageHistory;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.prompts.MessagesPlaceholder;
import dev.lcel.core.runnable.Runnable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java examples of {@code docs/memory.md}, kept compiling and true.
 */
class MemoryExamplesTests {

	@Test
	void chatRemembersTheConversation() {
		FakeListChatModel model = new FakeListChatModel("Hello Alice", "Your name is Alice");
		// doc: history
		ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(List.of(
				Map.entry("system", "You are a helpful assistant."),
				MessagesPlaceholder.of("history"),
				Map.entry("human", "{question}")));

		InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore(
				Duration.ofMinutes(30), 50, Clock.systemUTC());

		Runnable<Map<String, Object>, String> chat = RunnableWithMessageHistory
			.<Map<String, Object>, String>builder(prompt.pipe(model).pipe(new StrOutputParser()), store)
			.inputMessagesKey("question")
			.historyMessagesKey("history")
			.build();

		RunnableConfig alice = RunnableConfig.builder().configurable("session_id", "alice").build();
		chat.invoke(Map.of("question", "I am Alice"), alice);
		chat.invoke(Map.of("question", "What is my name?"), alice);
		// doc: end
		List<BaseMessage> kept = store.forSession("alice").getMessages().collectList().block();
		assertThat(kept).extracting(BaseMessage::content)
			.containsExactly("I am Alice", "Hello Alice", "What is my name?", "Your name is Alice");
	}

	@Test
	void alternativesAndFieldsArePickedPerCall() {
		FakeListChatModel gpt = new FakeListChatModel("from gpt");
		FakeListChatModel claude = new FakeListChatModel("from claude");
		ChatPromptTemplate prompt = ChatPromptTemplate.fromTemplate("{question}");
		Map<String, Object> input = Map.of("question", "hi");
		// doc: alternatives
		Runnable<Object, AIMessage> model = gpt.configurableAlternatives("llm", "gpt", Map.of("claude", claude));
		Runnable<Map<String, ?>, String> chain = prompt.pipe(model).pipe(new StrOutputParser());

		String fromGpt = chain.invoke(input);
		String fromClaude = chain.invoke(input, RunnableConfig.builder().configurable("llm", "claude").build());
		// doc: fields
		Runnable<Object, AIMessage> tunable = gpt.configurableFields(Map.of("temperature",
				new ConfigurableField("llm_temperature", "Temperature", "Sampling temperature", "number")));

		AIMessage warm = tunable.invoke("hi", RunnableConfig.builder().configurable("llm_temperature", 0.9).build());
		// doc: end
		assertThat(fromGpt).isEqualTo("from gpt");
		assertThat(fromClaude).isEqualTo("from claude");
		assertThat(warm.content()).isEqualTo("from gpt");
		assertThat(chain.configSchema().at("/properties/configurable/properties/llm/enum").toString())
			.contains("gpt", "claude");
	}

}
