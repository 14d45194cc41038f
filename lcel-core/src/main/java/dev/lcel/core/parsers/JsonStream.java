package dev.lcel.core.parsers;

import java.util.List;

import dev.lcel.core.json.JsonPatchOp;

/**
 * The state of one run of a {@link JsonOutputParser} over streamed text: the fence filter, the
 * incremental parser, the text so far (for error messages) and what was last emitted.
 */
final class JsonStream {

	private final boolean diff;

	private final MarkdownFence fence = new MarkdownFence();

	private final PartialJsonParser parser = new PartialJsonParser();

	private final StringBuilder text = new StringBuilder();

	private final StringBuilder json = new StringBuilder();

	private long emittedVersion = -1;

	private Object emitted = PartialJsonParser.NONE;

	JsonStream(boolean diff) {
		this.diff = diff;
	}

	/**
	 * Parse the next piece of text and return what to emit: the value so far (or the patch to it in
	 * diff mode) if it changed, else {@code null}.
	 */
	Object accept(String chunk) {
		this.text.append(chunk);
		this.json.setLength(0);
		this.fence.feed(chunk, this.json);
		this.parser.feed(this.json);
		return emission();
	}

	/**
	 * End the text and return what is left to emit, or {@code null}.
	 * @throws OutputParserException if the text is not one complete JSON value
	 */
	Object finish() {
		this.json.setLength(0);
		this.fence.finish(this.json);
		this.parser.feed(this.json);
		Object value = this.parser.finish();
		if (this.parser.error() != null) {
			throw new OutputParserException("Invalid JSON output: " + this.parser.error() + "; the text was: "
					+ abbreviate(this.text), this.text.toString());
		}
		return (value != null) ? emission() : null;
	}

	/** Return the text fed so far. */
	String text() {
		return this.text.toString();
	}

	/** Return the complete value after {@link #finish()}. */
	Object value() {
		return this.parser.snapshot();
	}

	private Object emission() {
		if (this.parser.error() != null || this.parser.version() == this.emittedVersion) {
			return null;
		}
		Object snapshot = this.parser.snapshot();
		if (snapshot == PartialJsonParser.NONE || snapshot == null) {
			return null;
		}
		this.emittedVersion = this.parser.version();
		Object previous = this.emitted;
		this.emitted = snapshot;
		if (!this.diff) {
			return snapshot;
		}
		List<JsonPatchOp> ops = JsonDiff.diff(previous, snapshot);
		return ops.isEmpty() ? null : ops;
	}

	private static String abbreviate(CharSequence text) {
		return (text.length() <= 500) ? text.toString() : text.subSequence(0, 500) + "... (" + text.length() + " chars)";
	}

}
