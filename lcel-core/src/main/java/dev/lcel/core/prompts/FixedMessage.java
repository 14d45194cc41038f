package dev.lcel.core.prompts;

import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.BaseMessage;

/**
 * A message of a {@link ChatPromptTemplate} used as it is, never templated.
 */
record FixedMessage(BaseMessage message) implements ChatPromptPart {

	@Override
	public List<String> variables() {
		return List.of();
	}

	@Override
	public List<BaseMessage> format(Map<String, Object> values) {
		return List.of(this.message);
	}

}
