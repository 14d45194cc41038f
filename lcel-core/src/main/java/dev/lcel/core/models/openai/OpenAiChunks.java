package dev.lcel.core.models.openai;

import java.util.ArrayList;
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
 * Decodes the {@code data:} objects of one Chat Completions stream into chunks, until
 * {@code [DONE]}. One instance per
 * stream: it numbers tool calls from servers that leave out their {@code index} (a new id starts a
 * new call, a fragment without one continues the last), and treats an empty id as absent.
 */
final class OpenAiChunks extends StreamDecoder {

	private int lastToolIndex = -1;

	private final Map<String, Integer> indexById = new LinkedHashMap<>();

	private boolean first = true;

	OpenAiChunks() {
		super(OpenAiChatModel.PROVIDER);
	}

	@Override
	protected boolean isEndMarker(String data) {
		return data.strip().equals("[DONE]");
	}

	/**
	 * Decode the JSON of one {@code chat.completion.chunk}.
	 */
	@Override
	protected AIMessageChunk decode(JsonNode node) {
		String id = text(node.path("id"));
		Map<String, Object> metadata = new LinkedHashMap<>();
		if (this.first) {
			this.first = false;
			putText(metadata, "model_name", node.path("model"));
			putText(metadata, "system_fingerprint", node.path("system_fingerprint"));
		}
		String content = "";
		List<ToolCallChunk> toolCalls = null;
		JsonNode choice = node.path("choices").path(0);
		if (choice.isObject()) {
			JsonNode delta = choice.path("delta");
			content = delta.path("content").isString() ? delta.path("content").asString() : "";
			if (delta.path("tool_calls").isArray()) {
				toolCalls = toolCalls(delta.path("tool_calls"));
			}
			putText(metadata, "finish_reason", choice.path("finish_reason"));
		}
		return new AIMessageChunk(content, toolCalls, usage(node.path("usage")), metadata, id, null);
	}

	private List<ToolCallChunk> toolCalls(JsonNode deltas) {
		List<ToolCallChunk> calls = new ArrayList<>(deltas.size());
		for (JsonNode delta : deltas) {
			String id = text(delta.path("id"));
			int index;
			if (delta.path("index").isIntegralNumber()) {
				index = delta.path("index").asInt();
			}
			else if (id != null) {
				index = this.indexById.computeIfAbsent(id, (newId) -> this.lastToolIndex + 1);
			}
			else {
				index = Math.max(this.lastToolIndex, 0);
			}
			this.lastToolIndex = index;
			JsonNode function = delta.path("function");
			calls.add(new ToolCallChunk(index, id, text(function.path("name")), text(function.path("arguments"))));
		}
		return calls;
	}

	private static @Nullable UsageMetadata usage(JsonNode usage) {
		if (!usage.isObject()) {
			return null;
		}
		int input = usage.path("prompt_tokens").asInt(0);
		int output = usage.path("completion_tokens").asInt(0);
		return new UsageMetadata(input, output, usage.path("total_tokens").asInt(input + output));
	}

	private static void putText(Map<String, Object> metadata, String key, JsonNode value) {
		String text = text(value);
		if (text != null) {
			metadata.put(key, text);
		}
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isString() && !node.asString().isEmpty()) ? node.asString() : null;
	}

}
