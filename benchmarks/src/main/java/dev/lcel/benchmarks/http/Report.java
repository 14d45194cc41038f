package dev.lcel.benchmarks.http;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table a load run prints: one measurement a row, as Markdown so that it can go into
 * {@code docs/performance.md} as it is.
 */
final class Report {

	private final String title;

	private final List<String[]> rows = new ArrayList<>();

	Report(String title) {
		this.title = title;
	}

	Report row(String measurement, String value) {
		this.rows.add(new String[] { measurement, value });
		return this;
	}

	void print(PrintStream out) {
		out.println();
		out.println(this.title);
		out.println();
		out.println("| measurement | value |");
		out.println("|---|---|");
		this.rows.forEach((row) -> out.println("| " + row[0] + " | " + row[1] + " |"));
		out.println();
	}

	static String millis(Duration duration) {
		double ms = duration.toNanos() / 1e6;
		return String.format(Locale.ROOT, (ms >= 100) ? "%.0f ms" : "%.1f ms", ms);
	}

	static String mebibytes(long bytes) {
		return (bytes < 0) ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
	}

	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
