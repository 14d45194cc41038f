package dev.lcel.autoconfigure.openai;

import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.BaseMessage;

/**
 * A chat completion request, read and checked.
 *
 * @param model the model id (a chain)
 * @param messages the conversation, never empty
 * @param stream whether to answer as a stream of chunks
 * @param includeUsage whether a stream ends with a usage chunk
 * @param options the sampling parameters the request set ({@code temperature}, {@code max_tokens},
 * {@code stop}, {@code top_p}), by their OpenAI names
 * @param user the end user's id, or {@code null}
 */
record ChatRequest(String model, List<BaseMessage> messages, boolean stream, boolean includeUsage,
		Map<String, Object> options, String user) {
}
