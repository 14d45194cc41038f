package dev.lcel.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} names every property: each entry of the configuration metadata,
 * and each key of a model and of a chain's parts as the generated schema lists them.
 */
class ConfigurationDocsTests {

	@Test
	void everyPropertyIsInTheConfigurationReference() throws IOException {
		String docs = Files.readString(Path.of("../docs/configuration.md"));
		JsonNode metadata = JsonMapper.shared()
			.readTree(Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json")));
		List<String> missing = new ArrayList<>();
		metadata.get("properties").forEach((property) -> {
			String name = property.get("name").asString();
			if (!docs.contains("`" + name + "`") && !docs.contains("`" + name + "` (")) {
				missing.add(name);
			}
		});
		JsonNode defs = JsonMapper.shared().readTree(Files.readString(Path.of("../docs/lcel-chains.schema.json"))).get("$defs");
		for (Map.Entry<String, JsonNode> def : defs.properties()) {
			for (String key : def.getValue().get("properties").propertyNames()) {
				if (!docs.contains("." + key + "`")) {
					missing.add(def.getKey() + "." + key);
				}
			}
		}
		assertThat(missing).as("properties missing from docs/configuration.md").isEmpty();
	}

}
