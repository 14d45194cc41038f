package dev.lcel.core.models.http;

import java.time.Duration;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.models.ModelOverloadedException;
import dev.lcel.core.models.anthropic.AnthropicChatModel;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AnthropicChatModel} against WireMock serving Messages streams.
 */
class AnthropicProviderTests extends ChatModelProviderContract {

	@Override
	ProviderWire wire() {
		return ProviderWire.ANTHROPIC;
	}

	@Override
	String errorBody(int status, String message) {
		String type = switch (status) {
			case 400, 413 -> "invalid_request_error";
			case 401 -> "authentication_error";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 429 -> "rate_limit_error";
			case 529 -> "overloaded_error";
			default -> "api_error";
		};
		return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
				+ "\"},\"request_id\":\"req_1\"}";
	}

	@Override
	String frame(int i) {
		String delta = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
				+ "{\"type\":\"text_delta\",\"text\":\"t" + i + "\"}}\n\n";
		if (i > 0) {
			return delta;
		}
		return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"m\","
				+ "\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"
				+ "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
				+ "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n" + delta;
	}

	@Override
	void assertRequest(ServeEvent request, JsonNode body) {
		assertThat(request.getRequest().getHeader("x-api-key")).isEqualTo(API_KEY);
		assertThat(request.getRequest().getHeader("anthropic-version")).isEqualTo("2023-06-01");
		assertThat(request.getRequest().containsHeader("Authorization")).isFalse();
		assertThat(body.path("model").asString()).isEqualTo("claude-test");
		assertThat(body.path("stream").asBoolean()).isTrue();
		assertThat(body.path("system").asString()).isEqualTo("Be brief.");
		assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
		assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
		assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"END\"]");
		JsonNode tool = body.path("tools").path(0);
		assertThat(tool.path("name").asString()).isEqualTo("weather");
		assertThat(tool.path("input_schema").path("properties").path("city").path("type").asString())
			.isEqualTo("string");
		JsonNode messages = body.path("messages");
		assertThat(messages.findValuesAsString("role")).containsExactly("user", "assistant", "user", "user");
		JsonNode toolUse = messages.path(1).path("content").path(0);
		assertThat(toolUse.path("type").asString()).isEqualTo("tool_use");
		assertThat(toolUse.path("id").asString()).isEqualTo("call_9");
		assertThat(toolUse.path("input").path("city").asString()).isEqualTo("Oslo");
		JsonNode toolResult = messages.path(2).path("content").path(0);
		assertThat(toolResult.path("type").asString()).isEqualTo("tool_result");
		assertThat(toolResult.path("tool_use_id").asString()).isEqualTo("call_9");
		assertThat(toolResult.path("content").asString()).isEqualTo("12 degrees");
	}

	@Test
	void maxTokensIsAlwaysSentSinceTheApiRequiresIt() {
		serve("text");
		model().invoke("Hi");
		JsonNode body = JSON.readTree(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString());
		assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicChatModel.DEFAULT_MAX_TOKENS);
		assertThat(body.has("system")).isFalse();
	}

	@Test
	void cumulativeOutputTokensAndCacheReadsAddUpToTheMessagesUsage() {
		serve("text");
		AIMessage message = model().invoke("Hi");
		assertThat(message.usageMetadata().inputTokens()).as("input plus cache reads").isEqualTo(5);
		assertThat(message.usageMetadata().outputTokens()).as("the last cumulative count").isEqualTo(3);
		assertThat(message.responseMetadata()).containsEntry("stop_reason", "end_turn")
			.containsEntry("model_name", "claude-test");
		assertThat(message.id()).isEqualTo("msg_1");
	}

	@Test
	void anOverloadedErrorEventIsAModelOverloadedException() {
		serve("midstream-error");
		StepVerifier.create(model().astream("Hi").then())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ModelOverloadedException.class)
				.hasMessageContaining("Overloaded"))
			.verify(Duration.ofSeconds(5));
	}

}
