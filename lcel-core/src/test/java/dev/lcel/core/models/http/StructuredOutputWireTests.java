package dev.lcel.core.models.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.StructuredOutputMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each provider's native structured-output mode on the wire: what the request asks for, and the
 * typed value read from the provider's answer (fixtures {@code structured*} under
 * {@code src/test/resources/fixtures/PROVIDER}).
 */
class StructuredOutputWireTests {

	record Person(@JsonPropertyDescription("The person's full name") String name, int age, List<String> skills) {
	}

	private static final Person ADA = new Person("Ada", 36, List.of("compilers", "poems"));

	@RegisterExtension
	static WireMockExtension wireMock = ProviderWire.server();

	@Test
	void openAiAsksForAStrictJsonSchemaResponseFormat() {
		serve(ProviderWire.OPENAI, "structured");
		ChatModel model = openAi();
		assertThat(model.withStructuredOutput(Person.class).invoke("Ada is 36; she writes compilers and poems"))
			.isEqualTo(ADA);
		JsonNode format = request().get("response_format");
		assertThat(format.get("type").asString()).isEqualTo("json_schema");
		assertThat(format.at("/json_schema/name").asString()).isEqualTo("Person");
		assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
		assertThat(format.at("/json_schema/schema/additionalProperties").asBoolean(true)).isFalse();
		assertThat(format.at("/json_schema/schema/properties/name/description").asString())
			.isEqualTo("The person's full name");
		assertThat(format.at("/json_schema/schema/required").toString()).contains("name", "age", "skills");
		assertThat(request().has("tools")).isFalse();
	}

	@Test
	void openAiStreamsTheTypedValueAsItFillsIn() {
		serve(ProviderWire.OPENAI, "structured");
		List<Person> partials = openAi().withStructuredOutput(Person.class).astream("Ada").collectList().block();
		assertThat(partials).first().isEqualTo(new Person("Ad", 0, null));
		assertThat(partials).last().isEqualTo(ADA);
		assertThat(partials).contains(new Person("Ada", 36, List.of("comp")));
	}

	@Test
	void openAiToolCallingForcesTheSchemaFunction() {
		serve(ProviderWire.OPENAI, "structured-tool");
		var runnable = openAi().withStructuredOutput(Person.class).withMethod(StructuredOutputMethod.TOOL_CALLING);
		assertThat(runnable.astream("Ada").collectList().block()).last().isEqualTo(ADA);
		JsonNode body = request();
		assertThat(body.at("/tools/0/function/name").asString()).isEqualTo("Person");
		assertThat(body.at("/tools/0/function/parameters/properties/age/type").asString()).isEqualTo("integer");
		assertThat(body.at("/tool_choice/type").asString()).isEqualTo("function");
		assertThat(body.at("/tool_choice/function/name").asString()).isEqualTo("Person");
		assertThat(body.has("response_format")).isFalse();
	}

	@Test
	void openAiJsonModeSendsJsonObjectAndTheSchemaInASystemMessage() {
		serve(ProviderWire.OPENAI, "structured");
		var runnable = openAi().withStructuredOutput(Person.class).withMethod(StructuredOutputMethod.JSON_MODE);
		assertThat(runnable.invoke("Ada")).isEqualTo(ADA);
		JsonNode body = request();
		assertThat(body.at("/response_format/type").asString()).isEqualTo("json_object");
		assertThat(body.at("/messages/0/role").asString()).isEqualTo("system");
		assertThat(body.at("/messages/0/content").asString()).contains("JSON Schema", "\"skills\"");
		assertThat(body.at("/messages/1/content").asString()).isEqualTo("Ada");
	}

	@Test
	void anthropicForcesACallOfTheSchemaTool() {
		serve(ProviderWire.ANTHROPIC, "structured-tool");
		ChatModel model = ProviderWire.ANTHROPIC.model(wireMock);
		assertThat(model.withStructuredOutput(Person.class).invoke("Ada")).isEqualTo(ADA);
		JsonNode body = request();
		assertThat(body.at("/tools/0/name").asString()).isEqualTo("Person");
		assertThat(body.at("/tools/0/input_schema/properties/skills/type").asString()).isEqualTo("array");
		assertThat(body.at("/tool_choice/type").asString()).isEqualTo("tool");
		assertThat(body.at("/tool_choice/name").asString()).isEqualTo("Person");
	}

	@Test
	void anthropicStreamsTheToolArgumentsAsAGrowingValue() {
		serve(ProviderWire.ANTHROPIC, "structured-tool");
		ChatModel model = ProviderWire.ANTHROPIC.model(wireMock);
		List<Person> partials = model.withStructuredOutput(Person.class).astream("Ada").collectList().block();
		assertThat(partials).hasSizeGreaterThan(2).first().isEqualTo(new Person("Ad", 0, null));
		assertThat(partials).last().isEqualTo(ADA);
	}

	@Test
	void anthropicHasNoJsonSchemaModeAndSaysWhatItSupports() {
		ChatModel model = ProviderWire.ANTHROPIC.model(wireMock);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> model.withStructuredOutput(Person.class).withMethod(StructuredOutputMethod.JSON_SCHEMA))
			.withMessageContaining("json_schema")
			.withMessageContaining("supported: tool_calling, instructions");
	}

	@Test
	void ollamaSendsTheSchemaAsFormat() {
		serve(ProviderWire.OLLAMA, "structured");
		ChatModel model = ProviderWire.OLLAMA.model(wireMock);
		assertThat(model.withStructuredOutput(Person.class).invoke("Ada")).isEqualTo(ADA);
		JsonNode body = request();
		assertThat(body.at("/format/type").asString()).isEqualTo("object");
		assertThat(body.at("/format/properties/age/type").asString()).isEqualTo("integer");
		assertThat(body.has("options")).isFalse();
	}

	@Test
	void ollamaJsonModeSendsFormatJson() {
		serve(ProviderWire.OLLAMA, "structured");
		ChatModel model = ProviderWire.OLLAMA.model(wireMock);
		assertThat(model.withStructuredOutput(Person.class).withMethod(StructuredOutputMethod.JSON_MODE).invoke("Ada"))
			.isEqualTo(ADA);
		assertThat(request().get("format").asString()).isEqualTo("json");
	}

	private static ChatModel openAi() {
		return ProviderWire.OPENAI.model(wireMock);
	}

	private static JsonNode request() {
		return JsonMapper.shared().readTree(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString());
	}

	private static void serve(ProviderWire wire, String fixture) {
		wireMock.stubFor(post(urlEqualTo(wire.chatPath())).willReturn(wire.answer(fixture)));
	}

}
