package dev.lcel.core.messages;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageJsonTests {

	private final JsonMapper json = JsonMapper.shared();

	@Test
	void everyMessageTypeRoundTripsThroughJson() {
		List<BaseMessage> messages = List.of(new SystemMessage("be brief", "s1", "sys"), new HumanMessage("hi"),
				new AIMessage("hello", List.of(new ToolCall("call_1", "weather", Map.of("city", "Oslo"))),
						UsageMetadata.of(3, 4), Map.of("model_name", "fake"), "a1", null),
				new ToolMessage("12C", "call_1"),
				new AIMessageChunk("he", List.of(new ToolCallChunk(0, "call_1", "weather", "{\"ci")),
						UsageMetadata.of(1, 1), Map.of(), "a2", null));
		for (BaseMessage message : messages) {
			String text = this.json.writeValueAsString(message);
			assertThat(this.json.readValue(text, BaseMessage.class)).isEqualTo(message);
		}
	}

	@Test
	void messagesCarryLangChainTypeAndSnakeCaseNames() {
		AIMessage message = new AIMessage("hi", List.of(new ToolCall("c", "t", Map.of())), UsageMetadata.of(1, 2),
				Map.of("finish_reason", "stop"), null, null);
		JsonNode node = this.json.valueToTree(message);
		assertThat(node.get("type").asString()).isEqualTo("ai");
		assertThat(node.get("tool_calls").get(0).get("type").asString()).isEqualTo("tool_call");
		assertThat(node.get("usage_metadata").get("total_tokens").asInt()).isEqualTo(3);
		assertThat(node.get("response_metadata").get("finish_reason").asString()).isEqualTo("stop");
		assertThat(node.get("additional_kwargs").isObject()).isTrue();
		assertThat(this.json.valueToTree(new ToolMessage("x", "c1")).get("tool_call_id").asString()).isEqualTo("c1");
		assertThat(this.json.valueToTree(new AIMessageChunk("x")).get("type").asString()).isEqualTo("AIMessageChunk");
		assertThat(this.json.valueToTree(new SystemMessage("x")).get("type").asString()).isEqualTo("system");
		assertThat(this.json.valueToTree(new HumanMessage("x")).get("type").asString()).isEqualTo("human");
	}

	@Test
	void messagesCarryTheirTypeInsideValuesThatSayNothingOfMessages() {
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("output", new AIMessageChunk("hi"));
		data.put("input", Map.of("messages", List.of(List.of(new HumanMessage("x"), new AIMessage("y")))));

		JsonNode node = this.json.valueToTree(data);

		assertThat(node.at("/output/type").asString()).isEqualTo("AIMessageChunk");
		assertThat(node.at("/input/messages/0/0/type").asString()).isEqualTo("human");
		assertThat(node.at("/input/messages/0/1/type").asString()).isEqualTo("ai");
		assertThat(this.json.writeValueAsString(new HumanMessage("x"))).containsOnlyOnce("\"type\"");
	}

	@Test
	void readsMessagesAsLangChainJsClientsSendThem() {
		BaseMessage message = this.json.readValue(
				"{\"content\":\"hi\",\"type\":\"human\",\"additional_kwargs\":{},\"example\":false}", BaseMessage.class);
		assertThat(message).isEqualTo(new HumanMessage("hi"));
	}

	@Test
	void unknownMessageTypeIsRejectedWithoutInstantiatingAnything() {
		assertThatExceptionOfType(InvalidTypeIdException.class)
			.isThrownBy(() -> this.json.readValue("{\"type\":\"java.lang.ProcessBuilder\",\"content\":\"x\"}",
					BaseMessage.class))
			.withMessageContaining("java.lang.ProcessBuilder");
	}

	@Test
	void chunkTypeIsRevivedAsChunkEvenWhenAnAIMessageIsExpected() {
		AIMessage read = this.json.readValue(this.json.writeValueAsString(new AIMessageChunk("x")), AIMessage.class);
		assertThat(read).isInstanceOf(AIMessageChunk.class);
	}

}
