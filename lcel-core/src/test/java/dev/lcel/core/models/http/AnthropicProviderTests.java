package dev.lcel.core.models.http;

import java.time.Duration;

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

	AnthropicProviderTests() {
		super(ProviderWire.ANTHROPIC);
	}

	@Test
	void theKeyGoesInXApiKeyBesideTheApiVersionAndNeverAsAuthorization() {
		serve("text");
		model().invoke("Hi");
		var request = wireMock.getAllServeEvents().get(0).getRequest();
		assertThat(request.getHeader("x-api-key")).isEqualTo(API_KEY);
		assertThat(request.getHeader("anthropic-version")).isEqualTo(AnthropicChatModel.DEFAULT_VERSION);
		assertThat(request.containsHeader("Authorization")).isFalse();
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
