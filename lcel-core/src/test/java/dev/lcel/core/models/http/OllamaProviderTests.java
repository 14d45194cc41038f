package dev.lcel.core.models.http;

import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.models.ollama.OllamaChatModel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OllamaChatModel} against WireMock serving {@code /api/chat} NDJSON streams.
 */
class OllamaProviderTests extends ChatModelProviderContract {

	@Override
	ProviderWire wire() {
		return ProviderWire.OLLAMA;
	}

	@Override
	String errorBody(int status, String message) {
		return "{\"error\":\"" + message + "\"}";
	}

	@Override
	String frame(int i) {
		return "{\"model\":\"m\",\"created_at\":\"2026-11-25T10:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"t"
				+ i + "\"},\"done\":false}\n";
	}

	@Override
	void assertRequest(ServeEvent request, JsonNode body) {
		assertThat(request.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(body.path("model").asString()).isEqualTo("llama-test");
		assertThat(body.path("stream").asBoolean()).isTrue();
		JsonNode options = body.path("options");
		assertThat(options.path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(options.path("num_predict").asInt()).isEqualTo(50);
		assertThat(options.path("top_p").asDouble()).isEqualTo(0.9);
		assertThat(options.path("stop").toString()).isEqualTo("[\"END\"]");
		assertThat(body.path("tools").path(0).path("function").path("name").asString()).isEqualTo("weather");
		JsonNode messages = body.path("messages");
		assertThat(messages.findValuesAsString("role")).containsExactly("system", "user", "assistant", "tool", "user");
		JsonNode call = messages.path(2).path("tool_calls").path(0).path("function");
		assertThat(call.path("name").asString()).isEqualTo("weather");
		assertThat(call.path("arguments").path("city").asString()).as("arguments are an object").isEqualTo("Oslo");
		assertThat(messages.path(3).path("content").asString()).isEqualTo("12 degrees");
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
