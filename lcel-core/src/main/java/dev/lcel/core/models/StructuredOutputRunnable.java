package dev.lcel.core.models;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.messages.MessageSchemas;
import dev.lcel.core.parsers.OutputParserException;
import dev.lcel.core.parsers.StructuredOutputParser;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat model that answers with a typed value: what {@link ChatModel#withStructuredOutput(Class)}
 * returns. It takes a chat model's input (a string, a prompt value or messages), asks the model for
 * JSON of the type's schema in the model's native mode ({@link ChatModel#defaultStructuredOutputMethod()},
 * or the one chosen with {@link #withMethod}), and parses the answer with a
 * {@link StructuredOutputParser}.
 *
 * <pre class="code">
 * record Person(String name, int age, List&lt;String&gt; skills) { }
 * Runnable&lt;Object, Person&gt; extract = model.withStructuredOutput(Person.class);
 * Person person = extract.invoke("Ada, 36, writes compilers and poems");
 * extract.astream("...") // Person[name=Ad, age=0, skills=null], Person[name=Ada, age=36, skills=[]], ...
 * </pre>
 *
 * <p><b>Streaming</b> emits the value as it fills in (see {@link StructuredOutputParser}); the
 * last emission equals what {@code invoke} returns.
 *
 * <p><b>Failures</b> are loud: an answer that is not JSON of the schema fails with an
 * {@link OutputParserException} carrying the raw text and the validation errors, never a
 * {@code null}. {@link #withRetries} sends the error back to the model and asks again, at most
 * {@value #MAX_RETRIES} times; a retried stream starts its value again. {@link #includeRaw()}
 * returns the raw message beside the value or the error instead of failing. Errors of the model
 * itself (HTTP, rate limits) are not retried here: use {@code withRetry}.
 *
 * <p>Each call is a run whose children are the model's and the parser's runs. Immutable and
 * thread-safe.
 *
 * @param <T> the type of the answer
 */
public final class StructuredOutputRunnable<T> extends AbstractRunnable<Object, T> {

	/** The most retries {@link #withRetries} accepts. */
	public static final int MAX_RETRIES = 5;

	private final ChatModel model;

	private final StructuredOutputParser<T> parser;

	private final StructuredOutputMethod method;

	private final int maxRetries;

	private final StructuredAttempts<T> attempts;

	StructuredOutputRunnable(ChatModel model, StructuredOutputParser<T> parser, StructuredOutputMethod method,
			int maxRetries) {
		this.model = model;
		this.parser = parser;
		this.method = Objects.requireNonNull(method, "method must not be null");
		this.maxRetries = maxRetries;
		ChatOptions options = model.structuredOutputOptions(method, tool(parser));
		boolean instructed = (method == StructuredOutputMethod.JSON_MODE || method == StructuredOutputMethod.INSTRUCTIONS);
		StructuredOutputParser<T> reader = (method == StructuredOutputMethod.TOOL_CALLING) ? parser.fromToolCall() : parser;
		this.attempts = new StructuredAttempts<>(model.bind(options), reader,
				instructed ? parser.getFormatInstructions() : null, maxRetries);
	}

	/**
	 * Return the tool (or schema name) a model is asked for: the schema's title as a name a
	 * provider accepts, its description, and the schema.
	 */
	static ToolDefinition tool(StructuredOutputParser<?> parser) {
		ObjectNode schema = parser.schema();
		schema.remove("$schema");
		String name = parser.title().replaceAll("[^A-Za-z0-9_-]", "_");
		String description = schema.path("description").asString("The answer, as " + parser.title());
		return new ToolDefinition(name.isEmpty() ? "output" : name.substring(0, Math.min(64, name.length())), description,
				schema);
	}

	/**
	 * Return this runnable asking the model in another way.
	 * @param method the method
	 * @return the runnable
	 * @throws IllegalArgumentException if the model's provider does not support the method
	 */
	public StructuredOutputRunnable<T> withMethod(StructuredOutputMethod method) {
		return new StructuredOutputRunnable<>(this.model, this.parser, method, this.maxRetries);
	}

	/**
	 * Return this runnable sending a parsing failure back to the model and asking again, at most
	 * {@code maxRetries} times.
	 * @param maxRetries the most retries, from 0 to {@value #MAX_RETRIES}
	 * @return the runnable
	 * @throws IllegalArgumentException if {@code maxRetries} is out of range
	 */
	public StructuredOutputRunnable<T> withRetries(int maxRetries) {
		if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
			throw new IllegalArgumentException(
					"maxRetries must be between 0 and " + MAX_RETRIES + ", but was " + maxRetries);
		}
		return new StructuredOutputRunnable<>(this.model, this.parser, this.method, maxRetries);
	}

	/**
	 * Return a runnable that answers with the raw message beside the parsed value, and with the
	 * parsing error instead of failing, as LangChain's {@code include_raw}. It does not stream
	 * partial values: it emits its one result.
	 * @return the runnable
	 */
	public Runnable<Object, StructuredResult<T>> includeRaw() {
		return new StructuredOutputWithRaw<>(this.attempts, getName(), this.parser.outputSchema(),
				this.model.inputSchema());
	}

	/**
	 * Return how this runnable asks the model.
	 * @return the method
	 */
	public StructuredOutputMethod method() {
		return this.method;
	}

	/**
	 * Return the most retries after a parsing failure.
	 * @return the retries, 0 for none
	 */
	public int maxRetries() {
		return this.maxRetries;
	}

	@Override
	protected T doInvoke(Object input, RunManager run) {
		return await(doAinvoke(input, run));
	}

	@Override
	protected Mono<T> doAinvoke(Object input, RunManager run) {
		return Mono.defer(() -> this.attempts.invoke(this.attempts.messages(input), 1, run)).flatMap((result) -> {
			if (result.parsingError() != null) {
				return Mono.error(result.parsingError());
			}
			return Mono.just(result.parsed());
		});
	}

	@Override
	protected Flux<T> doStream(Object input, RunManager run) {
		return Flux.defer(() -> this.attempts.stream(this.attempts.messages(input), 1, run));
	}

	@Override
	public ObjectNode inputSchema() {
		return this.model.inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return this.parser.outputSchema();
	}

	@Override
	public String getName() {
		return "StructuredOutput<" + this.parser.title() + ">";
	}

	/** The runnable that {@link #includeRaw()} returns. */
	private static final class StructuredOutputWithRaw<T> extends AbstractRunnable<Object, StructuredResult<T>> {

		private final StructuredAttempts<T> attempts;

		private final String name;

		private final ObjectNode parsedSchema;

		private final ObjectNode inputSchema;

		StructuredOutputWithRaw(StructuredAttempts<T> attempts, String name, ObjectNode parsedSchema,
				ObjectNode inputSchema) {
			this.attempts = attempts;
			this.name = name;
			this.parsedSchema = parsedSchema;
			this.inputSchema = inputSchema;
		}

		@Override
		protected StructuredResult<T> doInvoke(Object input, RunManager run) {
			return await(doAinvoke(input, run));
		}

		@Override
		protected Mono<StructuredResult<T>> doAinvoke(Object input, RunManager run) {
			return Mono.defer(() -> this.attempts.invoke(this.attempts.messages(input), 1, run));
		}

		@Override
		public ObjectNode inputSchema() {
			return this.inputSchema.deepCopy();
		}

		@Override
		public ObjectNode outputSchema() {
			return JsonSchemas.object(this.name + "WithRaw",
					Map.of("raw", MessageSchemas.aiMessage(), "parsed", this.parsedSchema.deepCopy(),
							"parsing_error", JsonSchemas.any()),
					List.of("raw"));
		}

		@Override
		public String getName() {
			return this.name;
		}

	}

}
