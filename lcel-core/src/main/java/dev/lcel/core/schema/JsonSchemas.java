package dev.lcel.core.schema;

import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.RunnableConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON Schemas (draft 2020-12) that runnables report for their input, output and
 * config: from Java types with the victools generator, and by composing other schemas.
 *
 * <p>Every method returns a new {@link ObjectNode} that the caller may modify.
 */
public final class JsonSchemas {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final SchemaGenerator GENERATOR = new SchemaGenerator(
			new SchemaGeneratorConfigBuilder(JsonMapper.shared(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
				.without(Option.SCHEMA_VERSION_INDICATOR)
				.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
				.with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
				.with(JsonSchemas::everyFieldRequired)
				.with(JsonSchemas::describedByAnnotations)
				.build());

	private static final Map<Type, ObjectNode> GENERATED = new ConcurrentHashMap<>();

	private static final ObjectNode CONFIG = configSchema();

	private JsonSchemas() {
	}

	/**
	 * Make every field of a generated object required, but {@code Optional}s: as a record's
	 * components are, and as LangChain's schemas mark fields without defaults.
	 */
	private static void everyFieldRequired(SchemaGeneratorConfigBuilder builder) {
		builder.forFields().withRequiredCheck((field) -> !field.getType().isInstanceOf(java.util.Optional.class));
	}

	/**
	 * Take descriptions from Jackson's annotations: {@code @JsonPropertyDescription} on a field or
	 * record component, {@code @JsonClassDescription} on a type. A model reads them as what to
	 * write in each field.
	 */
	private static void describedByAnnotations(SchemaGeneratorConfigBuilder builder) {
		builder.forFields().withDescriptionResolver((field) -> {
			JsonPropertyDescription description = field.getAnnotationConsideringFieldAndGetter(JsonPropertyDescription.class);
			return (description != null) ? description.value() : null;
		});
		builder.forTypesInGeneral().withDescriptionResolver((scope) -> {
			JsonClassDescription description = scope.getType().getErasedType().getAnnotation(JsonClassDescription.class);
			return (description != null) ? description.value() : null;
		});
	}

	/**
	 * Return the schema that accepts anything.
	 * @return {@code {}}
	 */
	public static ObjectNode any() {
		return NODES.objectNode();
	}

	/**
	 * Return the schema of a Java type: a record, a bean, a collection, a primitive or a string.
	 * @param type the type
	 * @return its schema
	 */
	public static ObjectNode of(Type type) {
		return GENERATED.computeIfAbsent(type, GENERATOR::generateSchema).deepCopy();
	}

	/**
	 * Return the schema of an object with the given properties.
	 * @param title the schema's title
	 * @param properties the property schemas, in order
	 * @param required the names of the required properties
	 * @return the schema
	 */
	public static ObjectNode object(String title, Map<String, ObjectNode> properties, Collection<String> required) {
		ObjectNode schema = NODES.objectNode();
		schema.put("title", title);
		schema.put("type", "object");
		ObjectNode props = schema.putObject("properties");
		properties.forEach(props::set);
		if (!required.isEmpty()) {
			ArrayNode names = schema.putArray("required");
			required.forEach(names::add);
		}
		return schema;
	}

	/**
	 * Return the schema of an array of items of the given schema.
	 * @param items the item schema
	 * @return the schema
	 */
	public static ObjectNode arrayOf(ObjectNode items) {
		ObjectNode schema = NODES.objectNode();
		schema.put("type", "array");
		schema.set("items", items);
		return schema;
	}

	/**
	 * Return the schema of a {@link RunnableConfig} as it crosses the wire
	 * (snake_case keys, without callbacks).
	 * @return the schema
	 */
	public static ObjectNode config() {
		return CONFIG.deepCopy();
	}

	/**
	 * Return the schema of a {@link RunnableConfig} whose {@code configurable}
	 * object lists the given values: each with its title, description, type, choices
	 * ({@code enum}) and default, as far as the spec says.
	 * @param specs the values a runnable reads from {@code configurable}
	 * @return the schema; {@link #config()} when there are none
	 */
	public static ObjectNode config(List<ConfigurableFieldSpec> specs) {
		ObjectNode schema = config();
		if (specs.isEmpty()) {
			return schema;
		}
		Map<String, ObjectNode> properties = new LinkedHashMap<>();
		for (ConfigurableFieldSpec spec : specs) {
			properties.put(spec.id(), configurable(spec));
		}
		ObjectNode configurable = object("Configurable", properties, List.of());
		((ObjectNode) schema.get("properties")).set("configurable", configurable);
		return schema;
	}

	private static ObjectNode configurable(ConfigurableFieldSpec spec) {
		ObjectNode property = NODES.objectNode();
		property.put("title", (spec.name() != null) ? spec.name() : spec.id());
		if (spec.description() != null) {
			property.put("description", spec.description());
		}
		if (spec.type() != null) {
			property.put("type", spec.type());
		}
		if (!spec.choices().isEmpty()) {
			ArrayNode choices = property.putArray("enum");
			spec.choices().forEach(choices::add);
		}
		if (spec.defaultValue() != null) {
			property.set("default", JsonMapper.shared().valueToTree(spec.defaultValue()));
		}
		return property;
	}

	/**
	 * Merge object schemas: the union of their properties and required names. When some schema is
	 * not an object schema, return the first schema that says anything instead.
	 * @param schemas the schemas to merge
	 * @return the merged schema
	 */
	public static ObjectNode mergeObjects(List<ObjectNode> schemas) {
		boolean allObjects = !schemas.isEmpty() && schemas.stream().allMatch(JsonSchemas::isObjectSchema);
		if (!allObjects) {
			return schemas.stream().filter((schema) -> !schema.isEmpty()).findFirst().orElseGet(JsonSchemas::any);
		}
		ObjectNode merged = schemas.get(0).deepCopy();
		ObjectNode properties = (ObjectNode) merged.get("properties");
		ArrayNode required = merged.has("required") ? (ArrayNode) merged.get("required") : merged.putArray("required");
		for (ObjectNode schema : schemas.subList(1, schemas.size())) {
			schema.get("properties").properties().forEach((entry) -> {
				if (!properties.has(entry.getKey())) {
					properties.set(entry.getKey(), entry.getValue());
				}
			});
			JsonNode names = schema.get("required");
			if (names != null) {
				names.forEach((name) -> {
					if (!contains(required, name.asString())) {
						required.add(name);
					}
				});
			}
		}
		if (required.isEmpty()) {
			merged.remove("required");
		}
		return merged;
	}

	/**
	 * Return an object schema with the properties of {@code base} (if it is an object schema) and
	 * those of {@code added}.
	 * @param base the schema of the object being extended
	 * @param title the new schema's title
	 * @param added an object schema of the added properties
	 * @return the schema
	 */
	public static ObjectNode withProperties(ObjectNode base, String title, ObjectNode added) {
		Map<String, ObjectNode> properties = new LinkedHashMap<>();
		if (isObjectSchema(base)) {
			base.get("properties").properties().forEach((e) -> properties.put(e.getKey(), (ObjectNode) e.getValue()));
		}
		if (isObjectSchema(added)) {
			added.get("properties").properties().forEach((e) -> properties.put(e.getKey(), (ObjectNode) e.getValue()));
		}
		return object(title, properties, List.of());
	}

	/**
	 * Return the schema of what picking {@code keys} from an object of the given schema gives:
	 * the property's schema for one key, an object of the picked properties for several.
	 * @param schema the object's schema
	 * @param keys the picked keys
	 * @return the schema, {@code {}} where the object's schema does not say
	 */
	public static ObjectNode pick(ObjectNode schema, List<String> keys) {
		JsonNode properties = isObjectSchema(schema) ? schema.get("properties") : NODES.objectNode();
		if (keys.size() == 1) {
			JsonNode property = properties.get(keys.get(0));
			return (property instanceof ObjectNode node) ? node.deepCopy() : any();
		}
		Map<String, ObjectNode> picked = new LinkedHashMap<>();
		for (String key : keys) {
			JsonNode property = properties.get(key);
			picked.put(key, (property instanceof ObjectNode node) ? node.deepCopy() : any());
		}
		return object("RunnablePickOutput", picked, List.of());
	}

	private static boolean isObjectSchema(ObjectNode schema) {
		return "object".equals(schema.path("type").asString(null)) && schema.get("properties") instanceof ObjectNode;
	}

	private static boolean contains(ArrayNode names, String name) {
		for (JsonNode existing : names) {
			if (name.equals(existing.asString())) {
				return true;
			}
		}
		return false;
	}

	private static ObjectNode configSchema() {
		Map<String, ObjectNode> properties = new LinkedHashMap<>();
		properties.put("tags", arrayOf(typed("string")));
		properties.put("metadata", typed("object"));
		properties.put("run_name", typed("string"));
		properties.put("run_id", typed("string").put("format", "uuid"));
		properties.put("max_concurrency", typed("integer").put("minimum", 1));
		properties.put("recursion_limit",
				typed("integer").put("default", RunnableConfig.DEFAULT_RECURSION_LIMIT));
		properties.put("configurable", typed("object"));
		return object("RunnableConfig", properties, List.of());
	}

	private static ObjectNode typed(String type) {
		ObjectNode schema = NODES.objectNode();
		schema.put("type", type);
		return schema;
	}

}
