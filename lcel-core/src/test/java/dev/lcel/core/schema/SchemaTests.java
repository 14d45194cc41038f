package dev.lcel.core.schema;

import java.util.List;
import java.util.Map;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableAssign;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import dev.lcel.core.runnable.RunnablePassthrough;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaTests {

	record Question(String topic, int words) {
	}

	record Answer(String text, List<String> sources) {
	}

	private final RunnableLambda<Question, Answer> typed = RunnableLambda.typed(Question.class, Answer.class,
			(q) -> new Answer(q.topic(), List.of()));

	@Test
	void typedLambdaSchemasComeFromItsJavaTypes() {
		ObjectNode input = this.typed.inputSchema();
		assertThat(input.path("type").asString()).isEqualTo("object");
		assertThat(input.path("properties").path("topic").path("type").asString()).isEqualTo("string");
		assertThat(input.path("properties").path("words").path("type").asString()).isEqualTo("integer");
		assertThat(this.typed.outputSchema().path("properties").path("sources").path("type").asString()).isEqualTo("array");
	}

	@Test
	void untypedLambdaAcceptsAnything() {
		assertThat(RunnableLambda.of((Object o) -> o).inputSchema()).isEmpty();
		assertThat(RunnableLambda.of((Object o) -> o).outputSchema()).isEmpty();
	}

	@Test
	void sequenceSchemasAreFirstStepsInputAndLastStepsOutput() {
		Runnable<Question, String> chain = this.typed.pipe((Answer a) -> a.text());
		assertThat(chain.inputSchema()).isEqualTo(this.typed.inputSchema());
		assertThat(chain.outputSchema()).isEmpty();

		Runnable<Object, Answer> ending = RunnableLambda.of((Object o) -> new Question("t", 1)).pipe(this.typed);
		assertThat(ending.outputSchema()).isEqualTo(this.typed.outputSchema());
	}

	@Test
	void passthroughOutputSchemaIsItsInputSchema() {
		Runnable<Question, Question> chain = RunnableLambda.typed(Question.class, Question.class, (q) -> q)
			.pipe(RunnablePassthrough.create());
		assertThat(chain.outputSchema()).isEqualTo(JsonSchemas.of(Question.class));
	}

	@Test
	void parallelOutputSchemaHasOnePropertyPerBranch() {
		RunnableParallel<Question> parallel = RunnableParallel.<Question>builder()
			.branch("answer", this.typed)
			.branch("echo", RunnablePassthrough.create())
			.build();

		ObjectNode output = parallel.outputSchema();

		assertThat(output.path("type").asString()).isEqualTo("object");
		assertThat(output.path("properties").propertyNames()).containsExactly("answer", "echo");
		assertThat(output.path("properties").path("answer")).isEqualTo(this.typed.outputSchema());
		assertThat(parallel.inputSchema()).isEqualTo(this.typed.inputSchema());
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void parallelInputSchemaMergesObjectBranches() {
		RunnableParallel<Object> parallel = RunnableParallel.<Object>builder()
			.branch("a", (Runnable) RunnableLambda.typed(Question.class, String.class, Question::topic))
			.branch("b", (Runnable) RunnableLambda.typed(Answer.class, String.class, Answer::text))
			.build();
		assertThat(parallel.inputSchema().path("properties").propertyNames())
			.containsExactlyInAnyOrder("topic", "words", "text", "sources");
	}

	@Test
	void assignAndPickShapeTheOutputSchemaFromTheInput() {
		Runnable<Question, Object> chain = RunnableLambda.typed(Question.class, Question.class, (q) -> q)
			.pipe(RunnableAssign.of(Map.of("answer", RunnableLambda.of((Map<String, Object> in) -> "text"))))
			.pick("topic");
		assertThat(chain.outputSchema().path("type").asString()).isEqualTo("string");

		Runnable<Question, Map<String, Object>> assigned = RunnableLambda.typed(Question.class, Question.class, (q) -> q)
			.pipe(RunnableAssign.of(Map.of("answer", RunnableLambda.of((Map<String, Object> in) -> "text"))));
		assertThat(assigned.outputSchema().path("properties").propertyNames()).contains("topic", "words", "answer");
	}

	@Test
	void mapRunnableSchemasAreArrays() {
		assertThat(this.typed.map().inputSchema().path("type").asString()).isEqualTo("array");
		assertThat(this.typed.map().inputSchema().path("items")).isEqualTo(this.typed.inputSchema());
	}

	@Test
	void configSchemaListsTheWireKeysOfRunnableConfig() {
		ObjectNode config = this.typed.configSchema();
		assertThat(config.path("properties").propertyNames()).containsExactly("tags", "metadata", "run_name", "run_id",
				"max_concurrency", "recursion_limit", "configurable");
		assertThat(config.path("properties").path("recursion_limit").path("default").asInt()).isEqualTo(25);
		assertThat(config.path("properties").has("callbacks")).isFalse();
	}

	@Test
	void schemasAreFreshCopies() {
		this.typed.inputSchema().put("tampered", true);
		assertThat(this.typed.inputSchema().has("tampered")).isFalse();
	}

}
