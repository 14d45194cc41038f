package dev.lcel.autoconfigure.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code docs/lcel-chains.schema.json} is what the property classes say: regenerated here and
 * compared, so the schema, the strict startup check and the IDE metadata cannot drift apart.
 * Run with {@code -Dlcel.schema.write=true} to write it after changing a property class.
 */
class LcelPropertiesSchemaTests {

	private final LcelPropertiesSchema generator = new LcelPropertiesSchema();

	@Test
	void schemaFileIsGeneratedFromThePropertyClasses() throws IOException {
		ObjectNode generated = this.generator.generate();
		if (Boolean.getBoolean("lcel.schema.write")) {
			Files.writeString(LcelPropertiesSchema.SCHEMA_FILE, this.generator.write(generated));
		}
		JsonNode committed = this.generator.readTree(LcelPropertiesSchema.SCHEMA_FILE);
		if (!committed.equals(this.generator.normalized(generated))) {
			fail(LcelPropertiesSchema.SCHEMA_FILE + " is not what the property classes say; run "
					+ "./mvnw -pl lcel-spring-boot-autoconfigure verify -Dtest=LcelPropertiesSchemaTests "
					+ "-Dlcel.schema.write=true and commit it");
		}
	}

	@Test
	void everyKeyOfAModelAndOfAChainHasADescription() {
		JsonNode defs = this.generator.generate().get("$defs");
		List<String> keys = new ArrayList<>();
		List<String> undescribed = new ArrayList<>();
		for (Map.Entry<String, JsonNode> def : defs.properties()) {
			for (Map.Entry<String, JsonNode> key : def.getValue().path("properties").properties()) {
				keys.add(def.getKey() + "." + key.getKey());
				if (key.getValue().path("description").asString("").isBlank()) {
					undescribed.add(def.getKey() + "." + key.getKey());
				}
			}
		}
		assertThat(undescribed).isEmpty();
		assertThat(defs.get("model").get("properties").size()).isEqualTo(23);
		assertThat(defs.get("model").get("properties").valueStream().filter((key) -> key.path("deprecated").asBoolean()))
			.hasSize(7);
		assertThat(defs.get("model").get("properties").get("organization").get("description").asString())
			.isEqualTo("Deprecated: use openai.organization, which this key still sets.");
		assertThat(defs.get("step").get("properties").size()).isEqualTo(16);
		assertThat(keys).hasSize(83);
		assertThat(defs.get("model").get("properties").get("provider").get("examples").valueStream().map(JsonNode::asString))
			.containsExactly("openai", "anthropic", "ollama", "fake");
		assertThat(defs.get("model").get("properties").get("timeout").get("default").asString()).isEqualTo("60s");
	}

	@Test
	void schemaAcceptsTheDemoApplicationYamlAndRejectsItsTypos() throws IOException {
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(this.generator.generate());

		assertThat(schema.validate(yaml(Path.of("../demo-app/src/main/resources/application.yml")))).isEmpty();
		List<Error> errors = schema.validate(yaml(Path.of("src/test/resources/binding/typos.yml")));
		assertThat(errors).extracting(Error::getProperty)
			.contains("temprature", "base-ulr", "max-atempts", "stpes", "promt", "fallback", "defualt", "session-key");
	}

	private static JsonNode yaml(Path path) throws IOException {
		Object document = new Yaml().load(Files.readString(path));
		return JsonMapper.shared().valueToTree(document);
	}

}
