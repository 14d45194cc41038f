package dev.lcel.autoconfigure.web;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * LangChain.js's own {@code RemoteRunnable} (from {@code @langchain/core}, pinned in
 * {@code src/test/langchainjs/package.json}) against these endpoints: what it sends and expects is
 * the contract. Runs where Node.js is installed; installs the client with {@code npm ci} first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = RemoteRunnableRoundTripTests.Server.class)
class LangChainJsClientTests {

	private static final File CLIENT = new File("src/test/langchainjs");

	@LocalServerPort
	private int port;

	@BeforeAll
	static void installClient() throws Exception {
		assumeTrue(run(CLIENT, 10, "node", "--version") == 0, "Node.js is not installed");
		if (!new File(CLIENT, "node_modules/@langchain/core").isDirectory()) {
			assumeTrue(run(CLIENT, 300, "npm", "ci", "--no-audit", "--no-fund") == 0, "npm could not install the client");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void langChainJsRemoteRunnableUsesEveryRoute() throws Exception {
		Process process = new ProcessBuilder("node", "client.mjs", "http://localhost:" + this.port).directory(CLIENT)
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		String json = output.lines().filter((line) -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow();
		Map<String, Object> result = JsonMapper.shared().readValue(json, Map.class);

		assertThat(result.get("invoke")).isEqualTo("to be");
		assertThat(result.get("batch")).isEqualTo(List.of("a b", "c"));
		assertThat(result.get("stream")).isEqualTo(List.of("one ", "two ", "three"));
		assertThat((List<String>) result.get("events")).startsWith("on_chain_start /chains/words").endsWith("on_chain_end /chains/words");
		assertThat(result.get("logFinalOutput")).isEqualTo("a b");
		assertThat(result.get("tagged")).isEqualTo("x [from-js]");
		assertThat((String) result.get("missing")).contains("No chain named 'missing'");
		assertThat(result.get("brokenChunk")).isEqualTo("partial");
		assertThat((String) result.get("broken")).contains("Internal Server Error");
	}

	private static int run(File directory, long seconds, String... command) throws IOException, InterruptedException {
		try {
			Process process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

}
