package dev.lcel.autoconfigure.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Node.js client script of the tests (LangChain.js's {@code RemoteRunnable}, OpenAI's SDK) in a
 * folder with its pinned {@code package-lock.json}: installed with {@code npm ci} when missing, run
 * against a server, its last JSON line read as the result. A test class registers it as a static
 * {@code @RegisterExtension} field; its tests are skipped where Node.js is not installed.
 */
public final class NodeClient implements BeforeAllCallback {

	private final File directory;

	private final String installedPackage;

	/**
	 * Create the client in {@code directory}, to be installed before the tests of the class that
	 * registers it.
	 * @param directory the client's folder, such as {@code src/test/openai-js}
	 * @param installedPackage a package the installed client has, such as {@code openai}
	 */
	public NodeClient(String directory, String installedPackage) {
		this.directory = new File(directory);
		this.installedPackage = installedPackage;
	}

	/**
	 * Assume Node.js, and run {@code npm ci} unless the package is already under
	 * {@code node_modules}.
	 * @param context the test class's context
	 * @throws Exception when the installation cannot be waited for
	 */
	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		assumeTrue(run(this.directory, 10, "node", "--version") == 0, "Node.js is not installed");
		if (!new File(this.directory, "node_modules/" + this.installedPackage).isDirectory()) {
			assumeTrue(run(this.directory, 300, "npm", "ci", "--no-audit", "--no-fund") == 0,
					"npm could not install the client");
		}
	}

	/**
	 * Run {@code client.mjs} against a server and return the JSON object it printed last.
	 * @param port the server's port on localhost
	 * @return the client's result
	 * @throws Exception when the client cannot be run or read
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> runAgainst(int port) throws Exception {
		Process process = new ProcessBuilder("node", "client.mjs", "http://localhost:" + port).directory(this.directory)
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		String json = output.lines().filter((line) -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow();
		return JsonMapper.shared().readValue(json, Map.class);
	}

	private static int run(File directory, long seconds, String... command) throws InterruptedException {
		try {
			Process process = new ProcessBuilder(command).directory(directory)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

}
