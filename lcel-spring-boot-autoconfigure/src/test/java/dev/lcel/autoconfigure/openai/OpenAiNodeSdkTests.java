package dev.lcel.autoconfigure.openai;

import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.support.NodeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official {@code openai} npm package (pinned in {@code src/test/openai-js/package-lock.json})
 * against the {@code /v1} routes: it lists the models, completes, streams with usage, keeps a
 * conversation by {@code user} and reads errors, before a stream (429) and during one. Runs where Node.js is installed; installs the
 * package with {@code npm ci} first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ChatChainsServer.class)
class OpenAiNodeSdkTests {

	@RegisterExtension
	static final NodeClient client = new NodeClient("src/test/openai-js", "openai");

	@Test
	@SuppressWarnings("unchecked")
	void officialSdkListsCompletesStreamsAndReadsErrors(@LocalServerPort int port) throws Exception {
		Map<String, Object> result = client.runAgainst(port);

		assertThat((List<String>) result.get("models")).contains("joke", "chat", "assistant").doesNotContain("shout");
		assertThat(result.get("completion")).isEqualTo("Why do bears have hairy coats? Fur protection!");
		assertThat((Map<String, Integer>) result.get("completionUsage")).containsEntry("completion_tokens", 16);
		assertThat(result.get("streamed")).isEqualTo("Hello there, I am a chain that streams its answer in small pieces.");
		assertThat((Integer) result.get("pieces")).isGreaterThan(10);
		// The model waits between pieces: the first arrived while the later ones were still being made.
		assertThat(((Number) result.get("firstBeforeLastMs")).doubleValue()).isPositive();
		assertThat((Map<String, Integer>) result.get("streamUsage")).containsEntry("completion_tokens", 17);
		assertThat(result.get("history")).isEqualTo("You are brief.|I am Ada|You are brief.|I am Ada|who am I?");
		assertThat((Map<String, Object>) result.get("unknownModel")).containsEntry("status", 400)
			.containsEntry("code", "model_not_found")
			.containsEntry("param", "model")
			.containsEntry("type", "invalid_request_error");
		assertThat((Map<String, Object>) result.get("limited")).containsEntry("status", 429)
			.containsEntry("code", "rate_limit_exceeded")
			.containsEntry("retryAfter", "7");
		assertThat((Map<String, Object>) result.get("limitedStream")).containsEntry("status", 429)
			.containsEntry("code", "rate_limit_exceeded")
			.containsEntry("retryAfter", "7");
		assertThat((List<String>) result.get("flakyPieces")).containsExactly("partial");
		assertThat(((Map<String, String>) result.get("flaky")).get("message")).contains("The model provider failed")
			.doesNotContain("sk-secret");
	}

}
