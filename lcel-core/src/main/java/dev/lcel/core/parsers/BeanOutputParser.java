package dev.lcel.core.parsers;

import java.util.Objects;

import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.RunType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses a model's JSON answer into a Java record or class, and tells the model what JSON to write.
 *
 * <pre class="code">
 * record Country(String name, long population) { }
 * BeanOutputParser&lt;Country&gt; parser = BeanOutputParser.of(Country.class);
 * String instructions = parser.getFormatInstructions(); // put this in the prompt
 * Country country = parser.invoke(modelAnswer);
 * </pre>
 *
 * <p>The JSON is read as {@link JsonOutputParser} reads it (a Markdown code fence is ignored) and
 * then bound to the type with Jackson. Text that is not JSON, or JSON that does not fit the type,
 * fails with an {@link OutputParserException} naming the type and carrying the text. It does not
 * stream: in a streaming chain it receives the whole answer. Thread-safe.
 *
 * @param <T> the type parsed into
 */
public final class BeanOutputParser<T> extends AbstractRunnable<Object, T> {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Class<T> type;

	private final JsonOutputParser json = new JsonOutputParser();

	private BeanOutputParser(Class<T> type) {
		this.type = Objects.requireNonNull(type, "type must not be null");
	}

	/**
	 * Return a parser into the given type.
	 * @param <T> the type
	 * @param type a record or a class that Jackson can bind JSON to
	 * @return the parser
	 */
	public static <T> BeanOutputParser<T> of(Class<T> type) {
		return new BeanOutputParser<>(type);
	}

	/**
	 * Return instructions for a prompt that make a model answer with JSON of this parser's type:
	 * the type's JSON Schema and a request for JSON only.
	 * @return the instructions
	 */
	public String getFormatInstructions() {
		return "Your answer must be a JSON value that conforms to this JSON Schema, with no other text:\n```json\n"
				+ JsonSchemas.of(this.type).toPrettyString() + "\n```";
	}

	@Override
	protected boolean mayBlock() {
		return false;
	}

	@Override
	protected T doInvoke(Object input, RunManager run) {
		String text = ParserInput.text(input, this);
		Object value = this.json.parse(text);
		try {
			return JSON.convertValue(value, this.type);
		}
		catch (JacksonException ex) {
			throw new OutputParserException("The model's JSON does not fit " + this.type.getSimpleName() + ": "
					+ ex.getOriginalMessage() + "; the text was: " + text, text, ex);
		}
	}

	@Override
	public ObjectNode outputSchema() {
		return JsonSchemas.of(this.type);
	}

	@Override
	public String getName() {
		return "BeanOutputParser<" + this.type.getSimpleName() + ">";
	}

	@Override
	public RunType runType() {
		return RunType.PARSER;
	}

}
