package dev.lcel.core.models.http;

import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.models.RateLimitException;
import dev.lcel.core.models.openai.OpenAiChatModel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

	@Override
	ProviderWire wire() {
		return ProviderWire.OPENAI;
	}

	@Override
	String errorBody(int status, String message) {
		String type = (status == 429) ? "requests" : (status >= 500) ? "server_error" : "invalid_request_error";
		String code = (status == 429) ? "\"rate_limit_exceeded\"" : (status == 401) ? "\"invalid_api_key\"" : "null";
		return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":" + code
				+ "}}";
	}

	@Override
	String frame(int i) {
		return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
				+ "\"delta\":{\"content\":\"t" + i + "\"},\"finish_reason\":null}],\"usage\":null}\n\n";
	}

	@Override
	void assertRequest(ServeEvent request, JsonNode body) {
		assertThat(request.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(body.path("model").asString()).isEqualTo("gpt-test");
		assertThat(body.path("stream").asBoolean()).isTrue();
		assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
		assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
		assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
		assertThat(body.path("stop").toString()).isEqualTo("[\"END\"]");
		JsonNode tool = body.path("tools").path(0);
		assertThat(tool.path("type").asString()).isEqualTo("function");
		assertThat(tool.path("function").path("name").asString()).isEqualTo("weather");
		assertThat(tool.path("function").path("parameters").path("properties").path("city").path("type").asString())
			.isEqualTo("string");
		JsonNode messages = body.path("messages");
		assertThat(messages.findValuesAsString("role")).containsExactly("system", "user", "assistant", "tool", "user");
		JsonNode assistant = messages.path(2);
		assertThat(assistant.path("content").isNull()).isTrue();
		assertThat(assistant.path("tool_calls").path(0).path("id").asString()).isEqualTo("call_9");
		assertThat(assistant.path("tool_calls").path(0).path("function").path("arguments").asString())
			.isEqualTo("{\"city\":\"Oslo\"}");
		assertThat(messages.path(3).path("tool_call_id").asString()).isEqualTo("call_9");
		assertThat(messages.path(3).path("content").asString()).isEqualTo("12 degrees");
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
