package dev.lcel.benchmarks.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failed requests of a load run, counted by kind ({@code status 503}, {@code no end event},
 * {@code TimeoutException}, ...) so that a report says what went wrong, not only how often.
 * Thread-safe.
 */
final class Failures {

	private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

	void add(String kind) {
		this.byKind.computeIfAbsent(kind, (key) -> new LongAdder()).increment();
	}

	void add(Throwable error) {
		add(error.getClass().getSimpleName() + ((error.getMessage() != null) ? ": " + firstLine(error.getMessage()) : ""));
	}

	/** Adds every failure of another run, by kind. */
	void addAll(Failures other) {
		other.byKind().forEach((kind, count) -> this.byKind.computeIfAbsent(kind, (key) -> new LongAdder()).add(count));
	}

	long total() {
		return this.byKind.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/** Each kind with its count, sorted by kind. */
	Map<String, Long> byKind() {
		Map<String, Long> counts = new TreeMap<>();
		this.byKind.forEach((kind, count) -> counts.put(kind, count.sum()));
		return counts;
	}

	private static String firstLine(String message) {
		String line = message.lines().findFirst().orElse("");
		return (line.length() > 120) ? line.substring(0, 120) + "..." : line;
	}

}
