package dev.lcel.autoconfigure.web;

import java.util.List;

import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.autoconfigure.support.ChainHttp;
import dev.lcel.autoconfigure.support.StartupProblems;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static dev.lcel.autoconfigure.support.ChainHttp.client;
import static dev.lcel.autoconfigure.support.ChainHttp.data;
import static dev.lcel.autoconfigure.support.ChainHttp.getJson;
import static dev.lcel.autoconfigure.support.ChainHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model step with an {@code output} in YAML: typed and schema output over HTTP, the object
 * growing on {@code /stream}, the type's schema on {@code /output_schema}, and the startup errors
 * of a bad {@code output}.
 */
class StructuredOutputOverHttpTests {

	/** The type a chain's model answers with, named in YAML by its binary name. */
	public record Person(String name, int age, List<String> skills) {
	}

	private static final String ADA = "{\"name\":\"Ada\",\"age\":36,\"skills\":[\"math\",\"poems\"]}";

	private final ReactiveWebApplicationContextRunner contextRunner = ChainHttp
		.runner(ModelAutoConfiguration.class, LcelServerAutoConfiguration.class)
		.withPropertyValues("lcel.models.fake.provider=fake", "lcel.models.fake.responses[0]=" + ADA,
				"lcel.models.fake.chunk-size=3", "lcel.chains.extract.steps[0].prompt=Who is in: {text}",
				"lcel.chains.extract.steps[1].model=fake",
				"lcel.chains.extract.steps[1].output.type=" + Person.class.getName());

	@Test
	void invokeAnswersWithTheTypedObject() {
		this.contextRunner.run((context) -> postJson(client(context), "/chains/extract/invoke",
				"{\"input\": {\"text\": \"Ada, 36, math and poems\"}}")
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.output.name").isEqualTo("Ada")
			.jsonPath("$.output.age").isEqualTo(36)
			.jsonPath("$.output.skills[1]").isEqualTo("poems"));
	}

	@Test
	void streamSendsTheObjectAsItGrows() {
		this.contextRunner.run((context) -> {
			List<String> data = data(postJson(client(context), "/chains/extract/stream",
					"{\"input\": {\"text\": \"Ada\"}}")
				.expectStatus().isOk(), "data");
			assertThat(data).hasSizeGreaterThan(4);
			assertThat(data.get(0)).isEqualTo("{\"name\":null,\"age\":0,\"skills\":null}");
			assertThat(data).contains("{\"name\":\"Ada\",\"age\":36,\"skills\":[\"ma\"]}");
			assertThat(data.get(data.size() - 1)).isEqualTo(ADA);
		});
	}

	@Test
	void outputSchemaIsTheTypesSchema() {
		this.contextRunner.run((context) -> getJson(client(context), "/chains/extract/output_schema")
			.jsonPath("$.type").isEqualTo("object")
			.jsonPath("$.properties.age.type").isEqualTo("integer")
			.jsonPath("$.properties.skills.items.type").isEqualTo("string")
			.jsonPath("$.required.length()").isEqualTo(3));
	}

	@Test
	void aSchemaOutputAnswersWithAMap() {
		this.contextRunner
			.withPropertyValues("lcel.chains.city.steps[0].model=fake", "lcel.models.fake.responses[0]={\"name\":\"Oslo\"}",
					"lcel.chains.city.steps[0].output.schema.type=object",
					"lcel.chains.city.steps[0].output.schema.properties.name.type=string",
					"lcel.chains.city.steps[0].output.schema.required[0]=name")
			.run((context) -> postJson(client(context), "/chains/city/invoke", "{\"input\": \"Which city?\"}")
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.output.name").isEqualTo("Oslo"));
	}

	@Test
	void aBadOutputFailsAtStartupNamingThePropertyPathAndWhy() {
		this.contextRunner
			.withPropertyValues("lcel.chains.a.steps[0].model=fake", "lcel.chains.a.steps[0].output.type=com.example.Nope",
					"lcel.chains.b.steps[0].model=fake", "lcel.chains.b.steps[0].output.schema.type=objekt",
					"lcel.chains.c.steps[0].model=fake", "lcel.chains.c.steps[0].output.type=" + Person.class.getName(),
					"lcel.chains.c.steps[0].output.method=xml", "lcel.chains.d.steps[0].model=fake",
					"lcel.chains.d.steps[0].output.type=java.lang.Runnable", "lcel.chains.e.steps[0].prompt=hi",
					"lcel.chains.e.steps[0].output.type=" + Person.class.getName(), "lcel.chains.f.steps[0].model=fake",
					"lcel.chains.f.steps[0].output.method=json_schema", "lcel.chains.g.steps[0].model=fake",
					"lcel.chains.g.steps[0].output.type=" + Person.class.getName(), "lcel.chains.g.steps[0].output.retries=9")
			.run((context) -> {
				List<String> problems = StartupProblems.of(context);
				assertThat(problems).contains(
						"lcel.chains.a.steps[0].output.type: unknown class 'com.example.Nope'; give the fully qualified name of a record or bean",
						"lcel.chains.c.steps[0].output.method: Unknown structured output method 'xml'; valid: json_schema, tool_calling, json_mode, instructions",
						"lcel.chains.d.steps[0].output.type: 'java.lang.Runnable' is not a record or a bean with a no-argument constructor",
						"lcel.chains.e.steps[0].output: only a model step has an output; this is a prompt step",
						"lcel.chains.f.steps[0].output: exactly one of 'type' (a class name) or 'schema' (a JSON Schema) is needed, found neither",
						"lcel.chains.g.steps[0].output.retries: must be between 0 and 5, was 9");
				assertThat(problems).anySatisfy((problem) -> assertThat(problem)
					.startsWith("lcel.chains.b.steps[0].output.schema: invalid JSON Schema at /type: "));
			});
	}

}
