package dev.lcel.core.history;

import java.util.List;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.messages.ToolMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StoredMessagesTests {

	@Test
	void messagesRoundTripThroughJsonWithTheirType() {
		for (var message : List.of(new HumanMessage("hi"), new AIMessage("hello"), new SystemMessage("be brief"))) {
			String json = StoredMessages.toJson(message);
			assertThat(json).contains("\"type\":\"" + switch (message.role()) {
				case "Human" -> "human";
				case "AI" -> "ai";
				default -> "system";
			} + "\"");
			assertThat(StoredMessages.fromJson(json)).isEqualTo(message);
		}
	}

	@Test
	void toolMessagesRoundTrip() {
		ToolMessage tool = new ToolMessage("42", "call_1");
		assertThat(StoredMessages.fromJson(StoredMessages.toJson(tool))).isEqualTo(tool);
	}

	@Test
	void chunksAreStoredAsPlainMessages() {
		AIMessageChunk chunk = new AIMessageChunk("he").add(new AIMessageChunk("llo"));
		assertThat(StoredMessages.of(List.of(chunk))).containsExactly(new AIMessage("hello"));
		assertThat(StoredMessages.toJson(chunk)).contains("\"type\":\"ai\"");
	}

	@Test
	void unknownTypesAndClassNamesAreRejected() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> StoredMessages.fromJson("{\"type\":\"java.lang.ProcessBuilder\",\"content\":\"x\"}"));
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> StoredMessages.fromJson("{\"@class\":\"java.net.URL\",\"content\":\"x\"}"));
	}

}
