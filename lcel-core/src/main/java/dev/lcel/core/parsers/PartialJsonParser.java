package dev.lcel.core.parsers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A push parser of JSON text that can say, at any point, what the value parsed so far is: the
 * engine of {@link JsonOutputParser}.
 *
 * <p>Text is fed in pieces; each character is looked at once. The parser keeps a stack of the open
 * arrays and objects, each an append-only array of its finished elements, and the token being read.
 * {@link #snapshot()} builds an immutable view of the value so far in O(nesting depth), sharing the
 * finished elements, plus the length of a string value still being read. The snapshot holds what
 * is certain: open arrays and objects as if closed, a string value being read as its text so far,
 * an object key only once its value has begun; a number or {@code true}/{@code false}/{@code null}
 * only once complete (a partial number would be a different number), and a scalar document only
 * once complete. {@link #version()} changes exactly when the snapshot does.
 *
 * <p>Not thread-safe: one parser per stream.
 */
final class PartialJsonParser {

	/** No value: nothing certain has been parsed yet. */
	static final Object NONE = new Object() {

		@Override
		public String toString() {
			return "NONE";
		}

	};

	private static final int MAX_DEPTH = 1000;

	private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	private enum Token {

		NONE, STRING, NUMBER, LITERAL

	}

	private final List<OpenContainer> stack = new ArrayList<>();

	private Object root = NONE;

	private boolean rootDone;

	private Token token = Token.NONE;

	private final StringBuilder buffer = new StringBuilder();

	private boolean stringIsKey;

	private int escape;

	private int unicodeValue;

	private String literal;

	private int literalPosition;

	private long version;

	private long position;

	private String error;

	/**
	 * Parse the next piece of text. After an error the rest of the text is ignored.
	 */
	void feed(CharSequence text) {
		for (int i = 0; i < text.length() && this.error == null; i++) {
			accept(text.charAt(i));
			this.position++;
		}
	}

	/** Return a number that changes whenever the snapshot changes. */
	long version() {
		return this.version;
	}

	/** Return the first syntax error, or {@code null}. */
	String error() {
		return this.error;
	}

	/**
	 * Return an immutable view of the value parsed so far, or {@link #NONE}.
	 */
	Object snapshot() {
		if (this.stack.isEmpty()) {
			return this.rootDone ? this.root : NONE;
		}
		Object inner = (this.token == Token.STRING && !this.stringIsKey) ? this.buffer.toString() : NONE;
		for (int i = this.stack.size() - 1; i >= 0; i--) {
			inner = this.stack.get(i).snapshot(inner);
		}
		return inner;
	}

	/**
	 * End the text: complete a trailing number and return the value, or {@link #NONE} with
	 * {@link #error()} set if the text is not one complete JSON value.
	 */
	Object finish() {
		if (this.error == null && this.token == Token.NUMBER) {
			completeNumber();
		}
		if (this.error == null && (!this.rootDone || this.token != Token.NONE)) {
			this.error = this.rootDone ? "unterminated value" : "incomplete JSON: "
					+ ((this.stack.isEmpty() && this.token == Token.NONE) ? "no value" : "unclosed value");
		}
		return (this.error != null) ? NONE : this.root;
	}

	private void accept(char c) {
		switch (this.token) {
			case STRING -> {
				string(c);
				return;
			}
			case LITERAL -> {
				if (c != this.literal.charAt(this.literalPosition)) {
					fail("invalid literal, expected '" + this.literal + "'");
					return;
				}
				if (++this.literalPosition == this.literal.length()) {
					this.token = Token.NONE;
					complete(switch (this.literal) {
						case "true" -> Boolean.TRUE;
						case "false" -> Boolean.FALSE;
						default -> null;
					}, true);
				}
				return;
			}
			case NUMBER -> {
				if ((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
					this.buffer.append(c);
					return;
				}
				completeNumber();
				if (this.error != null) {
					return;
				}
			}
			default -> {
			}
		}
		structural(c);
	}

	private void structural(char c) {
		if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			return;
		}
		if (this.stack.isEmpty()) {
			if (this.rootDone) {
				fail("unexpected '" + c + "' after the JSON value");
			}
			else {
				startValue(c);
			}
			return;
		}
		OpenContainer top = this.stack.get(this.stack.size() - 1);
		switch (top.state) {
			case FIRST -> {
				if (c == (top.object ? '}' : ']')) {
					close();
				}
				else if (top.object) {
					startKey(c);
				}
				else {
					startValue(c);
				}
			}
			case NEXT -> {
				if (top.object) {
					startKey(c);
				}
				else {
					startValue(c);
				}
			}
			case COLON -> {
				if (c == ':') {
					top.state = OpenContainer.State.VALUE;
				}
				else {
					fail("expected ':' after an object key");
				}
			}
			case VALUE -> startValue(c);
			case AFTER_VALUE -> {
				if (c == ',') {
					top.state = OpenContainer.State.NEXT;
				}
				else if (c == (top.object ? '}' : ']')) {
					close();
				}
				else {
					fail("expected ',' or '" + (top.object ? '}' : ']') + "'");
				}
			}
			default -> fail("unexpected '" + c + "'");
		}
	}

	private void startKey(char c) {
		if (c != '"') {
			fail("expected an object key in double quotes");
			return;
		}
		this.token = Token.STRING;
		this.stringIsKey = true;
		this.buffer.setLength(0);
	}

	private void startValue(char c) {
		if (!this.stack.isEmpty()) {
			this.stack.get(this.stack.size() - 1).state = OpenContainer.State.IN_VALUE;
		}
		switch (c) {
			case '{', '[' -> {
				if (this.stack.size() >= MAX_DEPTH) {
					fail("nesting deeper than " + MAX_DEPTH);
					return;
				}
				this.stack.add(new OpenContainer(c == '{'));
				this.version++;
			}
			case '"' -> {
				this.token = Token.STRING;
				this.stringIsKey = false;
				this.buffer.setLength(0);
				if (!this.stack.isEmpty()) {
					this.version++;
				}
			}
			case 't', 'f', 'n' -> {
				this.token = Token.LITERAL;
				this.literal = (c == 't') ? "true" : (c == 'f') ? "false" : "null";
				this.literalPosition = 1;
			}
			default -> {
				if (c == '-' || (c >= '0' && c <= '9')) {
					this.token = Token.NUMBER;
					this.buffer.setLength(0);
					this.buffer.append(c);
				}
				else {
					fail("unexpected '" + c + "' where a value should start");
				}
			}
		}
	}

	private void string(char c) {
		if (this.escape == 0) {
			if (c == '"') {
				this.token = Token.NONE;
				String text = this.buffer.toString();
				if (this.stringIsKey) {
					OpenContainer top = this.stack.get(this.stack.size() - 1);
					top.pendingKey = text;
					top.state = OpenContainer.State.COLON;
				}
				else {
					// A string in a container was already visible as it grew; a scalar document appears now.
					complete(text, this.stack.isEmpty());
				}
			}
			else if (c == '\\') {
				this.escape = 1;
			}
			else if (c < 0x20) {
				fail("unescaped control character in a string");
			}
			else {
				append(c);
			}
		}
		else if (this.escape == 1) {
			char decoded;
			switch (c) {
				case '"', '\\', '/' -> decoded = c;
				case 'b' -> decoded = '\b';
				case 'f' -> decoded = '\f';
				case 'n' -> decoded = '\n';
				case 'r' -> decoded = '\r';
				case 't' -> decoded = '\t';
				case 'u' -> {
					this.escape = 2;
					this.unicodeValue = 0;
					return;
				}
				default -> {
					fail("invalid escape '\\" + c + "'");
					return;
				}
			}
			this.escape = 0;
			append(decoded);
		}
		else {
			int digit = Character.digit(c, 16);
			if (digit < 0) {
				fail("invalid unicode escape");
				return;
			}
			this.unicodeValue = this.unicodeValue * 16 + digit;
			if (++this.escape == 6) {
				this.escape = 0;
				append((char) this.unicodeValue);
			}
		}
	}

	private void append(char c) {
		this.buffer.append(c);
		if (!this.stringIsKey && !this.stack.isEmpty()) {
			this.version++;
		}
	}

	private void completeNumber() {
		this.token = Token.NONE;
		String text = this.buffer.toString();
		if (!NUMBER.matcher(text).matches()) {
			fail("invalid number '" + text + "'");
			return;
		}
		complete(toNumber(text), true);
	}

	static Number toNumber(String text) {
		if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
			return Double.parseDouble(text);
		}
		if (text.length() <= 18) {
			long value = Long.parseLong(text);
			return (value == (int) value) ? (Number) (int) value : (Number) value;
		}
		BigInteger value = new BigInteger(text);
		return (value.bitLength() < 64) ? (Number) value.longValue() : value;
	}

	private void complete(Object value, boolean visibleChange) {
		if (this.stack.isEmpty()) {
			this.root = value;
			this.rootDone = true;
		}
		else {
			OpenContainer top = this.stack.get(this.stack.size() - 1);
			top.add(value);
			top.state = OpenContainer.State.AFTER_VALUE;
		}
		if (visibleChange) {
			this.version++;
		}
	}

	private void close() {
		OpenContainer frame = this.stack.remove(this.stack.size() - 1);
		// The snapshot already showed this container closed.
		complete(frame.freeze(), false);
	}

	private void fail(String message) {
		this.error = message + " at position " + this.position;
	}

}
