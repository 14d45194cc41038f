package dev.lcel.core.messages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lcel.core.runnable.Addable;
import dev.lcel.core.runnable.ChunkAggregator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A part of a model's message as it streams: chunks add up, in order, to the message so far.
 *
 * <p>{@link #add(AIMessageChunk)} concatenates content, merges tool-call fragments by their index
 * (names and argument texts concatenate), sums token usage, merges response metadata (nested maps
 * key by key, a later value replacing an earlier one) and keeps the first id and name. It is
 * associative, so {@link ChunkAggregator} joins a model's stream into one
 * chunk, and {@link #toMessage()} turns that into a plain {@link AIMessage}.
 *
 * <p>{@link #toolCalls()} lists the calls whose fragments so far have a name, with their
 * arguments parsed once the argument text is a complete JSON object (empty until then).
 */
public final class AIMessageChunk extends AIMessage implements Addable<AIMessageChunk> {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** The list a chunk without tool-call fragments keeps: {@code List.of()}, one shared instance. */
	private static final List<ToolCallChunk> NO_TOOL_CALL_CHUNKS = List.of();

	/** The map a message without response metadata keeps: {@code Map.of()}, one shared instance. */
	private static final Map<String, Object> NO_METADATA = Map.of();

	private final List<ToolCallChunk> toolCallChunks;

	/**
	 * Create a chunk.
	 * @param content the text of this chunk
	 * @param toolCallChunks the tool-call fragments of this chunk, {@code null} for none
	 * @param usageMetadata the tokens reported with this chunk, or {@code null}
	 * @param responseMetadata provider metadata reported with this chunk, {@code null} for none
	 * @param id the message id, or {@code null}
	 * @param name the author's name, or {@code null}
	 */
	@JsonCreator
	public AIMessageChunk(@JsonProperty("content") String content,
			@JsonProperty("tool_call_chunks") @Nullable List<ToolCallChunk> toolCallChunks,
			@JsonProperty("usage_metadata") @Nullable UsageMetadata usageMetadata,
			@JsonProperty("response_metadata") @Nullable Map<String, Object> responseMetadata,
			@JsonProperty("id") @Nullable String id, @JsonProperty("name") @Nullable String name) {
		super(content, parse(toolCallChunks), usageMetadata, responseMetadata, id, name);
		this.toolCallChunks = (toolCallChunks != null) ? List.copyOf(toolCallChunks) : List.of();
	}

	/**
	 * Create a chunk of text only.
	 * @param content the text
	 */
	public AIMessageChunk(String content) {
		this(content, null, null, null, null, null);
	}

	/**
	 * Return the tool-call fragments of this chunk.
	 * @return the fragments, possibly empty
	 */
	@JsonProperty("tool_call_chunks")
	public List<ToolCallChunk> toolCallChunks() {
		return this.toolCallChunks;
	}

	/**
	 * Join the chunk that follows this one; neither chunk is modified.
	 * @param next the later chunk
	 * @return the message so far
	 */
	@Override
	public AIMessageChunk add(AIMessageChunk next) {
		return new AIMessageChunk(content() + next.content(), mergeToolCalls(this.toolCallChunks, next.toolCallChunks),
				(usageMetadata() != null) ? usageMetadata().add(next.usageMetadata()) : next.usageMetadata(),
				mergeMetadata(responseMetadata(), next.responseMetadata()), (id() != null) ? id() : next.id(),
				(name() != null) ? name() : next.name());
	}

	/**
	 * Return the message these chunks add up to, as a plain {@link AIMessage}.
	 * @return the message
	 */
	public AIMessage toMessage() {
		return new AIMessage(content(), toolCalls(), usageMetadata(), responseMetadata(), id(), name());
	}

	/**
	 * Join {@code rest} after this chunk in one pass: the same message as adding them one by one,
	 * in time linear in the total length of the content.
	 * @param rest the chunks that follow this one
	 * @return the message so far
	 */
	@Override
	public AIMessageChunk addAll(List<? extends AIMessageChunk> rest) {
		if (rest.isEmpty()) {
			return this;
		}
		int size = rest.size();
		if (!(rest instanceof RandomAccess)) {
			rest = new ArrayList<>(rest);
		}
		int length = content().length();
		for (int i = 0; i < size; i++) {
			length += rest.get(i).content().length();
		}
		StringBuilder content = new StringBuilder(length).append(content());
		List<ToolCallChunk> toolCalls = this.toolCallChunks;
		UsageMetadata usage = usageMetadata();
		Map<String, Object> metadata = responseMetadata();
		String id = id();
		String name = name();
		for (int i = 0; i < size; i++) {
			AIMessageChunk next = rest.get(i);
			content.append(next.content());
			if (id == null) {
				id = next.id();
			}
			if (name == null) {
				name = next.name();
			}
			if (next.textOnly()) {
				continue;
			}
			toolCalls = mergeToolCalls(toolCalls, next.toolCallChunks);
			usage = (usage != null) ? usage.add(next.usageMetadata()) : next.usageMetadata();
			metadata = mergeMetadata(metadata, next.responseMetadata());
		}
		return new AIMessageChunk(content.toString(), toolCalls, usage, metadata, id, name);
	}

	/**
	 * Return whether this chunk carries text only: for the common chunk three field reads and two
	 * identity comparisons with the shared empty list and map its constructor keeps for none, where
	 * asking {@code isEmpty()} would be two interface calls per chunk.
	 */
	private boolean textOnly() {
		if (usageMetadata() != null) {
			return false;
		}
		List<ToolCallChunk> toolCalls = this.toolCallChunks;
		Map<String, Object> metadata = responseMetadata();
		return (toolCalls == NO_TOOL_CALL_CHUNKS || toolCalls.isEmpty()) && (metadata == NO_METADATA || metadata.isEmpty());
	}

	private static List<ToolCallChunk> mergeToolCalls(List<ToolCallChunk> first, List<ToolCallChunk> second) {
		if (second.isEmpty()) {
			return first;
		}
		List<ToolCallChunk> merged = new ArrayList<>(first);
		for (ToolCallChunk chunk : second) {
			int at = indexOf(merged, chunk.index());
			if (at < 0) {
				merged.add(chunk);
			}
			else {
				merged.set(at, merged.get(at).merge(chunk));
			}
		}
		return merged;
	}

	private static int indexOf(List<ToolCallChunk> chunks, Integer index) {
		if (index != null) {
			for (int i = 0; i < chunks.size(); i++) {
				if (index.equals(chunks.get(i).index())) {
					return i;
				}
			}
		}
		return -1;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> mergeMetadata(Map<String, Object> first, Map<String, Object> second) {
		if (second.isEmpty()) {
			return first;
		}
		if (first.isEmpty()) {
			return second;
		}
		Map<String, Object> merged = new LinkedHashMap<>(first);
		second.forEach((key, value) -> {
			Object earlier = merged.get(key);
			if (earlier instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
				merged.put(key, mergeMetadata((Map<String, Object>) a, (Map<String, Object>) b));
			}
			else if (value != null || !merged.containsKey(key)) {
				merged.put(key, value);
			}
		});
		return merged;
	}

	@SuppressWarnings("unchecked")
	private static List<ToolCall> parse(List<ToolCallChunk> chunks) {
		if (chunks == null || chunks.isEmpty()) {
			return List.of();
		}
		List<ToolCall> calls = new ArrayList<>();
		for (ToolCallChunk chunk : chunks) {
			if (chunk.name() == null || chunk.name().isEmpty()) {
				continue;
			}
			Map<String, Object> args = Map.of();
			if (chunk.args() != null && !chunk.args().isBlank()) {
				try {
					Object value = JSON.readValue(chunk.args(), Object.class);
					args = (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
				}
				catch (JacksonException ex) {
					// Incomplete arguments: the call is listed, its arguments follow once complete.
				}
			}
			calls.add(new ToolCall(chunk.id(), chunk.name(), args));
		}
		return Collections.unmodifiableList(calls);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return super.equals(other) && this.toolCallChunks.equals(((AIMessageChunk) other).toolCallChunks);
	}

	@Override
	public int hashCode() {
		return 31 * super.hashCode() + this.toolCallChunks.hashCode();
	}

}
