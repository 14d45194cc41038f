package dev.lcel.core.tools;

import dev.lcel.core.messages.BaseMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a tool's result says to the model, as text: a string as it is, a message's content, and
 * anything else as JSON, as LangChain stringifies a tool's output for its {@code ToolMessage}.
 */
final class ToolOutputs {

	private ToolOutputs() {
	}

	static String content(Object result) {
		if (result == null) {
			return "";
		}
		if (result instanceof CharSequence text) {
			return text.toString();
		}
		if (result instanceof BaseMessage message) {
			return message.content();
		}
		return JsonMapper.shared().writeValueAsString(result);
	}

}
