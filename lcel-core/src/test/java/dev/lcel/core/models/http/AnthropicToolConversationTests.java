package dev.lcel.core.models.http;

import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool conversation on Anthropic's Messages wire: the assistant's text and {@code tool_use}
 * blocks (input as an object), then one user turn holding both {@code tool_result} blocks, each
 * naming its {@code tool_use_id}.
 */
class AnthropicToolConversationTests extends ToolConversationContract {

	@Override
	ProviderWire wire() {
		return ProviderWire.ANTHROPIC;
	}

	@Override
	String callsFixture() {
		return "tool-conversation-calls";
	}

	@Override
	List<String> callIds() {
		return List.of("toolu_1", "toolu_2");
	}

	@Override
	void assertFollowUp(JsonNode body) {
		JsonNode messages = body.path("messages");
		assertThat(messages).hasSize(3);
		JsonNode assistant = messages.get(1);
		assertThat(assistant.path("role").asString()).isEqualTo("assistant");
		assertThat(assistant.at("/content/0").toString()).isEqualTo("{\"type\":\"text\",\"text\":\"Let me check both.\"}");
		assertThat(assistant.at("/content/1").toString())
			.isEqualTo("{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"weather\",\"input\":{\"city\":\"Oslo\"}}");
		assertThat(assistant.at("/content/2/id").asString()).isEqualTo("toolu_2");
		JsonNode results = messages.get(2);
		assertThat(results.path("role").asString()).isEqualTo("user");
		assertThat(results.path("content")).hasSize(2);
		assertThat(results.at("/content/0").toString())
			.isEqualTo("{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"Oslo: 3°C\"}");
		assertThat(results.at("/content/1/tool_use_id").asString()).isEqualTo("toolu_2");
	}

}
