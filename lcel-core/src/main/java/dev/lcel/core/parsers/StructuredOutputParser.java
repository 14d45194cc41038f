package dev.lcel.core.parsers;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.ToolCallChunk;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.runnable.AbstractTransformingRunnable;
import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.schema.SchemaValidator;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.RunType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses a model's JSON answer into a typed value checked against a JSON Schema, and while the
 * answer streams emits that value as it fills in: what
 * {@link ChatModel#withStructuredOutput(Class)} is built on.
 *
 * <pre class="code">
 * record Person(String name, int age, List&lt;String&gt; skills) { }
 * model.pipe(StructuredOutputParser.of(Person.class)).astream("...")
 * // Person[name=null, age=0, skills=null], Person[name=Ad, ...], Person[name=Ada, age=36, skills=[]], ...
 * </pre>
 *
 * <p><b>Types.</b> {@link #of(Class)} parses into a record or a bean (its JSON Schema generated
 * from the type, with descriptions from {@code @JsonPropertyDescription}); {@link #of(JsonNode)}
 * into a {@code Map} checked against the given schema. Property names are the Java component or
 * field names.
 *
 * <p><b>Streaming.</b> Each input chunk that changes the JSON parsed so far emits the value so far:
 * properties not yet seen are {@code null} (primitives zero), a string still being written grows,
 * arrays grow; a value that is not yet complete and does not bind (half an enum constant) is
 * {@code null}. Partial values are not validated. When the input ends the whole value is validated
 * and bound, and emitted if it differs from the last partial one: the last emission is what
 * {@code invoke} returns. Cost: the JSON is parsed incrementally and each snapshot rebinds only the
 * part still being written (see {@link JsonOutputParser}), so the whole stream costs about what
 * parsing once does; lists and maps in emitted values are immutable.
 *
 * <p><b>Input</b> is text or messages; a Markdown fence around the JSON is ignored. A parser
 * {@link #fromToolCall() from a tool call} reads the arguments of the first tool call instead.
 *
 * <p><b>Errors</b> are never a {@code null} value: text that is not one JSON value, a value that
 * breaks the schema, or an answer without the expected tool call fail with an
 * {@link OutputParserException} carrying the raw text and, for a schema violation, each
 * validation error with its path. Thread-safe: each run has its own state.
 *
 * @param <T> the type parsed into
 */
public final class StructuredOutputParser<T> extends AbstractTransformingRunnable<Object, T> {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JavaType type;

	private final ObjectNode schema;

	private final SchemaValidator validator;

	private final String title;

	private final boolean fromToolCall;

	private StructuredOutputParser(JavaType type, ObjectNode schema, String title, boolean fromToolCall) {
		this.type = type;
		this.schema = schema;
		this.validator = SchemaValidator.of(schema);
		this.title = title;
		this.fromToolCall = fromToolCall;
	}

	/**
	 * Return a parser into a record or bean type, validating against the type's JSON Schema.
	 * @param <T> the type
	 * @param type the type
	 * @return the parser
	 */
	public static <T> StructuredOutputParser<T> of(Class<T> type) {
		Objects.requireNonNull(type, "type must not be null");
		return of((Type) type);
	}

	/**
	 * Return a parser into a generic type, validating against the type's JSON Schema.
	 * @param <T> the type
	 * @param type the type, such as a parameterized record
	 * @return the parser
	 */
	public static <T> StructuredOutputParser<T> of(Type type) {
		Objects.requireNonNull(type, "type must not be null");
		ObjectNode schema = JsonSchemas.of(type);
		JavaType javaType = PartialBinder.typeOf(type);
		return new StructuredOutputParser<>(javaType, schema, javaType.getRawClass().getSimpleName(), false);
	}

	/**
	 * Return a parser into maps (and lists and scalars within) that validates against a schema.
	 * @param schema a JSON Schema, typically of an object
	 * @return the parser
	 * @throws IllegalArgumentException if the schema is not a valid JSON Schema
	 */
	public static StructuredOutputParser<Map<String, Object>> of(JsonNode schema) {
		Objects.requireNonNull(schema, "schema must not be null");
		List<String> errors = SchemaValidator.checkSchema(schema);
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException("Invalid JSON Schema: " + String.join("; ", errors));
		}
		String title = schema.path("title").asString("output");
		return new StructuredOutputParser<>(PartialBinder.typeOf(Object.class), ((ObjectNode) schema).deepCopy(), title,
				false);
	}

	/**
	 * Return this parser reading the arguments of the model's first tool call instead of its text,
	 * as a model asked to call a tool whose parameters are the schema writes them.
	 * @return the parser
	 */
	public StructuredOutputParser<T> fromToolCall() {
		return new StructuredOutputParser<>(this.type, this.schema, this.title, true);
	}

	/**
	 * Return the JSON Schema values are checked against.
	 * @return a copy of the schema
	 */
	public ObjectNode schema() {
		return this.schema.deepCopy();
	}

	/**
	 * Return the schema's title: the type's simple name, or a given schema's {@code title}
	 * ({@code output} when it has none).
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

	/**
	 * Return instructions for a prompt that make a model answer with JSON this parser reads.
	 * @return the instructions
	 */
	public String getFormatInstructions() {
		ObjectNode shown = this.schema.deepCopy();
		shown.remove("$schema");
		return "Answer with only a JSON value that conforms to this JSON Schema, with no other text:\n```json\n"
				+ shown.toPrettyString() + "\n```";
	}

	@Override
	protected boolean mayBlock() {
		return false;
	}

	@Override
	protected T doInvoke(Object input, RunManager run) {
		JsonStream stream = new JsonStream(false);
		stream.accept(wholeText(input));
		return complete(stream, new PartialBinder(this.type));
	}

	@Override
	protected Flux<T> doTransform(Flux<Object> input, RunManager run) {
		return Flux.defer(() -> {
			JsonStream stream = new JsonStream(false);
			PartialBinder binder = new PartialBinder(this.type);
			Object[] last = { null };
			Flux<T> partials = input.handle((chunk, sink) -> {
				String piece = piece(chunk);
				Object snapshot = piece.isEmpty() ? null : stream.accept(piece);
				if (snapshot != null) {
					T partial = partial(binder, snapshot);
					if (partial != null) {
						last[0] = partial;
						sink.next(partial);
					}
				}
			});
			return partials.concatWith(Mono.fromCallable(() -> complete(stream, binder))
				.filter((value) -> !value.equals(last[0])));
		});
	}

	@SuppressWarnings("unchecked")
	private T partial(PartialBinder binder, Object snapshot) {
		try {
			return (T) binder.bind(snapshot, true);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private T complete(JsonStream stream, PartialBinder binder) {
		if (this.fromToolCall && stream.text().isEmpty()) {
			throw new OutputParserException("The model answered without calling the tool '" + this.title + "'", "",
					List.of("/: no tool call, a call of '" + this.title + "' expected"));
		}
		stream.finish();
		String text = stream.text();
		Object value = stream.value();
		JsonNode tree = JSON.valueToTree(value);
		List<String> errors = this.validator.validate(tree);
		if (!errors.isEmpty()) {
			throw new OutputParserException("The model's JSON does not match the schema of " + this.title + ": "
					+ String.join("; ", errors) + "; the text was: " + abbreviate(text), text, errors);
		}
		try {
			Object bound = binder.bind(value, false);
			if (bound == null) {
				throw new OutputParserException("The model's JSON is null, but a " + this.title + " was expected", text,
						List.of("/: null found, " + this.title + " expected"));
			}
			return (T) bound;
		}
		catch (IllegalArgumentException ex) {
			throw new OutputParserException("The model's JSON does not fit " + this.title + ": " + ex.getMessage()
					+ "; the text was: " + abbreviate(text), text, List.of("/: " + ex.getMessage()));
		}
	}

	/** The text of one input chunk: its content, or its first tool call's argument fragment. */
	private String piece(Object chunk) {
		if (!this.fromToolCall) {
			return ParserInput.text(chunk, this);
		}
		if (chunk instanceof AIMessageChunk message) {
			StringBuilder args = new StringBuilder();
			for (ToolCallChunk call : message.toolCallChunks()) {
				Integer index = call.index();
				if ((index == null || index == 0) && call.args() != null) {
					args.append(call.args());
				}
			}
			return args.toString();
		}
		return wholeText(chunk);
	}

	/** The text of a whole answer: its content, or its first tool call's arguments as JSON. */
	private String wholeText(Object input) {
		if (!this.fromToolCall || input instanceof CharSequence) {
			return ParserInput.text(input, this);
		}
		if (input instanceof AIMessageChunk chunk && !chunk.toolCallChunks().isEmpty()) {
			return piece(chunk);
		}
		if (input instanceof AIMessage message) {
			if (message.toolCalls().isEmpty()) {
				throw new OutputParserException("The model answered without calling the tool '" + this.title
						+ "'; its text was: " + abbreviate(message.content()), message.content(),
						List.of("/: no tool call, a call of '" + this.title + "' expected"));
			}
			return JSON.writeValueAsString(message.toolCalls().get(0).args());
		}
		return ParserInput.text(input, this);
	}

	private static String abbreviate(String text) {
		return (text.length() <= 500) ? text : text.substring(0, 500) + "... (" + text.length() + " chars)";
	}

	@Override
	public ObjectNode outputSchema() {
		return this.schema.deepCopy();
	}

	@Override
	public String getName() {
		return "StructuredOutputParser<" + this.title + ">";
	}

	@Override
	public RunType runType() {
		return RunType.PARSER;
	}

}
