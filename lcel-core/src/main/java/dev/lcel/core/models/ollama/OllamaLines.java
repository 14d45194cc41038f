package dev.lcel.core.models.ollama;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.ToolCallChunk;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.http.StreamDecoder;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the lines of one {@code /api/chat} stream into chunks. One instance per stream: it numbers
 * the tool calls, which Ollama sends whole, so that calls from different lines never merge, and notes
 * when the {@code "done": true} line has arrived.
 */
final class OllamaLines extends StreamDecoder {

	private int toolCalls;

	OllamaLines() {
		super(OllamaChatModel.PROVIDER);
	}

	/**
	 * Decode one line.
	 */
	@Override
	protected AIMessageChunk decode(JsonNode node) {
		JsonNode message = node.path("message");
		List<ToolCallChunk> calls = null;
		if (message.path("tool_calls").isArray()) {
			calls = new ArrayList<>();
			for (JsonNode call : message.path("tool_calls")) {
				JsonNode function = call.path("function");
				JsonNode arguments = function.path("arguments");
				calls.add(new ToolCallChunk(this.toolCalls++, call.path("id").asString(null),
						function.path("name").asString(null),
						arguments.isString() ? arguments.asString() : arguments.isMissingNode() ? "{}" : arguments.toString()));
			}
		}
		UsageMetadata usage = null;
		Map<String, Object> metadata = null;
		if (node.path("done").asBoolean(false)) {
			end();
			usage = UsageMetadata.of(node.path("prompt_eval_count").asInt(0), node.path("eval_count").asInt(0));
			metadata = new LinkedHashMap<>();
			metadata.put("model_name", node.path("model").asString(""));
			if (node.path("done_reason").isString()) {
				metadata.put("done_reason", node.path("done_reason").asString());
			}
		}
		return new AIMessageChunk(message.path("content").asString(""), calls, usage, metadata, null, null);
	}

}
