package dev.lcel.core.parsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolCallChunk;
import dev.lcel.core.config.RunnableConfig;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StructuredOutputParserTests {

	@JsonClassDescription("A person mentioned in the text")
	record Person(@JsonPropertyDescription("Full name") String name, int age, List<String> skills) {
	}

	enum Level {

		JUNIOR, SENIOR

	}

	record Role(String title, Level level) {
	}

	/** A JavaBean: bound through its setters. */
	public static final class Pet {

		private String name;

		private int legs;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public int getLegs() {
			return this.legs;
		}

		public void setLegs(int legs) {
			this.legs = legs;
		}

	}

	private final StructuredOutputParser<Person> parser = StructuredOutputParser.of(Person.class);

	@Test
	void parsesARecordIgnoringAFence() {
		assertThat(this.parser.invoke(new AIMessage("```json\n{\"name\":\"Ada\",\"age\":36,\"skills\":[\"math\"]}\n```")))
			.isEqualTo(new Person("Ada", 36, List.of("math")));
	}

	@Test
	void parsesABeanThroughItsSetters() {
		Pet pet = StructuredOutputParser.of(Pet.class).invoke("{\"name\":\"Rex\",\"legs\":4}");
		assertThat(pet.getName()).isEqualTo("Rex");
		assertThat(pet.getLegs()).isEqualTo(4);
	}

	@Test
	void schemaCarriesDescriptionsFromAnnotations() {
		JsonNode schema = this.parser.outputSchema();
		assertThat(schema.get("description").asString()).isEqualTo("A person mentioned in the text");
		assertThat(schema.at("/properties/name/description").asString()).isEqualTo("Full name");
		assertThat(this.parser.getFormatInstructions()).contains("Full name").contains("\"skills\"");
	}

	@Test
	void aValueThatBreaksTheSchemaFailsWithEveryErrorAndTheText() {
		String text = "{\"name\":\"Ada\",\"age\":\"old\"}";
		assertThatExceptionOfType(OutputParserException.class).isThrownBy(() -> this.parser.invoke(text))
			.satisfies((ex) -> {
				assertThat(ex.getText()).isEqualTo(text);
				assertThat(ex.getErrors()).hasSize(2);
				assertThat(ex.getErrors()).anySatisfy((error) -> assertThat(error).startsWith("/age").contains("integer"));
				assertThat(ex.getErrors()).anySatisfy((error) -> assertThat(error).contains("skills"));
				assertThat(ex.getMessage()).contains("Person").contains(text);
			});
	}

	@Test
	void textThatIsNotJsonFailsWithTheText() {
		assertThatExceptionOfType(OutputParserException.class).isThrownBy(() -> this.parser.invoke("Ada is 36."))
			.satisfies((ex) -> assertThat(ex.getText()).isEqualTo("Ada is 36."));
	}

	@Test
	void aNullDocumentFailsRatherThanReturningNull() {
		assertThatExceptionOfType(OutputParserException.class).isThrownBy(() -> this.parser.invoke("null"));
	}

	@Test
	void aMapSchemaValidatesAndReturnsMaps() {
		JsonNode schema = JsonMapper.shared()
			.readTree("{\"title\":\"city\",\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
					+ "\"people\":{\"type\":\"integer\"}},\"required\":[\"name\"]}");
		StructuredOutputParser<Map<String, Object>> maps = StructuredOutputParser.of(schema);
		assertThat(maps.invoke("{\"name\":\"Oslo\",\"people\":700000}")).containsEntry("name", "Oslo")
			.containsEntry("people", 700000);
		assertThatExceptionOfType(OutputParserException.class).isThrownBy(() -> maps.invoke("{\"people\":1}"))
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement().asString().contains("name"));
		assertThat(maps.title()).isEqualTo("city");
	}

	@Test
	void anInvalidSchemaIsRejectedWithWhy() {
		JsonNode schema = JsonMapper.shared().readTree("{\"type\":\"objekt\"}");
		assertThatIllegalArgumentException().isThrownBy(() -> StructuredOutputParser.of(schema))
			.withMessageContaining("Invalid JSON Schema")
			.withMessageContaining("/type");
	}

	@Test
	void streamsAValueThatFillsIn() {
		List<String> chunks = List.of("{\"na", "me\":\"A", "da\",\"ag", "e\":36,\"skills\":[\"ma", "th\"", "]}");
		List<Person> emitted = this.parser.transform(Flux.fromIterable(new ArrayList<Object>(chunks)), RunnableConfig.EMPTY).collectList().block();
		assertThat(emitted).containsExactly(new Person(null, 0, null), new Person("A", 0, null), new Person("Ada", 0, null),
				new Person("Ada", 36, List.of("ma")), new Person("Ada", 36, List.of("math")));
	}

	@Test
	void aPartialEnumIsNullUntilComplete() {
		StructuredOutputParser<Role> roles = StructuredOutputParser.of(Role.class);
		List<Object> chunks = List.of("{\"title\":\"Eng\",\"level\":\"SEN", "IOR\"}");
		assertThat(roles.transform(Flux.fromIterable(chunks), RunnableConfig.EMPTY).collectList().block())
			.containsExactly(new Role("Eng", null), new Role("Eng", Level.SENIOR));
	}

	@Test
	void readsTheFirstToolCallsArguments() {
		StructuredOutputParser<Person> tools = this.parser.fromToolCall();
		AIMessage message = new AIMessage("", List.of(new ToolCall("c1", "Person",
				Map.of("name", "Ada", "age", 36, "skills", List.of()))), null, null, null, null);
		assertThat(tools.invoke(message)).isEqualTo(new Person("Ada", 36, List.of()));
		List<Object> chunks = List.of(toolChunk("{\"name\":\"Ad"), toolChunk("a\",\"age\":36,\"skills\":[]}"));
		assertThat(tools.transform(Flux.fromIterable(chunks), RunnableConfig.EMPTY).collectList().block()).containsExactly(
				new Person("Ad", 0, null), new Person("Ada", 36, List.of()));
	}

	@Test
	void anAnswerWithoutTheToolCallFailsLoudly() {
		assertThatExceptionOfType(OutputParserException.class)
			.isThrownBy(() -> this.parser.fromToolCall().invoke(new AIMessage("I'd rather not.")))
			.withMessageContaining("without calling the tool 'Person'")
			.satisfies((ex) -> assertThat(ex.getText()).isEqualTo("I'd rather not."));
	}

	private static AIMessageChunk toolChunk(String args) {
		return new AIMessageChunk("", List.of(new ToolCallChunk(0, null, null, args)), null, null, null, null);
	}

}
