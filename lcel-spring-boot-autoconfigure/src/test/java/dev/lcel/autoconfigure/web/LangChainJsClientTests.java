package dev.lcel.autoconfigure.web;

import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.support.NodeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain.js's own {@code RemoteRunnable} (from {@code @langchain/core}, pinned in
 * {@code src/test/langchainjs/package.json}) against these endpoints: what it sends and expects is
 * the contract. Runs where Node.js is installed; installs the client with {@code npm ci} first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = RemoteRunnableRoundTripTests.Server.class)
class LangChainJsClientTests {

	@RegisterExtension
	static final NodeClient client = new NodeClient("src/test/langchainjs", "@langchain/core");

	@Test
	@SuppressWarnings("unchecked")
	void langChainJsRemoteRunnableUsesEveryRoute(@LocalServerPort int port) throws Exception {
		Map<String, Object> result = client.runAgainst(port);

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

}
