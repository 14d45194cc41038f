package dev.lcel.core.parsers;

/**
 * Strips a Markdown code fence from streamed text: passes on what is between {@code ```json} (or a
 * bare {@code ```}) and the closing {@code ```}, and text that starts like JSON unchanged.
 *
 * <p>Text that starts with neither JSON nor a fence (prose before a fenced block) is held until a
 * fence appears; if none does, {@link #finish} passes it on whole so that the JSON parser can judge
 * it. Inside the block, backticks within JSON strings are text (unlike LangChain, where
 * {@code ```} in a string ends the block). Not thread-safe.
 */
final class MarkdownFence {

	private enum State {

		START, PASS, PROSE, TAG, BODY, DONE

	}

	private State state = State.START;

	private final StringBuilder prose = new StringBuilder();

	private int ticks;

	private boolean inString;

	private boolean escaped;

	/** Append the JSON text within {@code text} to {@code out}. */
	void feed(CharSequence text, StringBuilder out) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (this.state) {
				case START -> {
					if (Character.isWhitespace(c)) {
						continue;
					}
					if (c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9')) {
						this.state = State.PASS;
						out.append(c);
					}
					else {
						this.state = State.PROSE;
						prose(c);
					}
				}
				case PASS -> out.append(c);
				case PROSE -> prose(c);
				case TAG -> {
					if (Character.isLetter(c)) {
						continue;
					}
					this.state = State.BODY;
					if (!Character.isWhitespace(c)) {
						body(c, out);
					}
				}
				case BODY -> body(c, out);
				case DONE -> {
					return;
				}
			}
		}
	}

	/** End the text: pass on anything held back. */
	void finish(StringBuilder out) {
		if (this.state == State.PROSE) {
			out.append(this.prose);
		}
		else if (this.state == State.BODY) {
			out.append("`".repeat(this.ticks));
		}
		this.ticks = 0;
	}

	private void prose(char c) {
		this.prose.append(c);
		this.ticks = (c == '`') ? this.ticks + 1 : 0;
		if (this.ticks == 3) {
			this.ticks = 0;
			this.prose.setLength(0);
			this.state = State.TAG;
		}
	}

	private void body(char c, StringBuilder out) {
		if (this.inString) {
			if (this.escaped) {
				this.escaped = false;
			}
			else if (c == '\\') {
				this.escaped = true;
			}
			else if (c == '"') {
				this.inString = false;
			}
			out.append(c);
			return;
		}
		if (c == '"') {
			this.inString = true;
		}
		if (c == '`') {
			if (++this.ticks == 3) {
				this.ticks = 0;
				this.state = State.DONE;
			}
			return;
		}
		if (this.ticks > 0) {
			out.append("`".repeat(this.ticks));
			this.ticks = 0;
		}
		out.append(c);
	}

}
