package dev.lcel.core.models.http;

import java.util.List;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.models.RateLimitException;
import dev.lcel.core.models.openai.OpenAiChatModel;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link OpenAiChatModel} against WireMock serving Chat Completions streams, and what OpenAI-compatible
 * servers do differently.
 */
class OpenAiProviderTests extends ChatModelProviderContract {

	OpenAiProviderTests() {
		super(ProviderWire.OPENAI);
	}

	@Test
	void compatibleServersWithoutIndexesEmptyIdsAndNoUsageStillAddUp() {
		serve("compatible-server");
		AIMessage message = model().invoke("Weather and time?");
		assertThat(message.content()).as("whitespace-only content is kept").isEqualTo(" ");
		assertThat(message.toolCalls()).extracting(ToolCall::id, ToolCall::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("call_a", "weather"),
					org.assertj.core.groups.Tuple.tuple("call_b", "time"));
		assertThat(message.toolCalls().get(0).args()).containsEntry("city", "Oslo");
		assertThat(message.usageMetadata()).isNull();
	}

	@Test
	void organizationAndProjectAreSentAndNoKeyMeansNoAuthorizationHeader() {
		serve("text");
		OpenAiChatModel.builder()
			.baseUrl(wireMock.baseUrl() + "/v1")
			.model("local")
			.organization("org-1")
			.project("proj-1")
			.build()
			.invoke("Hi");
		var request = wireMock.getAllServeEvents().get(0).getRequest();
		assertThat(request.getHeader("OpenAI-Organization")).isEqualTo("org-1");
		assertThat(request.getHeader("OpenAI-Project")).isEqualTo("proj-1");
		assertThat(request.containsHeader("Authorization")).isFalse();
	}

	@Test
	void anExhaustedQuotaIsNeverRetried() {
		wireMock.stubFor(post(urlEqualTo(chatPath())).willReturn(aResponse().withStatus(429)
			.withHeader("retry-after", "1")
			.withBody("{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
					+ "\"param\":null,\"code\":\"insufficient_quota\"}}")));
		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> model().invoke("Hi"))
			.satisfies((ex) -> assertThat(ex.retriable()).isFalse());
	}

	@Test
	void providerSpecificParametersAreSentAsTheyAre() {
		serve("text");
		model().bind(java.util.Map.of("seed", 7, "max_completion_tokens", 64)).invoke("Hi");
		String body = wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(JSON.readTree(body).path("seed").asInt()).isEqualTo(7);
		assertThat(JSON.readTree(body).path("max_completion_tokens").asInt()).isEqualTo(64);
		assertThat(List.of(body)).noneMatch((text) -> text.contains(API_KEY));
	}

}
