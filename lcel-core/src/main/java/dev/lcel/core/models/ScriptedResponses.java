package dev.lcel.core.models;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The scripted answers of a fake model, handed out in turn (starting over after the last), and
 * the rule that cuts an answer into streamed chunks.
 */
final class ScriptedResponses {

	private static final Pattern BEFORE_WHITESPACE = Pattern.compile("(?<=\\S)(?=\\s)");

	private final List<String> responses;

	private final AtomicInteger next = new AtomicInteger();

	ScriptedResponses(List<String> responses) {
		if (responses == null || responses.isEmpty()) {
			throw new IllegalArgumentException("A fake model needs at least one scripted response");
		}
		this.responses = List.copyOf(responses);
	}

	List<String> all() {
		return this.responses;
	}

	/** Return the next response; thread-safe. */
	String next() {
		return this.responses.get(Math.floorMod(this.next.getAndIncrement(), this.responses.size()));
	}

	/**
	 * Cut a text into chunks of {@code size} characters, or into words (each with the whitespace
	 * before it) when {@code size} is 0.
	 */
	static List<String> split(String text, int size) {
		if (text.isEmpty()) {
			return List.of("");
		}
		if (size == 0) {
			return List.of(BEFORE_WHITESPACE.split(text));
		}
		List<String> chunks = new ArrayList<>((text.length() + size - 1) / size);
		for (int i = 0; i < text.length(); i += size) {
			chunks.add(text.substring(i, Math.min(text.length(), i + size)));
		}
		return chunks;
	}

}
