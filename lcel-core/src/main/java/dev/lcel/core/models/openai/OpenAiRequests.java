package dev.lcel.core.models.openai;

import java.util.List;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.http.internal.RequestBodies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the body of a streaming Chat Completions request.
 */
final class OpenAiRequests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private OpenAiRequests() {
	}

	static ObjectNode body(String model, List<BaseMessage> messages, ChatOptions options) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("model", model);
		ArrayNode wire = body.putArray("messages");
		messages.forEach((message) -> wire.add(message(message)));
		body.put("stream", true);
		body.putObject("stream_options").put("include_usage", true);
		RequestBodies.putSampling(body, options, "max_tokens", "stop");
		RequestBodies.putTools(body, options.tools(), RequestBodies::functionTool);
		RequestBodies.putExtra(body, options.extra());
		return body;
	}

	private static ObjectNode message(BaseMessage message) {
		ObjectNode wire = JsonNodeFactory.instance.objectNode();
		if (message instanceof SystemMessage system) {
			wire.put("role", "system").put("content", system.content());
		}
		else if (message instanceof HumanMessage human) {
			wire.put("role", "user").put("content", human.content());
		}
		else if (message instanceof AIMessage ai) {
			wire.put("role", "assistant");
			if (ai.toolCalls().isEmpty() || !ai.content().isEmpty()) {
				wire.put("content", ai.content());
			}
			else {
				wire.putNull("content");
			}
			if (!ai.toolCalls().isEmpty()) {
				ArrayNode calls = wire.putArray("tool_calls");
				ai.toolCalls().forEach((call) -> calls.add(toolCall(call)));
			}
		}
		else if (message instanceof ToolMessage tool) {
			wire.put("role", "tool").put("tool_call_id", tool.toolCallId()).put("content", tool.content());
		}
		if (message.name() != null && !(message instanceof ToolMessage)) {
			wire.put("name", message.name());
		}
		return wire;
	}

	private static ObjectNode toolCall(ToolCall call) {
		ObjectNode wire = JsonNodeFactory.instance.objectNode();
		wire.put("id", call.id()).put("type", "function");
		wire.putObject("function").put("name", call.name()).put("arguments", JSON.writeValueAsString(call.args()));
		return wire;
	}

}
