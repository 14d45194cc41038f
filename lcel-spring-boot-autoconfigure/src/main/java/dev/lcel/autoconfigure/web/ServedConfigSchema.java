package dev.lcel.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.wire.ConfigCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The config schema a client is shown: the chain's, with only the keys the server accepts from
 * clients ({@code lcel.server.config-keys}), so that a client is never told of a key that is
 * dropped.
 */
final class ServedConfigSchema {

	private ServedConfigSchema() {
	}

	/**
	 * Return the config schema of a chain as served.
	 * @param chain the chain
	 * @param configKeys the config keys clients may set
	 * @return a new schema object
	 */
	static ObjectNode of(Runnable<?, ?> chain, List<String> configKeys) {
		ObjectNode schema = chain.configSchema();
		Set<String> accepted = ConfigCodec.canonical(configKeys);
		if (schema.get("properties") instanceof ObjectNode properties) {
			List<String> dropped = new ArrayList<>();
			properties.propertyNames().forEach((key) -> {
				if (!accepted.contains(key)) {
					dropped.add(key);
				}
			});
			dropped.forEach(properties::remove);
			if (schema.get("required") instanceof ArrayNode required) {
				for (int i = required.size() - 1; i >= 0; i--) {
					JsonNode key = required.get(i);
					if (!properties.has(key.asString())) {
						required.remove(i);
					}
				}
				if (required.isEmpty()) {
					schema.remove("required");
				}
			}
		}
		return schema;
	}

}
