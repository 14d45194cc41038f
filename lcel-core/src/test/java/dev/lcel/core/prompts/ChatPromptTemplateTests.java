package dev.lcel.core.prompts;

import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatPromptTemplateTests {

	@Test
	void fromTemplateMakesOneHumanMessage() {
		PromptValue value = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}").invoke(Map.of("topic", "bears"));
		assertThat(value).isEqualTo(new ChatPromptValue(List.of(new HumanMessage("tell me a joke about bears"))));
		assertThat(value.toText()).isEqualTo("Human: tell me a joke about bears");
	}

	@Test
	void fromMessagesWithRolesFixedMessagesAndPlaceholders() {
		ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(List.of(Map.entry("system", "You are {style}"),
				MessagesPlaceholder.of("history"), new SystemMessage("fixed {not a var}"), Map.entry("user", "{question}")));
		List<dev.lcel.core.messages.BaseMessage> messages = prompt.invoke(Map.of("style", "terse", "question", "why?", "history",
				List.of(new HumanMessage("hi"), Map.of("type", "ai", "content", "hello"), "plain"))).toMessages();
		assertThat(messages).containsExactly(new SystemMessage("You are terse"), new HumanMessage("hi"), new AIMessage("hello"),
				new HumanMessage("plain"), new SystemMessage("fixed {not a var}"), new HumanMessage("why?"));
	}

	@Test
	void requiredPlaceholderMustBeGivenOptionalMayNot() {
		ChatPromptTemplate required = ChatPromptTemplate.fromMessages(List.of(MessagesPlaceholder.of("history")));
		assertThatExceptionOfType(PromptException.class).isThrownBy(() -> required.invoke(Map.of()))
			.withMessageContaining("'history'");
		ChatPromptTemplate optional = ChatPromptTemplate.fromMessages(
				List.of(Map.entry("placeholder", "{history}"), Map.entry("human", "q")));
		assertThat(optional.invoke(Map.of()).toMessages()).containsExactly(new HumanMessage("q"));
	}

	@Test
	void placeholderRejectsNonListValues() {
		ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(List.of(MessagesPlaceholder.of("history")));
		assertThatExceptionOfType(PromptException.class).isThrownBy(() -> prompt.invoke(Map.of("history", "nope")))
			.withMessageContaining("history");
	}

	@Test
	void unknownRoleIsAClearError() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatPromptTemplate.fromMessages(List.of(Map.entry("robot", "x"))))
			.withMessageContaining("robot")
			.withMessageContaining("system");
	}

	@Test
	void inputSchemaHasStringsAndMessageArraysRequiredUnlessPartialOrOptional() {
		ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(List.of(Map.entry("system", "{a} {b}"),
				MessagesPlaceholder.of("history"), MessagesPlaceholder.optional("extra"))).partial(Map.of("a", "x"));
		ObjectNode schema = prompt.inputSchema();
		assertThat(schema.get("properties").propertyNames()).containsExactly("b", "history", "extra");
		assertThat(schema.get("properties").get("history").get("type").asString()).isEqualTo("array");
		assertThat(schema.get("properties").get("history").get("items").get("title").asString()).isEqualTo("Message");
		assertThat(schema.get("required").toString()).isEqualTo("[\"b\",\"history\"]");
		assertThat(prompt.outputSchema().get("title").asString()).isEqualTo("ChatPromptValueConcrete");
	}

}
