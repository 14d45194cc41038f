package dev.lcel.core.parsers;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts streamed text into list items as soon as each is complete, for {@link ListOutputParser}:
 * one instance per run, each character looked at once. The text is cut into pieces (at commas,
 * at line ends); each kind of list says where a piece ends and which item a piece holds.
 */
abstract sealed class ListSplitter {

	private final StringBuilder piece = new StringBuilder();

	/** Read more text, passing each item completed by it to {@code items}. */
	final void feed(CharSequence text, Consumer<String> items) {
		for (int i = 0; i < text.length(); i++) {
			if (read(text.charAt(i), this.piece)) {
				finish(items);
			}
		}
	}

	/** End the text, passing the last item (if any) to {@code items}. */
	final void finish(Consumer<String> items) {
		String text = this.piece.toString();
		this.piece.setLength(0);
		emit(text, items);
	}

	/**
	 * Read one character of the current piece.
	 * @param c the character
	 * @param piece the piece so far, to append {@code c} to when it belongs to the item
	 * @return whether {@code c} ends the piece
	 */
	abstract boolean read(char c, StringBuilder piece);

	/** Pass the item a complete piece holds, if it holds one, to {@code items}. */
	abstract void emit(String piece, Consumer<String> items);

	/**
	 * Items separated by commas, each stripped of surrounding whitespace; double quotes protect
	 * commas inside an item and are removed. Empty items are dropped.
	 */
	static final class CommaSeparated extends ListSplitter {

		private boolean quoted;

		@Override
		boolean read(char c, StringBuilder piece) {
			if (c == '"') {
				this.quoted = !this.quoted;
				return false;
			}
			if (c == ',' && !this.quoted) {
				return true;
			}
			piece.append(c);
			return false;
		}

		@Override
		void emit(String piece, Consumer<String> items) {
			String value = piece.strip();
			if (!value.isEmpty()) {
				items.accept(value);
			}
		}

	}

	/**
	 * Items on lines that start with a number and a dot ({@code 1. first}); other lines, such as a
	 * preamble, are skipped.
	 */
	static final class Numbered extends ListSplitter {

		private static final Pattern ITEM = Pattern.compile("\\s*\\d+\\.\\s+(.*\\S)\\s*");

		@Override
		boolean read(char c, StringBuilder piece) {
			if (c == '\n') {
				return true;
			}
			piece.append(c);
			return false;
		}

		@Override
		void emit(String piece, Consumer<String> items) {
			Matcher matcher = ITEM.matcher(piece);
			if (matcher.matches()) {
				items.accept(matcher.group(1));
			}
		}

	}

}
