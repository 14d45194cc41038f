package dev.lcel.core.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolCallChunk;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scripted tool calls for the fake models: a scripted response that starts with
 * {@value #PREFIX} followed by a JSON array of calls ({@code name}, {@code args}, optionally
 * {@code id}) is answered with a message that asks to call those tools, so a tool-calling loop
 * runs offline. The same text works in Java and in YAML ({@code lcel.models.NAME.responses}):
 *
 * <pre class="code">
 * tool_calls: [{"name": "multiply", "args": {"a": 6, "b": 7}}]
 * </pre>
 *
 * <p>The calls stream as one chunk of tool-call fragments (one per call, by index), with finish
 * reason {@code tool_calls}; a call without an id gets a fresh {@code call_...} id.
 */
public final class FakeToolCalls {

	/** What a scripted response that asks for tool calls starts with. */
	public static final String PREFIX = "tool_calls:";

	private static final JsonMapper JSON = JsonMapper.shared();

	private FakeToolCalls() {
	}

	/**
	 * Return the scripted response that asks for these tool calls.
	 * @param calls the calls, each with its arguments (and id, if any)
	 * @return the response, for {@link FakeListChatModel} or {@link FakeStreamingChatModel}
	 */
	public static String script(ToolCall... calls) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (ToolCall call : calls) {
			Objects.requireNonNull(call, "calls must not hold null");
			Map<String, Object> entry = new java.util.LinkedHashMap<>();
			if (call.id() != null) {
				entry.put("id", call.id());
			}
			entry.put("name", call.name());
			entry.put("args", call.args());
			list.add(entry);
		}
		return PREFIX + " " + JSON.writeValueAsString(list);
	}

	static boolean isScript(String response) {
		return response.startsWith(PREFIX);
	}

	/**
	 * Return the chunk that asks for the scripted calls.
	 * @throws IllegalArgumentException if the text after the prefix is not a JSON array of calls
	 */
	static AIMessageChunk chunk(String response, String messageId) {
		List<ToolCall> calls;
		try {
			calls = JSON.readValue(response.substring(PREFIX.length()).strip(), new TypeReference<List<ToolCall>>() {
			});
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("A fake model's scripted tool calls must be '" + PREFIX
					+ " [{\"name\": ..., \"args\": {...}}]', but were: " + response, ex);
		}
		List<ToolCallChunk> chunks = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			ToolCall call = calls.get(i);
			String id = (call.id() != null) ? call.id() : "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
			chunks.add(new ToolCallChunk(i, id, call.name(), JSON.writeValueAsString(call.args())));
		}
		return new AIMessageChunk("", chunks, null, Map.of("finish_reason", "tool_calls"), messageId, null);
	}

}
