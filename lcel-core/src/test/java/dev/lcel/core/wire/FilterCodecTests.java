package dev.lcel.core.wire;

import java.util.Set;

import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilterCodecTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void whatAClientWritesIsReadBack() {
		RunFilter filter = new RunFilter(Set.of("shout"), Set.of(RunType.CHAT_MODEL, RunType.PROMPT), Set.of("t"),
				Set.of("x"), Set.of(RunType.PARSER), Set.of("seq:step:2"));
		ObjectNode body = FilterCodec.write(JSON.createObjectNode(), filter);
		assertThat(body.propertyNames()).containsExactly("include_names", "include_types", "include_tags",
				"exclude_names", "exclude_types", "exclude_tags");
		assertThat(FilterCodec.read(body)).isEqualTo(filter);
	}

	@Test
	void aBodyWithoutFiltersLetsEveryRunThrough() {
		assertThat(FilterCodec.read(JSON.readTree("{\"input\": 1, \"include_tags\": null}"))).isEqualTo(RunFilter.ALL);
	}

	@Test
	void llmIsReadAsAChatModel() {
		assertThat(FilterCodec.read(JSON.readTree("{\"include_types\": [\"llm\", \"nothing\"]}")).includeTypes())
			.containsExactly(RunType.CHAT_MODEL);
	}

	@Test
	void aFilterThatIsNotAnArrayOfStringsNamesItsField() {
		assertThatExceptionOfType(InvalidWireValueException.class)
			.isThrownBy(() -> FilterCodec.read(JSON.readTree("{\"include_tags\": [\"a\", 1]}")))
			.satisfies((ex) -> assertThat(ex.pointer()).isEqualTo("/include_tags/1"));
		assertThatExceptionOfType(InvalidWireValueException.class)
			.isThrownBy(() -> FilterCodec.read(JSON.readTree("{\"exclude_names\": \"a\"}")))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo("must be an array of strings"));
	}

}
