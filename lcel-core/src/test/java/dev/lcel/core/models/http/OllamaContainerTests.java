package dev.lcel.core.models.http;

import java.time.Duration;
import java.util.List;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.anthropic.AnthropicChatModel;
import dev.lcel.core.models.ollama.OllamaChatModel;
import dev.lcel.core.models.openai.OpenAiChatModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.ollama.OllamaContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three clients against a real Ollama, which serves its native API, OpenAI's and Anthropic's:
 * one container checks all three wire formats. Runs only where Docker is available (it pulls a
 * small model, about 400 MB); skipped elsewhere.
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
class OllamaContainerTests {

	private static final String MODEL = "qwen2.5:0.5b";

	@Container
	static final OllamaContainer ollama = new OllamaContainer("ollama/ollama:0.12.3");

	@BeforeAll
	static void pullModel() throws Exception {
		ollama.execInContainer("ollama", "pull", MODEL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ollama", "openai", "anthropic" })
	void streamsAnAnswerWithTokenUsage(String api) {
		ChatModel model = switch (api) {
			case "ollama" -> OllamaChatModel.builder().baseUrl(ollama.getEndpoint()).model(MODEL).build();
			case "openai" -> OpenAiChatModel.builder().baseUrl(ollama.getEndpoint() + "/v1").apiKey("ollama").model(MODEL).build();
			default -> AnthropicChatModel.builder().baseUrl(ollama.getEndpoint()).apiKey("ollama").model(MODEL).build();
		};
		List<AIMessage> chunks = model.bind(java.util.Map.of("temperature", 0.0, "max_tokens", 20))
			.astream("Say hello in one word.")
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(chunks).hasSizeGreaterThan(1);
		AIMessage message = model.bind(java.util.Map.of("max_tokens", 20)).invoke("Say hello in one word.");
		assertThat(message.content()).isNotBlank();
		assertThat(message.usageMetadata()).isNotNull();
		assertThat(message.usageMetadata().outputTokens()).isPositive();
	}

}
