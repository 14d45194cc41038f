package dev.lcel.autoconfigure.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolCallChunk;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a chain's output in OpenAI's shapes: a whole answer as a {@code chat.completion}'s
 * {@code message}, a streamed chunk as a {@code chat.completion.chunk}'s {@code delta}. Text is the
 * content; a message's tool calls become {@code tool_calls} (streamed fragments keep their
 * {@code index}); any other value is written as its JSON text.
 */
final class CompletionMessages {

	private final JsonMapper json;

	CompletionMessages(JsonMapper json) {
		this.json = json;
	}

	/** The {@code message} of a whole answer. */
	Map<String, Object> message(Object output) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "assistant");
		if (output instanceof AIMessage ai) {
			message.put("content", (ai.content().isEmpty() && !ai.toolCalls().isEmpty()) ? null : ai.content());
			if (!ai.toolCalls().isEmpty()) {
				List<Map<String, Object>> calls = new ArrayList<>();
				for (ToolCall call : ai.toolCalls()) {
					calls.add(toolCall(null, call.id(), call.name(), this.json.writeValueAsString(call.args())));
				}
				message.put("tool_calls", calls);
			}
		}
		else {
			message.put("content", text(output));
		}
		message.put("refusal", null);
		return message;
	}

	/** The {@code delta} of a streamed chunk, or {@code null} when the chunk is not text or a message. */
	Map<String, Object> delta(Object chunk) {
		Map<String, Object> delta = new LinkedHashMap<>();
		if (chunk instanceof CharSequence text) {
			delta.put("content", text.toString());
			return delta;
		}
		if (chunk instanceof AIMessageChunk ai) {
			if (!ai.content().isEmpty() || ai.toolCallChunks().isEmpty()) {
				delta.put("content", ai.content());
			}
			if (!ai.toolCallChunks().isEmpty()) {
				List<Map<String, Object>> calls = new ArrayList<>();
				for (ToolCallChunk call : ai.toolCallChunks()) {
					calls.add(toolCall((call.index() != null) ? call.index() : calls.size(), blankToNull(call.id()),
							call.name(), call.args()));
				}
				delta.put("tool_calls", calls);
			}
			return delta;
		}
		if (chunk instanceof AIMessage ai) {
			Map<String, Object> message = message(ai);
			message.remove("role");
			message.remove("refusal");
			if (!ai.toolCalls().isEmpty()) {
				List<Map<String, Object>> calls = new ArrayList<>();
				for (ToolCall call : ai.toolCalls()) {
					calls.add(toolCall(calls.size(), call.id(), call.name(), this.json.writeValueAsString(call.args())));
				}
				message.put("tool_calls", calls);
			}
			return message;
		}
		return null;
	}

	/** Whether a chunk or an answer asks for tool calls. */
	static boolean hasToolCalls(Object output) {
		return (output instanceof AIMessageChunk chunk) ? !chunk.toolCallChunks().isEmpty()
				: (output instanceof AIMessage message) && !message.toolCalls().isEmpty();
	}

	String text(Object output) {
		if (output == null) {
			return "";
		}
		if (output instanceof CharSequence text) {
			return text.toString();
		}
		if (output instanceof AIMessage ai) {
			return ai.content();
		}
		return this.json.writeValueAsString(output);
	}

	private static Map<String, Object> toolCall(Integer index, String id, String name, String arguments) {
		Map<String, Object> call = new LinkedHashMap<>();
		if (index != null) {
			call.put("index", index);
		}
		if (id != null) {
			call.put("id", id);
		}
		if (id != null || name != null) {
			call.put("type", "function");
		}
		Map<String, Object> function = new LinkedHashMap<>();
		if (name != null) {
			function.put("name", name);
		}
		function.put("arguments", (arguments != null) ? arguments : "");
		call.put("function", function);
		return call;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
