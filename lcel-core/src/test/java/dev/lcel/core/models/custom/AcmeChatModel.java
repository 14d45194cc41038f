package dev.lcel.core.models.custom;

import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.http.HttpChatApi;
import dev.lcel.core.models.http.HttpChatApi.Framing;
import dev.lcel.core.models.http.HttpChatApi.StructuredOutput;
import dev.lcel.core.models.http.HttpChatModel;
import dev.lcel.core.models.http.StreamDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The provider of {@code docs/models.md}'s "Writing a provider", outside lcel's packages: an API
 * that streams {@code {"text": ...}} lines and ends with {@code {"done": true}}.
 */
public final class AcmeChatModel extends HttpChatModel {

	private static final HttpChatApi API = new HttpChatApi("acme", "/v1/chat", "/v1/models", Framing.JSON_LINES,
			AcmeChatModel::body, AcmeLines::new, "its \"done\" line", StructuredOutput.INSTRUCTIONS);

	private AcmeChatModel(Builder builder) {
		super(API, builder, builder.headers());
	}

	public static Builder builder() {
		return new Builder();
	}

	private static ObjectNode body(String model, List<BaseMessage> messages, ChatOptions options) {
		ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model);
		messages.forEach((message) -> body.withArray("messages")
			.addObject()
			.put("role", message.role())
			.put("content", message.content()));
		if (options.temperature() != null) {
			body.put("temperature", options.temperature());
		}
		return body;
	}

	private static final class AcmeLines extends StreamDecoder {

		AcmeLines() {
			super("acme");
		}

		@Override
		protected AIMessageChunk decode(JsonNode line) {
			if (line.path("done").asBoolean(false)) {
				end();
			}
			return new AIMessageChunk(line.path("text").asString(""));
		}

	}

	public static final class Builder extends HttpChatModel.Builder<Builder> {

		private Builder() {
			super("https://api.acme.example");
		}

		private Map<String, String> headers() {
			return apiKeyHeaders("Authorization", "Bearer ");
		}

		@Override
		public AcmeChatModel build() {
			return new AcmeChatModel(this);
		}

	}

}
