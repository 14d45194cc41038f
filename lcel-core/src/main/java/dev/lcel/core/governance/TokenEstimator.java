package dev.lcel.core.governance;

import java.util.List;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.ToolCall;

/**
 * Estimates the input tokens of a model call from its conversation, before the call: what a rate
 * limiter counts against a token limit until the provider reports the call's real usage.
 */
@FunctionalInterface
public interface TokenEstimator {

	/**
	 * The default rule: a quarter of the characters of the conversation, rounded up (the text of
	 * every message and the name and arguments of every tool call), at least one token per message.
	 * It is the rule of thumb that the providers publish for their tokenizers on English text, it
	 * needs no tokenizer, and it costs one pass over the text. It overestimates short words and
	 * underestimates scripts without spaces; the provider's reported usage corrects either after the
	 * call.
	 */
	TokenEstimator CHARACTERS_OVER_FOUR = (messages) -> {
		long tokens = 0;
		for (BaseMessage message : messages) {
			long characters = message.content().length();
			if (message instanceof AIMessage ai) {
				for (ToolCall call : ai.toolCalls()) {
					characters += call.name().length() + String.valueOf(call.args()).length();
				}
			}
			tokens += Math.max(1, (characters + 3) / 4);
		}
		return tokens;
	};

	/**
	 * Return the estimated input tokens of a call.
	 * @param messages the call's conversation
	 * @return the estimate, not negative
	 */
	long estimate(List<BaseMessage> messages);

}
