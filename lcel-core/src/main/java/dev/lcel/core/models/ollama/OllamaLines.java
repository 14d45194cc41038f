package dev.lcel.core.models.ollama;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.ToolCallChunk;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.http.ProviderErrors;
import dev.lcel.core.models.http.StreamDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes the lines of one {@code /api/chat} stream into chunks. One instance per stream: it numbers
 * the tool calls, which Ollama sends whole, so that calls from different lines never merge, and notes
 * when the {@code "done": true} line has arrived.
 */
final class OllamaLines implements StreamDecoder {

	private int toolCalls;

	private boolean ended;

	@Override
	public boolean ended() {
		return this.ended;
	}

	/**
	 * Decode one line.
	 * @param line a JSON object
	 * @return the chunk
	 * @throws tools.jackson.core.JacksonException if the line is not JSON
	 * @throws dev.lcel.core.models.ChatModelException if the line reports an error
	 */
	@Override
	public AIMessageChunk decode(String line) {
		JsonNode node = JsonMapper.shared().readTree(line);
		if (node.has("error")) {
			throw ProviderErrors.fromStreamError(OllamaChatModel.PROVIDER, node);
		}
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
			this.ended = true;
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
