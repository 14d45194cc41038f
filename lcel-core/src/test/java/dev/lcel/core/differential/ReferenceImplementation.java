package dev.lcel.core.differential;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@code src/test/differential/reference.mjs} with Node and reads what LangChain.js reported.
 *
 * <p>When {@code node_modules} is missing, or holds another {@code @langchain/core} than the one
 * {@code package.json} pins, it runs {@code npm ci} first (the exact versions of the committed
 * {@code package-lock.json}). Without {@code node} and {@code npm} on the PATH the suite is skipped as an
 * assumption that names what is missing, unless the environment variable {@value #REQUIRED_VARIABLE} is
 * {@code required} (as {@code .ci/run} sets it): then it fails, so CI never passes without comparing.
 */
final class ReferenceImplementation {

	static final String REQUIRED_VARIABLE = "LCEL_DIFFERENTIAL";

	static final Path DIRECTORY = Path.of("src", "test", "differential");

	/** How long {@code npm ci} may take: it downloads about a dozen packages. */
	private static final long INSTALL_MINUTES = 5;

	/** How long the reference run may take: about ten seconds on the 2-core machine. */
	private static final long RUN_MINUTES = 3;

	private ReferenceImplementation() {
	}

	static JsonNode run(Path output) throws IOException, InterruptedException {
		require("node");
		require("npm");
		if (!installed()) {
			exec(INSTALL_MINUTES, output.resolveSibling("npm-ci.log"), "npm", "ci");
		}
		exec(RUN_MINUTES, output.resolveSibling("reference.log"), "node", "reference.mjs",
				output.toAbsolutePath().toString());
		return Neutral.JSON.readTree(output.toFile());
	}

	private static boolean installed() {
		Path core = DIRECTORY.resolve(Path.of("node_modules", "@langchain", "core", "package.json"));
		if (!Files.isRegularFile(core)) {
			return false;
		}
		String pinned = Neutral.JSON.readTree(DIRECTORY.resolve("package.json").toFile())
			.path("dependencies").path("@langchain/core").asString();
		return pinned.equals(Neutral.JSON.readTree(core.toFile()).path("version").asString());
	}

	private static void require(String tool) {
		if (onPath(tool)) {
			return;
		}
		String message = "'" + tool + "' is not on the PATH: the differential suite against LangChain.js needs Node 20+ and npm";
		if ("required".equals(System.getenv(REQUIRED_VARIABLE))) {
			throw new IllegalStateException(message + " (" + REQUIRED_VARIABLE + "=required)");
		}
		Assumptions.abort(message + "; skipped (set " + REQUIRED_VARIABLE + "=required to make this a failure)");
	}

	private static boolean onPath(String tool) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, tool))) {
				return true;
			}
		}
		return false;
	}

	private static void exec(long minutes, Path log, String... command) throws IOException, InterruptedException {
		Files.createDirectories(log.getParent());
		List<String> line = new ArrayList<>(List.of(command));
		Process process = new ProcessBuilder(line).directory(DIRECTORY.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", line) + " did not finish within " + minutes
					+ " minutes; its output is in " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", line) + " exited with " + process.exitValue() + ":\n"
					+ Files.readString(log));
		}
	}

}
