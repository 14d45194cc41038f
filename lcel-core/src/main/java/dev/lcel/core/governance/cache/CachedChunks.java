package dev.lcel.core.governance.cache;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.ToolCallChunk;
import dev.lcel.core.messages.UsageMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of an answer: its chunks as they streamed, as JSON, so that a replay has the
 * original chunking and every store (memory, Redis) holds the same bytes.
 */
final class CachedChunks {

	private static final JsonMapper JSON = JsonMapper.shared();

	private CachedChunks() {
	}

	static byte[] encode(List<AIMessageChunk> chunks) {
		return JSON.writeValueAsBytes(chunks.stream().map(Stored::of).toList());
	}

	/**
	 * Read stored chunks.
	 * @throws tools.jackson.core.JacksonException if the bytes are not an answer of this form
	 */
	static List<AIMessageChunk> decode(byte[] bytes) {
		Stored[] stored = JSON.readValue(bytes, Stored[].class);
		return Arrays.stream(stored).map(Stored::chunk).toList();
	}

	private record Stored(@JsonProperty("content") String content,
			@JsonProperty("tool_call_chunks") List<ToolCallChunk> toolCallChunks,
			@JsonProperty("usage_metadata") UsageMetadata usageMetadata,
			@JsonProperty("response_metadata") Map<String, Object> responseMetadata, @JsonProperty("id") String id,
			@JsonProperty("name") String name) {

		static Stored of(AIMessageChunk chunk) {
			return new Stored(chunk.content(), chunk.toolCallChunks(), chunk.usageMetadata(), chunk.responseMetadata(),
					chunk.id(), chunk.name());
		}

		AIMessageChunk chunk() {
			return new AIMessageChunk((this.content != null) ? this.content : "", this.toolCallChunks, this.usageMetadata,
					this.responseMetadata, this.id, this.name);
		}

	}

}
