package dev.lcel.core.models.anthropic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.ToolCallChunk;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.http.StreamDecoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the events of one Messages stream into chunks. One instance per stream: it turns the
 * cumulative output-token counts of {@code message_delta} into increments, so that the chunks' usage
 * adds up to the message's, and notes when {@code message_stop} has arrived.
 */
final class AnthropicEvents extends StreamDecoder {

	private int outputTokensSoFar;

	AnthropicEvents() {
		super(AnthropicChatModel.PROVIDER);
	}

	/**
	 * Decode one event, whose {@code type} names it.
	 */
	@Override
	protected @Nullable AIMessageChunk decode(JsonNode event) {
		switch (event.path("type").asString("")) {
			case "message_start" -> {
				return messageStart(event.path("message"));
			}
			case "content_block_start" -> {
				return blockStart(event.path("index").asInt(), event.path("content_block"));
			}
			case "content_block_delta" -> {
				return blockDelta(event.path("index").asInt(), event.path("delta"));
			}
			case "message_delta" -> {
				return messageDelta(event.path("delta"), event.path("usage"));
			}
			case "message_stop" -> {
				end();
				return null;
			}
			case "error" -> throw streamError(event);
			default -> {
				// ping, content_block_stop, and event types this client does not know yet.
				return null;
			}
		}
	}

	private AIMessageChunk messageStart(JsonNode message) {
		JsonNode usage = message.path("usage");
		int input = usage.path("input_tokens").asInt(0) + usage.path("cache_creation_input_tokens").asInt(0)
				+ usage.path("cache_read_input_tokens").asInt(0);
		this.outputTokensSoFar = usage.path("output_tokens").asInt(0);
		Map<String, Object> metadata = message.path("model").isString()
				? Map.of("model_name", message.path("model").asString()) : Map.of();
		return new AIMessageChunk("", null, UsageMetadata.of(input, this.outputTokensSoFar), metadata,
				message.path("id").asString(null), null);
	}

	private static @Nullable AIMessageChunk blockStart(int index, JsonNode block) {
		String type = block.path("type").asString("");
		if (type.equals("text") && !block.path("text").asString("").isEmpty()) {
			return new AIMessageChunk(block.path("text").asString());
		}
		if (type.equals("tool_use")) {
			JsonNode input = block.path("input");
			String args = (input.isObject() && !input.isEmpty()) ? input.toString() : "";
			return toolChunk(new ToolCallChunk(index, block.path("id").asString(null), block.path("name").asString(null),
					args));
		}
		return null;
	}

	private static @Nullable AIMessageChunk blockDelta(int index, JsonNode delta) {
		return switch (delta.path("type").asString("")) {
			case "text_delta" -> new AIMessageChunk(delta.path("text").asString(""));
			case "input_json_delta" ->
				toolChunk(new ToolCallChunk(index, null, null, delta.path("partial_json").asString("")));
			default -> null;
		};
	}

	private AIMessageChunk messageDelta(JsonNode delta, JsonNode usage) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		if (delta.path("stop_reason").isString()) {
			metadata.put("stop_reason", delta.path("stop_reason").asString());
		}
		if (delta.path("stop_sequence").isString()) {
			metadata.put("stop_sequence", delta.path("stop_sequence").asString());
		}
		UsageMetadata increment = null;
		if (usage.path("output_tokens").isIntegralNumber()) {
			int outputTokens = usage.path("output_tokens").asInt();
			increment = UsageMetadata.of(0, outputTokens - this.outputTokensSoFar);
			this.outputTokensSoFar = outputTokens;
		}
		return new AIMessageChunk("", null, increment, metadata, null, null);
	}

	private static AIMessageChunk toolChunk(ToolCallChunk chunk) {
		return new AIMessageChunk("", List.of(chunk), null, null, null, null);
	}

}
