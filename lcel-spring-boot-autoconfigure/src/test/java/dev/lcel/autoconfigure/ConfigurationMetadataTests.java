package dev.lcel.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs read: the processor's entries from the properties classes'
 * javadoc, each with a description, the models and chains as maps of their property classes (so
 * that an IDE completes the keys beneath them and shows their docs from the sources jar), and the
 * hints for providers, parsers, stores and bean references.
 */
class ConfigurationMetadataTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	@Test
	void everyLcelPropertyHasADescriptionAndTheGroupsAreTheirClasses() throws IOException {
		JsonNode metadata = JsonMapper.shared().readTree(Files.readString(METADATA));
		Map<String, JsonNode> properties = metadata.get("properties")
			.valueStream()
			.filter((property) -> property.get("name").asString().startsWith("lcel."))
			.collect(Collectors.toMap((property) -> property.get("name").asString(), (property) -> property));

		assertThat(properties).containsKeys("lcel.models", "lcel.default-model", "lcel.chains", "lcel.server.enabled",
				"lcel.server.base-path", "lcel.health.timeout", "lcel.metrics.enabled", "lcel.observations.enabled");
		assertThat(properties.size()).isGreaterThanOrEqualTo(14);
		assertThat(properties.values()).allSatisfy((property) -> assertThat(property.path("description").asString(""))
			.as(property.get("name").asString())
			.isNotBlank());
		assertThat(properties.get("lcel.models").get("type").asString())
			.isEqualTo("java.util.Map<java.lang.String,dev.lcel.autoconfigure.model.ModelProperties>");
		assertThat(properties.get("lcel.chains").get("type").asString())
			.isEqualTo("java.util.Map<java.lang.String,dev.lcel.autoconfigure.chain.ChainDefinition>");
	}

	@Test
	void providersParsersStoresAndBeansHaveHints() throws IOException {
		JsonNode metadata = JsonMapper.shared().readTree(Files.readString(METADATA));
		Map<String, JsonNode> hints = metadata.get("hints")
			.valueStream()
			.collect(Collectors.toMap((hint) -> hint.get("name").asString(), (hint) -> hint));

		assertThat(values(hints.get("lcel.models.values.provider"))).containsExactly("openai", "anthropic", "ollama", "fake");
		assertThat(values(hints.get("lcel.chains.values.steps.parser"))).containsExactly("str", "json", "list", "numbered-list");
		assertThat(values(hints.get("lcel.chains.values.history.store"))).containsExactly("memory", "redis");
		assertThat(hints.get("lcel.chains.values.steps.bean").at("/providers/0/name").asString())
			.isEqualTo("spring-bean-reference");
		assertThat(hints.values()).allSatisfy((hint) -> hint.path("values")
			.valueStream()
			.filter((value) -> !hint.get("name").asString().equals("lcel.server.config-keys"))
			.forEach((value) -> assertThat(value.path("description").asString("")).isNotBlank()));
	}

	private static List<String> values(JsonNode hint) {
		return hint.get("values").valueStream().map((value) -> value.get("value").asString()).toList();
	}

}
