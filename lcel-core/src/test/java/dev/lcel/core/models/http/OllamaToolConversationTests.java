package dev.lcel.core.models.http;

import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool conversation on Ollama's chat wire: the calls arrive whole on separate lines (no ids),
 * go back on the assistant message with their arguments as objects, and each result is a
 * {@code role: tool} message naming its tool ({@code tool_name}).
 */
class OllamaToolConversationTests extends ToolConversationContract {

	@Override
	ProviderWire wire() {
		return ProviderWire.OLLAMA;
	}

	@Override
	List<String> callIds() {
		return Arrays.asList(null, null);
	}

	@Override
	void assertFollowUp(JsonNode body) {
		JsonNode messages = body.path("messages");
		assertThat(messages).hasSize(4);
		JsonNode assistant = messages.get(1);
		assertThat(assistant.path("role").asString()).isEqualTo("assistant");
		assertThat(assistant.at("/tool_calls/0/function/name").asString()).isEqualTo("weather");
		assertThat(assistant.at("/tool_calls/0/function/arguments").toString()).isEqualTo("{\"city\":\"Oslo\"}");
		assertThat(assistant.at("/tool_calls/1/function/arguments").toString()).isEqualTo("{\"zone\":\"CET\"}");
		assertThat(messages.get(2).toString())
			.isEqualTo("{\"role\":\"tool\",\"content\":\"Oslo: 3°C\",\"tool_name\":\"weather\"}");
		assertThat(messages.get(3).toString())
			.isEqualTo("{\"role\":\"tool\",\"content\":\"14:05 CET\",\"tool_name\":\"time\"}");
	}

}
