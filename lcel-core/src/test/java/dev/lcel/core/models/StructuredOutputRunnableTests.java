package dev.lcel.core.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.parsers.OutputParserException;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.tracing.StreamEvent;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StructuredOutputRunnableTests {

	record Person(String name, int age, List<String> skills) {
	}

	private static final String ADA = "{\"name\":\"Ada\",\"age\":36,\"skills\":[\"compilers\",\"poems\"]}";

	private static final Person ADA_PERSON = new Person("Ada", 36, List.of("compilers", "poems"));

	@Test
	void aFakeModelFallsBackToInstructionsInASystemMessage() {
		ScriptedModel model = new ScriptedModel(ADA);
		StructuredOutputRunnable<Person> extract = model.withStructuredOutput(Person.class);
		assertThat(extract.method()).isEqualTo(StructuredOutputMethod.INSTRUCTIONS);
		assertThat(extract.invoke("Ada is 36")).isEqualTo(ADA_PERSON);
		List<BaseMessage> sent = model.calls.get(0);
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0)).isInstanceOf(SystemMessage.class);
		assertThat(sent.get(0).content()).contains("JSON Schema").contains("\"skills\"");
		assertThat(sent.get(1)).isEqualTo(new HumanMessage("Ada is 36"));
	}

	@Test
	void streamsGrowingValuesWhoseLastEqualsInvoke() {
		FakeStreamingChatModel model = FakeStreamingChatModel.builder().responses(ADA, ADA).chunkSize(2).build();
		StructuredOutputRunnable<Person> extract = model.withStructuredOutput(Person.class);
		List<Person> partials = extract.astream("Ada").collectList().block();
		assertThat(partials).hasSizeGreaterThan(5);
		assertThat(partials.get(0).name()).isNull();
		assertThat(partials).extracting(Person::name).contains("A", "Ada");
		assertThat(partials.get(partials.size() - 1)).isEqualTo(extract.invoke("Ada"));
	}

	@Test
	void worksAfterAPromptInAChain() {
		FakeStreamingChatModel model = FakeStreamingChatModel.builder().responses(ADA).chunkSize(3).build();
		Runnable<Map<String, ?>, Person> chain = ChatPromptTemplate.fromTemplate("Who is in: {text}")
			.pipe(model.withStructuredOutput(Person.class));
		assertThat(chain.astream(Map.of("text", "Ada is 36")).blockLast()).isEqualTo(ADA_PERSON);
	}

	@Test
	void aParsingFailureIsLoudWithTheRawTextAndTheErrors() {
		StructuredOutputRunnable<Person> extract = new ScriptedModel("{\"name\":\"Ada\"}").withStructuredOutput(Person.class);
		assertFailsOnAdasNameAlone(() -> extract.invoke("Ada"));
	}

	@Test
	void retrySendsTheErrorBackAndAsksAgain() {
		ScriptedModel model = new ScriptedModel("Ada is a person.", ADA);
		StructuredOutputRunnable<Person> extract = model.withStructuredOutput(Person.class).withRetries(1);
		assertThat(extract.invoke("Ada")).isEqualTo(ADA_PERSON);
		assertThat(model.calls).hasSize(2);
		List<BaseMessage> second = model.calls.get(1);
		assertThat(second).hasSize(4);
		assertThat(second.get(2)).isEqualTo(new AIMessage("Ada is a person."));
		assertThat(second.get(3)).isInstanceOf(HumanMessage.class);
		assertThat(second.get(3).content()).startsWith("Your answer could not be used: ").contains("Invalid JSON");
	}

	@Test
	void retryIsBoundedAndTheLastErrorReachesTheCaller() {
		ScriptedModel model = new ScriptedModel("no", "still no", "never");
		StructuredOutputRunnable<Person> extract = model.withStructuredOutput(Person.class).withRetries(2);
		assertThatExceptionOfType(OutputParserException.class).isThrownBy(() -> extract.invoke("Ada"))
			.satisfies((ex) -> assertThat(ex.getText()).isEqualTo("never"));
		assertThat(model.calls).hasSize(3);
		assertThatIllegalArgumentException().isThrownBy(() -> extract.withRetries(StructuredOutputRunnable.MAX_RETRIES + 1))
			.withMessageContaining("between 0 and 5");
	}

	@Test
	void aRetriedStreamStartsItsValueAgainAndEndsWithTheGoodOne() {
		ScriptedModel model = new ScriptedModel("{\"name\":\"Bob\",\"age\":\"x\"}", ADA);
		List<Person> partials = model.withStructuredOutput(Person.class).withRetries(1).astream("Ada").collectList().block();
		assertThat(partials).extracting(Person::name).contains("Bob", "Ada");
		assertThat(partials.get(partials.size() - 1)).isEqualTo(ADA_PERSON);
		assertThat(model.calls.get(1).get(3).content()).contains("/age: string found, integer expected");
	}

	@Test
	void includeRawReturnsTheMessageBesideTheValue() {
		Runnable<Object, StructuredResult<Person>> extract = new ScriptedModel(ADA).withStructuredOutput(Person.class)
			.includeRaw();
		StructuredResult<Person> result = extract.invoke("Ada");
		assertThat(result.raw().content()).isEqualTo(ADA);
		assertThat(result.parsed()).isEqualTo(ADA_PERSON);
		assertThat(result.parsingError()).isNull();
	}

	@Test
	void includeRawReturnsTheParsingErrorInsteadOfFailing() {
		StructuredResult<Person> result = new ScriptedModel("nope").withStructuredOutput(Person.class)
			.includeRaw()
			.invoke("Ada");
		assertThat(result.raw().content()).isEqualTo("nope");
		assertThat(result.parsed()).isNull();
		assertThat(result.parsingError()).isInstanceOf(OutputParserException.class);
		String json = JsonMapper.shared().writeValueAsString(result);
		assertThat(JsonMapper.shared().readTree(json).get("parsing_error").asString()).contains("Invalid JSON");
		assertThat(json).doesNotContain("stackTrace");
	}

	@Test
	void theOutputSchemaIsTheTypesSchema() {
		StructuredOutputRunnable<Person> extract = new ScriptedModel(ADA).withStructuredOutput(Person.class);
		assertThat(extract.outputSchema()).isEqualTo(JsonSchemas.of(Person.class));
		assertThat(extract.inputSchema().has("anyOf")).isTrue();
		assertThat(extract.getName()).isEqualTo("StructuredOutput<Person>");
	}

	@Test
	void aMapSchemaGivesMaps() {
		var schema = JsonMapper.shared()
			.readTree("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}");
		assertThat(new ScriptedModel("{\"name\":\"Ada\"}").withStructuredOutput(schema).invoke("Ada"))
			.isEqualTo(Map.of("name", "Ada"));
	}

	@Test
	void aModelWithoutANativeModeRejectsItNamingTheChoices() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScriptedModel(ADA).withStructuredOutput(Person.class)
				.withMethod(StructuredOutputMethod.JSON_SCHEMA))
			.withMessageContaining("no structured output method json_schema")
			.withMessageContaining("supported: instructions, tool_calling");
	}

	@Test
	void methodNamesReadAsYamlAndLangChainWriteThem() {
		assertThat(StructuredOutputMethod.of("json_schema")).isEqualTo(StructuredOutputMethod.JSON_SCHEMA);
		assertThat(StructuredOutputMethod.of("function_calling")).isEqualTo(StructuredOutputMethod.TOOL_CALLING);
		assertThat(StructuredOutputMethod.of("json-mode")).isEqualTo(StructuredOutputMethod.JSON_MODE);
		assertThatIllegalArgumentException().isThrownBy(() -> StructuredOutputMethod.of("xml"))
			.withMessageContaining("valid: json_schema, tool_calling, json_mode, instructions");
	}

	@Test
	void theModelAndTheParserAreChildRunsAndRetriesAreTagged() {
		ScriptedModel model = new ScriptedModel("no", ADA);
		List<StreamEvent> events = model.withStructuredOutput(Person.class).withRetries(1).astreamEvents("Ada").collectList().block();
		assertThat(events.get(0).event()).isEqualTo("on_chain_start");
		assertThat(events.get(0).name()).isEqualTo("StructuredOutput<Person>");
		assertThat(events).filteredOn((e) -> e.event().equals("on_chat_model_start")).hasSize(2);
		assertThat(events).filteredOn((e) -> e.event().equals("on_parser_start")).hasSize(2);
		assertThat(events).filteredOn((e) -> e.event().equals("on_chat_model_start"))
			.last()
			.satisfies((e) -> assertThat(e.tags()).contains("retry:attempt:2"));
		assertThat(events.get(events.size() - 1).event()).isEqualTo("on_chain_end");
	}

	/** Answers with scripted texts in three-character chunks, recording each conversation. */
	static final class ScriptedModel extends ChatModel {

		final List<List<BaseMessage>> calls = new ArrayList<>();

		private final List<String> answers;

		ScriptedModel(String... answers) {
			this.answers = List.of(answers);
		}

		@Override
		protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options,
				RunnableConfig config) {
			return Flux.defer(() -> {
				String answer = this.answers.get(Math.min(this.calls.size(), this.answers.size() - 1));
				this.calls.add(List.copyOf(messages));
				List<AIMessageChunk> chunks = new ArrayList<>();
				for (int i = 0; i < answer.length(); i += 3) {
					chunks.add(new AIMessageChunk(answer.substring(i, Math.min(answer.length(), i + 3))));
				}
				return Flux.fromIterable(chunks);
			});
		}

	}

	/**
	 * Check that a call whose model answered {@code {"name":"Ada"}} for a person fails loudly with
	 * that text and both missing properties.
	 */
	static void assertFailsOnAdasNameAlone(ThrowingCallable call) {
		assertThatExceptionOfType(OutputParserException.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.getText()).isEqualTo("{\"name\":\"Ada\"}");
			assertThat(ex.getErrors()).containsExactly("/age: required property 'age' not found",
					"/skills: required property 'skills' not found");
		});
	}

}
