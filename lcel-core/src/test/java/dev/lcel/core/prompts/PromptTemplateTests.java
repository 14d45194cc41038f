package dev.lcel.core.prompts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.lcel.core.messages.HumanMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PromptTemplateTests {

	@Test
	void fillsVariables() {
		PromptTemplate prompt = PromptTemplate.fromTemplate("tell me a joke about {topic}");
		assertThat(prompt.invoke(Map.of("topic", "bears"))).isEqualTo(new StringPromptValue("tell me a joke about bears"));
		assertThat(prompt.inputVariables()).containsExactly("topic");
	}

	@Test
	void doubledBracesAreLiteral() {
		PromptTemplate prompt = PromptTemplate.fromTemplate("{{\"a\": {x}}} and }}{{");
		assertThat(prompt.format(Map.of("x", 1))).isEqualTo("{\"a\": 1} and }{");
	}

	@Test
	void valuesAreInsertedLiterallyNeverReTemplated() {
		PromptTemplate prompt = PromptTemplate.fromTemplate("say {x}");
		assertThat(prompt.format(Map.of("x", "{y} {{z}}"))).isEqualTo("say {y} {{z}}");
	}

	@Test
	void missingVariableErrorNamesItAndTheGivenOnes() {
		PromptTemplate prompt = PromptTemplate.fromTemplate("{greeting}, tell me about {topic}");
		assertThatExceptionOfType(PromptException.class).isThrownBy(() -> prompt.invoke(Map.of("greeting", "hi", "subject", "x")))
			.withMessageContaining("'topic'")
			.withMessageContaining("given: [greeting, subject]");
	}

	@Test
	void attributeAndIndexAccessAreRejectedWhenBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> PromptTemplate.fromTemplate("{user.password}"))
			.withMessageContaining("{user.password}");
		assertThatIllegalArgumentException().isThrownBy(() -> PromptTemplate.fromTemplate("{items[0]}"));
		assertThatIllegalArgumentException().isThrownBy(() -> PromptTemplate.fromTemplate("oops {"));
		assertThatIllegalArgumentException().isThrownBy(() -> PromptTemplate.fromTemplate("oops }"));
	}

	@Test
	void partialVariablesAreFilledAheadAndLeaveTheSchema() {
		AtomicInteger calls = new AtomicInteger();
		PromptTemplate prompt = PromptTemplate.fromTemplate("{a} {b} {c}")
			.partial(Map.of("a", "A", "b", (Supplier<String>) () -> "B" + calls.incrementAndGet()));
		assertThat(prompt.inputVariables()).containsExactly("c");
		assertThat(prompt.format(Map.of("c", "C"))).isEqualTo("A B1 C");
		assertThat(prompt.format(Map.of("c", "C", "a", "override"))).isEqualTo("override B2 C");
		assertThat(prompt.inputSchema().get("required")).hasSize(1);
		assertThatIllegalArgumentException().isThrownBy(() -> prompt.partial(Map.of("nope", 1)))
			.withMessageContaining("nope");
	}

	@Test
	void inputSchemaListsVariablesAsRequiredStrings() {
		ObjectNode schema = PromptTemplate.fromTemplate("{topic} in {max_words} words").inputSchema();
		assertThat(schema.get("title").asString()).isEqualTo("PromptInput");
		assertThat(schema.get("properties").get("topic").get("type").asString()).isEqualTo("string");
		assertThat(schema.get("properties").get("max_words").get("title").asString()).isEqualTo("Max Words");
		assertThat(schema.get("required").toString()).isEqualTo("[\"topic\",\"max_words\"]");
	}

	@Test
	void outputConvertsToTextOrMessages() {
		PromptValue value = PromptTemplate.fromTemplate("hi {x}").invoke(Map.of("x", "there"));
		assertThat(value.toText()).isEqualTo("hi there");
		assertThat(value.toMessages()).isEqualTo(List.of(new HumanMessage("hi there")));
		assertThat(PromptTemplate.fromTemplate("x").outputSchema().get("title").asString()).isEqualTo("StringPromptValue");
	}

}
