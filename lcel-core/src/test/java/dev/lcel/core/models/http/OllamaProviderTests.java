package dev.lcel.core.models.http;

import java.util.Map;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.models.ollama.OllamaChatModel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OllamaChatModel} against WireMock serving {@code /api/chat} NDJSON streams.
 */
class OllamaProviderTests extends ChatModelProviderContract {

	OllamaProviderTests() {
		super(ProviderWire.OLLAMA);
	}

	@Test
	void formatAndKeepAliveGoToTheTopLevelAndOtherParametersToOptions() {
		serve("text");
		model().bind(Map.of("format", "json", "keep_alive", "10m", "num_ctx", 8192)).invoke("Hi");
		JsonNode body = JSON.readTree(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString());
		assertThat(body.path("format").asString()).isEqualTo("json");
		assertThat(body.path("keep_alive").asString()).isEqualTo("10m");
		assertThat(body.path("options").path("num_ctx").asInt()).isEqualTo(8192);
	}

	@Test
	void theLastLineCarriesUsageAndTheDoneReason() {
		serve("text");
		AIMessage message = model().invoke("Hi");
		assertThat(message.responseMetadata()).containsEntry("done_reason", "stop")
			.containsEntry("model_name", "llama-test");
	}

	@Test
	void noApiKeyMeansNoAuthorizationHeader() {
		serve("text");
		OllamaChatModel.builder().baseUrl(wireMock.baseUrl()).model("llama-test").build().invoke("Hi");
		assertThat(wireMock.getAllServeEvents().get(0).getRequest().containsHeader("Authorization")).isFalse();
	}

}
