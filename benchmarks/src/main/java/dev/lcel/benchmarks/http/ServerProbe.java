package dev.lcel.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the server process from outside: its heap after a full GC (through {@code jcmd}, from
 * the JDK running this driver), its resident set size and CPU time (from {@code /proc/PID}, Linux).
 *
 * <p>{@link #heapAfterGcBytes()} forces a full collection in the server, a pause of some tens of
 * milliseconds that the streams open at that moment feel; it is taken only a few times a run.
 */
final class ServerProbe {

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

	private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

	/** USER_HZ, the unit of /proc's CPU times: 100 on every mainstream Linux build. */
	private static final double CLOCK_TICKS_PER_SECOND = 100;

	private final long pid;

	ServerProbe(long pid) {
		this.pid = pid;
	}

	boolean enabled() {
		return this.pid > 0;
	}

	/**
	 * Runs {@code jcmd PID GC.run}, then reads the used heap from {@code jcmd PID GC.heap_info}.
	 * @return the live heap in bytes, or -1 when it cannot be measured
	 */
	long heapAfterGcBytes() {
		if (!enabled()) {
			return -1;
		}
		jcmd("GC.run");
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
	}

	/**
	 * Reads the used heap from {@code jcmd PID GC.heap_info} without collecting first: the live
	 * heap plus the garbage not yet collected.
	 * @return the used heap in bytes, or -1 when it cannot be measured
	 */
	long heapUsedBytes() {
		if (!enabled()) {
			return -1;
		}
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
	}

	/**
	 * Reads the largest heap the server may have ({@code -Xmx}) from {@code jcmd PID VM.flags}.
	 * @return the bytes, or -1 when they cannot be read
	 */
	long maxHeapBytes() {
		if (!enabled()) {
			return -1;
		}
		Matcher max = MAX_HEAP.matcher(jcmd("VM.flags"));
		return max.find() ? Long.parseLong(max.group(1)) : -1;
	}

	/**
	 * A field of {@code /proc/PID/status} in bytes: {@code VmRSS} (now) or {@code VmHWM} (the peak).
	 * @param field the field's name
	 * @return its value in bytes, or -1 when it cannot be read
	 */
	long statusBytes(String field) {
		if (!enabled()) {
			return -1;
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.pid), "status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Not Linux, or the process is gone: reported as unknown.
		}
		return -1;
	}

	/**
	 * The CPU time the server has used so far, user and system, from {@code /proc/PID/stat}.
	 * @return seconds of CPU, or -1 when it cannot be read
	 */
	double cpuSeconds() {
		if (!enabled()) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(this.pid), "stat"));
			// Fields after the command name, which is in parentheses and may hold spaces.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private String jcmd(String command) {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path jcmd = Path.of(java).resolveSibling("jcmd");
		try {
			Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
					Long.toString(this.pid), command)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(60, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

}
