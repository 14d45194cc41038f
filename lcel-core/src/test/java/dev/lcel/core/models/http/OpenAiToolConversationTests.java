package dev.lcel.core.models.http;

import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool conversation on OpenAI's Chat Completions wire: {@code tool_calls} on the assistant
 * message (arguments as JSON text), one {@code role: tool} message per result with its
 * {@code tool_call_id}.
 */
class OpenAiToolConversationTests extends ToolConversationContract {

	@Override
	ProviderWire wire() {
		return ProviderWire.OPENAI;
	}

	@Override
	List<String> callIds() {
		return List.of("call_1", "call_2");
	}

	@Override
	void assertFollowUp(JsonNode body) {
		JsonNode messages = body.path("messages");
		assertThat(messages).hasSize(4);
		JsonNode assistant = messages.get(1);
		assertThat(assistant.path("role").asString()).isEqualTo("assistant");
		assertThat(assistant.path("content").isNull()).isTrue();
		assertThat(assistant.at("/tool_calls/0/id").asString()).isEqualTo("call_1");
		assertThat(assistant.at("/tool_calls/0/type").asString()).isEqualTo("function");
		assertThat(assistant.at("/tool_calls/0/function/name").asString()).isEqualTo("weather");
		assertThat(assistant.at("/tool_calls/0/function/arguments").asString()).isEqualTo("{\"city\":\"Oslo\"}");
		assertThat(assistant.at("/tool_calls/1/id").asString()).isEqualTo("call_2");
		assertThat(messages.get(2).toString())
			.isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"Oslo: 3°C\"}");
		assertThat(messages.get(3).toString())
			.isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"14:05 CET\"}");
	}

}
