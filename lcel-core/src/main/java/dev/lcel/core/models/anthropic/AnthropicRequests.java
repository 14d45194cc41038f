package dev.lcel.core.models.anthropic;

import java.util.ArrayList;
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
 * Writes the body of a streaming Messages request: system messages joined into {@code system},
 * consecutive tool results sent together in one user turn.
 */
final class AnthropicRequests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private AnthropicRequests() {
	}

	static ObjectNode body(String model, List<BaseMessage> messages, ChatOptions options) {
		ObjectNode body = NODES.objectNode();
		body.put("model", model);
		body.put("max_tokens",
				(options.maxTokens() != null) ? options.maxTokens() : AnthropicChatModel.DEFAULT_MAX_TOKENS);
		List<String> system = new ArrayList<>();
		ArrayNode wire = NODES.arrayNode();
		ArrayNode toolResults = null;
		for (BaseMessage message : messages) {
			if (message instanceof ToolMessage tool) {
				if (toolResults == null) {
					toolResults = wire.addObject().put("role", "user").putArray("content");
				}
				toolResults.addObject()
					.put("type", "tool_result")
					.put("tool_use_id", tool.toolCallId())
					.put("content", tool.content());
				continue;
			}
			toolResults = null;
			if (message instanceof SystemMessage systemMessage) {
				system.add(systemMessage.content());
			}
			else if (message instanceof HumanMessage human) {
				wire.addObject().put("role", "user").put("content", human.content());
			}
			else if (message instanceof AIMessage ai) {
				wire.add(assistant(ai));
			}
		}
		if (!system.isEmpty()) {
			body.put("system", String.join("\n\n", system));
		}
		body.set("messages", wire);
		body.put("stream", true);
		RequestBodies.putSampling(body, options, null, "stop_sequences");
		RequestBodies.putTools(body, options.tools(), (tool) -> RequestBodies.putDefinition(NODES.objectNode(), tool, "input_schema"));
		RequestBodies.putExtra(body, options.extra());
		return body;
	}

	private static ObjectNode assistant(AIMessage ai) {
		ObjectNode wire = NODES.objectNode().put("role", "assistant");
		if (ai.toolCalls().isEmpty()) {
			return wire.put("content", ai.content());
		}
		ArrayNode content = wire.putArray("content");
		if (!ai.content().isEmpty()) {
			content.addObject().put("type", "text").put("text", ai.content());
		}
		for (ToolCall call : ai.toolCalls()) {
			content.addObject()
				.put("type", "tool_use")
				.put("id", call.id())
				.put("name", call.name())
				.set("input", JsonMapper.shared().valueToTree(call.args()));
		}
		return wire;
	}

}
