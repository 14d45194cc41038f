package dev.lcel.core.models;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.lcel.core.models.anthropic.AnthropicChatModel;
import dev.lcel.core.parsers.StructuredOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The examples of {@code docs/structured-output.md}, run against the fake streaming model.
 */
class StructuredOutputExamplesTests {

	@JsonClassDescription("A person mentioned in the text")
	record Person(@JsonPropertyDescription("The person's name") String name, int age, List<String> skills) {
	}

	private static final String ADA = "{\"name\":\"Ada Lovelace\",\"age\":36,\"skills\":[\"mathematics\",\"poetical science\"]}";

	private static ChatModel model(String... answers) {
		return FakeStreamingChatModel.builder().responses(answers).chunkSize(4).build();
	}

	@Test
	void typedValuesByInvokeAndAsGrowingStreams() {
		StructuredOutputRunnable<Person> extract = model(ADA, ADA).withStructuredOutput(Person.class);
		Person ada = extract.invoke("Ada Lovelace, 36, was good at mathematics and poetical science.");
		assertThat(ada).isEqualTo(new Person("Ada Lovelace", 36, List.of("mathematics", "poetical science")));
		List<Person> partials = extract.astream("Ada Lovelace, 36, ...").collectList().block();
		assertThat(partials.get(0)).isEqualTo(new Person(null, 0, null));
		assertThat(partials).contains(new Person("Ada Lovelace", 36, List.of("mathe")));
		assertThat(partials.get(partials.size() - 1)).isEqualTo(ada);
		assertThat(extract.outputSchema().get("description").asString()).isEqualTo("A person mentioned in the text");
	}

	@Test
	void afterAPromptInAChain() {
		var chain = ChatPromptTemplate.fromTemplate("Who is in: {text}").pipe(model(ADA).withStructuredOutput(Person.class));
		assertThat(chain.invoke(Map.of("text", "Ada")).age()).isEqualTo(36);
	}

	@Test
	void mapsOfASchema() {
		JsonNode schema = JsonMapper.shared().readTree("""
				{"title": "city", "type": "object",
				 "properties": {"name": {"type": "string"}, "people": {"type": "integer"}},
				 "required": ["name"]}""");
		Map<String, Object> city = model("{\"name\": \"Oslo\", \"people\": 700000}").withStructuredOutput(schema)
			.invoke("Oslo has 700,000 people.");
		assertThat(city).isEqualTo(Map.of("name", "Oslo", "people", 700000));
	}

	@Test
	void aMethodTheProviderLacksFailsAtOnce() {
		ChatModel claude = AnthropicChatModel.builder().apiKey("sk-ant-test").model("claude-haiku-4-5").build();
		assertThat(claude.withStructuredOutput(Person.class).method()).isEqualTo(StructuredOutputMethod.TOOL_CALLING);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> claude.withStructuredOutput(Person.class).withMethod(StructuredOutputMethod.JSON_SCHEMA))
			.withMessageEndingWith("(anthropic) has no structured output method json_schema; supported: tool_calling, instructions");
	}

	@Test
	void failuresCarryTheTextAndEveryError() {
		StructuredOutputRunnable<Person> extract = model("{\"name\":\"Ada\"}").withStructuredOutput(Person.class);
		StructuredOutputRunnableTests.assertFailsOnAdasNameAlone(() -> extract.invoke("..."));
	}

	@Test
	void includeRawKeepsTheMessageAndTheError() {
		StructuredResult<Person> result = model("Ada is 36.").withStructuredOutput(Person.class).includeRaw().invoke("...");
		assertThat(result.parsingError()).isNotNull();
		assertThat(result.raw().content()).isEqualTo("Ada is 36.");
	}

	@Test
	void theParserOnItsOwn() {
		StructuredOutputParser<Person> parser = StructuredOutputParser.of(Person.class);
		assertThat(model(ADA).pipe(parser).invoke("...").name()).isEqualTo("Ada Lovelace");
		assertThat(parser.getFormatInstructions()).contains("The person's name");
	}

}
