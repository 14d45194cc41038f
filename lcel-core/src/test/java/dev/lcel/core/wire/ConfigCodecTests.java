package dev.lcel.core.wire;

import java.util.List;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConfigCodecTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final ConfigLimits LIMITS = new ConfigLimits(3, 10, 100, "lcel.server.limits");

	private final ConfigCodec codec = new ConfigCodec(List.of("tags", "metadata", "runName", "configurable"), LIMITS, JSON);

	@Test
	void whatAClientWritesIsReadBack() {
		RunnableConfig sent = RunnableConfig.builder()
			.tags("a", "b")
			.metadata("user", "ann")
			.runName("joke")
			.configurable("model", "fast")
			.build();
		RunnableConfig read = this.codec.read(JSON.valueToTree(ConfigCodec.write(sent)), "/config");
		assertThat(read.tags()).containsExactly("a", "b");
		assertThat(read.metadata()).isEqualTo(Map.of("user", "ann"));
		assertThat(read.runName()).isEqualTo("joke");
		assertThat(read.configurable()).isEqualTo(Map.of("model", "fast"));
	}

	@Test
	void readingIntoABuilderKeepsWhatTheServerSetBeforeAndAfter() {
		RunnableConfig.Builder builder = RunnableConfig.builder().tags("server").metadata("first", 1);

		this.codec.read(json("{\"tags\": [\"client\"], \"runName\": \"theirs\", \"metadata\": {\"user\": \"ann\"}}"),
				"/config", builder);
		RunnableConfig read = builder.runName("ours").metadata("last", 2).build();

		assertThat(read.tags()).containsExactly("server", "client");
		assertThat(read.metadata().keySet()).containsExactly("first", "user", "last");
		assertThat(read.runName()).isEqualTo("ours");
		this.codec.read(null, "/config", builder);
		assertThat(builder.build()).isEqualTo(read);
	}

	@Test
	void aClientWritesOnlyWhatIsSetInSnakeCase() {
		assertThat(ConfigCodec.write(RunnableConfig.EMPTY)).isEmpty();
		assertThat(ConfigCodec.write(RunnableConfig.builder().runName("x").build())).containsOnlyKeys("run_name");
	}

	@Test
	void bothSpellingsAreReadAndOtherKeysDropped() {
		RunnableConfig read = this.codec.read(json("{\"run_name\": \"py\", \"callbacks\": [1], \"recursionLimit\": 3,"
				+ " \"metadata\": {\"__internal\": 1, \"kept\": 2}}"), "/config");
		assertThat(read.runName()).isEqualTo("py");
		assertThat(read.recursionLimit()).isEqualTo(RunnableConfig.EMPTY.recursionLimit());
		assertThat(read.metadata()).isEqualTo(Map.of("kept", 2));
		assertThat(this.codec.read(json("{\"runName\": \"js\"}"), "/config").runName()).isEqualTo("js");
	}

	@Test
	void malformedKeysAndLimitsNameTheFieldAndTheProperty() {
		assertThatExceptionOfType(InvalidWireValueException.class)
			.isThrownBy(() -> this.codec.read(json("{\"tags\": [\"a\", 3]}"), "/config/1"))
			.satisfies((ex) -> assertThat(ex.pointer()).isEqualTo("/config/1/tags/1"));
		assertThatExceptionOfType(InvalidWireValueException.class)
			.isThrownBy(() -> this.codec.read(json("{\"tags\": [\"a\", \"b\", \"c\", \"d\"]}"), "/config"))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo("at most 3 tags (lcel.server.limits.max-tags), this has 4"));
		assertThatExceptionOfType(InvalidWireValueException.class)
			.isThrownBy(() -> this.codec.read(json("{\"metadata\": {\"m\": {\"type\": \"ai\", \"content\": \"x\","
					+ " \"tool_calls\": \"no\"}}}"), "/config"))
			.satisfies((ex) -> assertThat(ex.pointer()).isEqualTo("/config/metadata/m/tool_calls"));
		assertThatExceptionOfType(InvalidWireValueException.class)
			.isThrownBy(() -> this.codec.read(json("[]"), "/config"))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo("/config: must be an object"));
	}

	@Test
	void keysCompareInSnakeCase() {
		assertThat(ConfigCodec.canonical(List.of("runName", "max_concurrency"))).containsExactlyInAnyOrder("run_name",
				"max_concurrency");
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
