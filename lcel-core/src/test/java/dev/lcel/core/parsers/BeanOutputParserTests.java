package dev.lcel.core.parsers;

import java.util.List;

import dev.lcel.core.messages.AIMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BeanOutputParserTests {

	record Country(String name, long population) {
	}

	record Countries(List<Country> countries) {
	}

	private final BeanOutputParser<Countries> parser = BeanOutputParser.of(Countries.class);

	@Test
	void parsesIntoARecordIgnoringAFence() {
		Countries countries = this.parser.invoke(new AIMessage(
				"```json\n{\"countries\": [{\"name\": \"France\", \"population\": 67391582}]}\n```"));
		assertThat(countries).isEqualTo(new Countries(List.of(new Country("France", 67391582))));
	}

	@Test
	void formatInstructionsCarryTheTypesSchema() {
		assertThat(this.parser.getFormatInstructions()).contains("\"countries\"").contains("\"population\"")
			.contains("JSON Schema");
		assertThat(this.parser.outputSchema().get("properties").has("countries")).isTrue();
	}

	@Test
	void mismatchIsAClearErrorNamingTheType() {
		assertThatExceptionOfType(OutputParserException.class)
			.isThrownBy(() -> this.parser.invoke("{\"countries\": [{\"name\": \"France\", \"population\": \"many\"}]}"))
			.withMessageContaining("Countries")
			.satisfies((ex) -> assertThat(ex.getText()).contains("many"));
		assertThatExceptionOfType(OutputParserException.class).isThrownBy(() -> this.parser.invoke("not json"))
			.satisfies((ex) -> assertThat(ex.getText()).isEqualTo("not json"));
	}

}
