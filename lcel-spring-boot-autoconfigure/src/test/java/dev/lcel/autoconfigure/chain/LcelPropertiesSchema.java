package dev.lcel.autoconfigure.chain;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lcel.autoconfigure.binding.PropertyNode;
import dev.lcel.autoconfigure.model.ModelsProperties;
import dev.lcel.autoconfigure.model.RetryProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.ResolvableType;

/**
 * Writes the JSON Schema of {@code lcel.models} and {@code lcel.chains} in an
 * {@code application.yml} from the property classes: the keys and types from the same
 * {@link PropertyNode}s the strict startup check reads, each key's description from its record
 * component's {@code @param} tag, defaults from an instance bound from no properties, suggested values from the hints of
 * {@code additional-spring-configuration-metadata.json}, and the grammar's rules (one kind per
 * step, {@code steps} or {@code parallel} per chain) from {@link StepKind}.
 */
final class LcelPropertiesSchema {

	static final Path SCHEMA_FILE = Path.of("../docs/lcel-chains.schema.json");

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path METADATA = Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");

	private static final Pattern RECORD = Pattern.compile(
			"/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*(?:public\\s+)?(?:static\\s+)?record\\s+(\\w+)\\s*[(<]",
			Pattern.DOTALL);

	private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+((?:(?!@param|@return|@see).)*)", Pattern.DOTALL);

	private static final String DURATION = "^(-?\\d+(ns|us|ms|s|m|h|d)?|-?P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?)$";

	private final JsonMapper json = JsonMapper.builder().build();

	private final ObjectNode defs = this.json.createObjectNode();

	private final Map<Class<?>, String> defNames = new HashMap<>();

	private final Map<Class<?>, Map<String, String>> javadoc = new HashMap<>();

	private final Map<Class<?>, Object> defaults = new HashMap<>();

	private final Map<String, List<String>> hints = new LinkedHashMap<>();

	LcelPropertiesSchema() {
		for (JsonNode hint : readTree(METADATA).path("hints")) {
			this.hints.put(hint.path("name").asString(),
					hint.path("values").valueStream().map((value) -> value.path("value").asString()).toList());
		}
	}

	/** The schema of an {@code application.yml}: what it says of lcel's models and chains. */
	ObjectNode generate() {
		ObjectNode root = this.json.createObjectNode();
		root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		root.put("title", "lcel.models and lcel.chains in application.yml");
		root.put("description", "Generated from the lcel-spring-boot-autoconfigure property classes. Point your editor's "
				+ "YAML support at this file for application.yml (or application-*.yml) to complete and check the "
				+ "models and chains; other keys are left to Spring Boot's own metadata.");
		root.put("type", "object");
		ObjectNode lcel = root.putObject("properties").putObject("lcel");
		lcel.put("type", "object");
		ObjectNode properties = lcel.putObject("properties");
		PropertyNode models = PropertyNode.of(ModelsProperties.class);
		properties.set("models", property(ModelsProperties.class, models, "models", "lcel.models"));
		properties.set("default-model", property(ModelsProperties.class, models, "default-model", "lcel.default-model"));
		PropertyNode chains = PropertyNode.of(ChainsProperties.class);
		properties.set("chains", property(ChainsProperties.class, chains, "chains", "lcel.chains"));
		root.set("$defs", this.defs);
		return root;
	}

	/** The schema as it reads back from its file: numbers as Jackson reads them. */
	JsonNode normalized(ObjectNode schema) {
		return this.json.readTree(write(schema));
	}

	String write(ObjectNode schema) {
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
	}

	JsonNode readTree(Path path) {
		try {
			return this.json.readTree(Files.readString(path));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ObjectNode property(Class<?> owner, PropertyNode parent, String key, String path) {
		PropertyNode node = parent.children().get(key);
		Object defaultValue = defaultValue(owner, parent.fieldName(key));
		ObjectNode schema = schema(node, path);
		String replacement = parent.replacement(key);
		String description = (replacement != null) ? "Deprecated: use " + replacement + ", which this key still sets."
				: description(owner, parent.fieldName(key));
		if (description != null) {
			schema.put("description", description);
		}
		if (replacement != null) {
			schema.put("deprecated", true);
		}
		if (defaultValue instanceof Number number) {
			schema.put("default", number.longValue());
		}
		else if (defaultValue instanceof Boolean flag) {
			schema.put("default", flag);
		}
		else if (defaultValue instanceof Duration duration) {
			schema.put("default", (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms");
		}
		else if (defaultValue instanceof String text) {
			schema.put("default", text);
		}
		List<String> examples = this.hints.get(path);
		if (examples != null && !examples.isEmpty()) {
			ArrayNode values = schema.putArray("examples");
			examples.forEach(values::add);
		}
		return schema;
	}

	private ObjectNode schema(PropertyNode node, String path) {
		ObjectNode schema = this.json.createObjectNode();
		switch (node.kind()) {
			case ANY -> {
			}
			case VALUE -> value(schema, ResolvableType.forType(node.type()).resolve(Object.class));
			case MAP -> {
				schema.put("type", "object");
				schema.set("additionalProperties", schema(node.element(), path + ".values"));
			}
			case LIST -> {
				if (node.element().kind() == PropertyNode.Kind.VALUE) {
					schema.putArray("type").add("array").add("string");
				}
				else {
					schema.put("type", "array");
				}
				schema.set("items", schema(node.element(), path));
			}
			case OBJECT -> {
				String ref = "#/$defs/" + definition(node, path);
				if (node.valueAllowed()) {
					ArrayNode oneOf = schema.putArray("oneOf");
					oneOf.addObject().putArray("type").add("string").add("null");
					oneOf.addObject().put("$ref", ref);
				}
				else {
					schema.put("$ref", ref);
				}
			}
		}
		return schema;
	}

	private static void value(ObjectNode schema, Class<?> type) {
		if (type == String.class) {
			schema.put("type", "string");
		}
		else if (type == Boolean.class || type == boolean.class) {
			schema.put("type", "boolean");
		}
		else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			schema.put("type", "integer");
		}
		else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			schema.put("type", "number");
		}
		else if (type == Duration.class) {
			schema.putArray("type").add("string").add("integer");
			schema.put("pattern", DURATION);
		}
	}

	private String definition(PropertyNode node, String path) {
		Class<?> type = ResolvableType.forType(node.type()).resolve(Object.class);
		String known = this.defNames.get(type);
		if (known != null) {
			return known;
		}
		String name = dashed(type.getSimpleName().replaceAll("(Properties|Definition)$", ""));
		if (this.defs.has(name)) {
			name = dashed(type.getSimpleName());
		}
		this.defNames.put(type, name);
		ObjectNode def = this.defs.putObject(name);
		def.put("type", "object");
		ObjectNode properties = def.putObject("properties");
		for (String key : node.children().keySet()) {
			properties.set(key, property(type, node, key, path + "." + key));
		}
		def.put("additionalProperties", false);
		grammar(type, def);
		return name;
	}

	/** The rules of the grammar that the Java types do not say. */
	private void grammar(Class<?> type, ObjectNode def) {
		ObjectNode properties = (ObjectNode) def.get("properties");
		if (type == ChainDefinition.class) {
			oneOfRequired(def, List.of(List.of("steps"), List.of("parallel")));
			((ObjectNode) properties.get("steps")).put("minItems", 1);
		}
		else if (type == StepDefinition.class) {
			oneOfRequired(def, StepKind.keys().stream().map(List::of).toList());
			ObjectNode passthrough = (ObjectNode) properties.get("passthrough");
			passthrough.remove("type");
			passthrough.put("const", true);
			((ObjectNode) properties.get("pick")).put("minItems", 1);
			ObjectNode entry = (ObjectNode) properties.get("messages").get("items");
			entry.put("minProperties", 1);
			entry.put("maxProperties", 1);
			ArrayNode roles = entry.putObject("propertyNames").putArray("enum");
			MessagesStep.ROLES.forEach(roles::add);
		}
		else if (type == BranchDefinition.class) {
			def.putArray("required").add("cases").add("otherwise");
			((ObjectNode) properties.get("cases")).put("minItems", 1);
			((ObjectNode) properties.get("otherwise")).put("minItems", 1);
		}
		else if (type == BranchDefinition.Case.class) {
			oneOfRequired(def, List.of(List.of("when", "then"), List.of("predicate", "then")));
			((ObjectNode) properties.get("then")).put("minItems", 1);
		}
		else if (type == RetryProperties.class) {
			((ObjectNode) properties.get("max-attempts")).put("minimum", 1);
		}
		else if (type == HistoryDefinition.class) {
			((ObjectNode) properties.get("max-messages")).put("minimum", 0);
		}
	}

	private static String dashed(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static void oneOfRequired(ObjectNode def, List<List<String>> alternatives) {
		ArrayNode oneOf = def.putArray("oneOf");
		for (List<String> required : alternatives) {
			ArrayNode keys = oneOf.addObject().putArray("required");
			required.forEach(keys::add);
		}
	}

	private String description(Class<?> owner, String component) {
		return this.javadoc.computeIfAbsent(owner, LcelPropertiesSchema::componentJavadoc).get(component);
	}

	/**
	 * A component's default: its value in the instance its owner has by default, which is the one
	 * bound from no properties unless the owner is a group whose parent sets its defaults.
	 */
	private Object defaultValue(Class<?> owner, String component) {
		Object defaults = this.defaults.computeIfAbsent(owner,
				(type) -> new Binder(new MapConfigurationPropertySource()).bindOrCreate("defaults", type));
		for (RecordComponent candidate : owner.getRecordComponents()) {
			if (candidate.getName().equals(component)) {
				Object value = invoke(candidate, defaults);
				if (value != null && value.getClass().isRecord()) {
					this.defaults.putIfAbsent(value.getClass(), value);
				}
				return value;
			}
		}
		throw new IllegalStateException(owner.getName() + " has no component " + component);
	}

	private static Object invoke(RecordComponent component, Object instance) {
		try {
			return component.getAccessor().invoke(instance);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The {@code @param} tags of a record's javadoc, read from its source file, each as one line. */
	private static Map<String, String> componentJavadoc(Class<?> type) {
		Class<?> top = type.getNestHost();
		Path source = SOURCES.resolve(top.getName().replace('.', '/') + ".java");
		Map<String, String> components = new HashMap<>();
		try {
			Matcher record = RECORD.matcher(Files.readString(source));
			while (record.find()) {
				if (record.group(2).equals(type.getSimpleName())) {
					Matcher param = PARAM.matcher(record.group(1));
					while (param.find()) {
						components.put(param.group(1), param.group(2).replaceAll("\\s*\\n\\s*\\*\\s?", " ").strip());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("No source for " + type.getName() + " at " + source, ex);
		}
		return components;
	}

}
