package dev.lcel.core.models.ollama;

import java.util.List;
import java.util.Set;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.http.internal.RequestBodies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the body of a streaming {@code /api/chat} request.
 */
final class OllamaRequests {

	/** The parameters that belong at the request's top level rather than in {@code options}. */
	private static final Set<String> TOP_LEVEL = Set.of("format", "keep_alive", "think");

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private OllamaRequests() {
	}

	static ObjectNode body(String model, List<BaseMessage> messages, ChatOptions options) {
		ObjectNode body = NODES.objectNode();
		body.put("model", model);
		ArrayNode wire = body.putArray("messages");
		messages.forEach((message) -> wire.add(message(message)));
		body.put("stream", true);
		RequestBodies.putTools(body, options.tools(), RequestBodies::functionTool);
		ObjectNode modelOptions = NODES.objectNode();
		RequestBodies.putSampling(modelOptions, options, "num_predict", "stop");
		options.extra().forEach((name, value) -> {
			if (TOP_LEVEL.contains(name)) {
				body.set(name, JSON.valueToTree(value));
			}
			else {
				modelOptions.set(name, JSON.valueToTree(value));
			}
		});
		if (!modelOptions.isEmpty()) {
			body.set("options", modelOptions);
		}
		return body;
	}

	private static ObjectNode message(BaseMessage message) {
		ObjectNode wire = NODES.objectNode();
		if (message instanceof SystemMessage system) {
			wire.put("role", "system").put("content", system.content());
		}
		else if (message instanceof HumanMessage human) {
			wire.put("role", "user").put("content", human.content());
		}
		else if (message instanceof AIMessage ai) {
			wire.put("role", "assistant").put("content", ai.content());
			if (!ai.toolCalls().isEmpty()) {
				ArrayNode calls = wire.putArray("tool_calls");
				ai.toolCalls()
					.forEach((call) -> calls.addObject()
						.putObject("function")
						.put("name", call.name())
						.set("arguments", JSON.valueToTree(call.args())));
			}
		}
		else if (message instanceof ToolMessage tool) {
			wire.put("role", "tool").put("content", tool.content());
			if (tool.name() != null) {
				wire.put("tool_name", tool.name());
			}
		}
		return wire;
	}

}
