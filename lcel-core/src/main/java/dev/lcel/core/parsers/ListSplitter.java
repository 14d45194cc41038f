package dev.lcel.core.parsers;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts streamed text into list items as soon as each is complete, for {@link ListOutputParser}:
 * one instance per run, each character looked at once.
 */
sealed interface ListSplitter {

	/** Read more text, passing each item completed by it to {@code items}. */
	void feed(CharSequence text, Consumer<String> items);

	/** End the text, passing the last item (if any) to {@code items}. */
	void finish(Consumer<String> items);

	/**
	 * Items separated by commas, each stripped of surrounding whitespace; double quotes protect
	 * commas inside an item and are removed. Empty items are dropped.
	 */
	final class CommaSeparated implements ListSplitter {

		private final StringBuilder item = new StringBuilder();

		private boolean quoted;

		@Override
		public void feed(CharSequence text, Consumer<String> items) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					this.quoted = !this.quoted;
				}
				else if (c == ',' && !this.quoted) {
					emit(items);
				}
				else {
					this.item.append(c);
				}
			}
		}

		@Override
		public void finish(Consumer<String> items) {
			emit(items);
		}

		private void emit(Consumer<String> items) {
			String value = this.item.toString().strip();
			this.item.setLength(0);
			if (!value.isEmpty()) {
				items.accept(value);
			}
		}

	}

	/**
	 * Items on lines that start with a number and a dot ({@code 1. first}); other lines, such as a
	 * preamble, are skipped.
	 */
	final class Numbered implements ListSplitter {

		private static final Pattern ITEM = Pattern.compile("\\s*\\d+\\.\\s+(.*\\S)\\s*");

		private final StringBuilder line = new StringBuilder();

		@Override
		public void feed(CharSequence text, Consumer<String> items) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n') {
					emit(items);
				}
				else {
					this.line.append(c);
				}
			}
		}

		@Override
		public void finish(Consumer<String> items) {
			emit(items);
		}

		private void emit(Consumer<String> items) {
			Matcher matcher = ITEM.matcher(this.line);
			if (matcher.matches()) {
				items.accept(matcher.group(1));
			}
			this.line.setLength(0);
		}

	}

}
