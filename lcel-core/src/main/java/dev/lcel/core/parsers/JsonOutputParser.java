package dev.lcel.core.parsers;

import dev.lcel.core.json.JsonPatchOp;
import dev.lcel.core.runnable.AbstractTransformingRunnable;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.RunType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Parses a model's JSON output, and while it streams emits the most complete value parsed so far
 * each time that value changes: the way to show a JSON answer as it is written.
 *
 * <pre class="code">
 * model.pipe(new JsonOutputParser()).astream("list three countries as JSON ...")
 * // {} , {countries=[]} , {countries=[{name=Fr}]} , {countries=[{name=France}]} , ...
 * </pre>
 *
 * <p><b>Values</b> are plain Java and immutable: {@code Map<String, Object>} (in document order),
 * {@code List<Object>}, {@code String}, {@code Integer}, {@code Long} or {@code BigInteger} (the
 * smallest that fits, as Jackson's {@code readTree} chooses), {@code Double}, {@code Boolean} and
 * {@code null}; they serialise with any JSON library. A partial value has its open arrays and
 * objects closed and a string still being written cut where it is; an object key appears once its
 * value begins; numbers, {@code true}, {@code false} and {@code null} appear once complete, and so
 * does a document that is a single scalar. Each emitted value is thus a prefix of the final one.
 *
 * <p><b>Input</b> is text or messages (a model's chunks); a Markdown code fence around the JSON
 * ({@code ```json ... ```}), with or without prose before it, is ignored.
 *
 * <p><b>Cost</b> is linear in the length of the text: every character is looked at once and the
 * parse state is kept between chunks, never re-parsing the text so far. Building each emitted
 * value costs its nesting depth plus the length of a string value still being written, and at most
 * one value is emitted per input chunk.
 *
 * <p><b>Diff mode</b> ({@link #diff()}) emits instead, per change, a {@code List} of
 * {@link JsonPatchOp}s (RFC 6902) that turn the previous value into the new one, the first being a
 * {@code replace} of the whole document.
 *
 * <p><b>Errors</b>: text that is not one complete JSON value when the input ends fails the stream
 * (and {@code invoke}) with an {@link OutputParserException} carrying the text; values emitted
 * before then stand. {@code invoke} returns the parsed value, also in diff mode. Thread-safe: each
 * run has its own state.
 */
public final class JsonOutputParser extends AbstractTransformingRunnable<Object, Object> {

	private final boolean diff;

	/**
	 * Create a parser that emits values.
	 */
	public JsonOutputParser() {
		this(false);
	}

	private JsonOutputParser(boolean diff) {
		this.diff = diff;
	}

	/**
	 * Return a parser that emits JSON Patch operations between successive values instead.
	 * @return the parser
	 */
	public static JsonOutputParser diff() {
		return new JsonOutputParser(true);
	}

	/**
	 * Return whether this parser emits patches.
	 * @return {@code true} in diff mode
	 */
	public boolean isDiff() {
		return this.diff;
	}

	/**
	 * Return instructions for a prompt that make a model answer in a form this parser reads.
	 * @return the instructions
	 */
	public String getFormatInstructions() {
		return "Return a JSON object.";
	}

	/**
	 * Parse the whole output.
	 * @param input the text or message
	 * @param config the config of this run
	 * @return the value, possibly {@code null} for a JSON {@code null}
	 * @throws OutputParserException if the text is not one complete JSON value
	 */
	@Override
	protected boolean mayBlock() {
		return false;
	}

	@Override
	protected Object doInvoke(Object input, RunManager run) {
		return parse(input);
	}

	/**
	 * Parse one whole answer, outside any run.
	 */
	Object parse(Object input) {
		JsonStream stream = new JsonStream(false);
		stream.accept(ParserInput.text(input, this));
		stream.finish();
		return stream.value();
	}

	@Override
	protected Flux<Object> doTransform(Flux<Object> input, RunManager run) {
		return Flux.defer(() -> {
			JsonStream stream = new JsonStream(this.diff);
			return input.handle((chunk, sink) -> {
				Object emission = stream.accept(ParserInput.text(chunk, this));
				if (emission != null) {
					sink.next(emission);
				}
			}).concatWith(Mono.fromCallable(stream::finish));
		});
	}

	@Override
	public RunType runType() {
		return RunType.PARSER;
	}

}
