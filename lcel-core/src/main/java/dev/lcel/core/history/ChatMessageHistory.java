package dev.lcel.core.history;

import java.util.List;

import dev.lcel.core.messages.BaseMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The messages of one conversation, kept between calls: what
 * {@link RunnableWithMessageHistory} reads before a chain runs and appends to after it.
 *
 * <p>Every method is non-blocking and does nothing until its publisher is subscribed, so a store
 * backed by a network service (Redis) never blocks a caller's thread. Implementations are safe
 * for concurrent use; {@link #addMessages} appends its messages together, in order, so appends
 * from concurrent calls (or from several application instances) never interleave within one
 * call's messages.
 */
public interface ChatMessageHistory {

	/**
	 * Return the messages of the conversation, oldest first.
	 * @return the messages, lazily; empty for a conversation not (or no longer) kept
	 */
	Flux<BaseMessage> getMessages();

	/**
	 * Append messages to the conversation. A streamed {@code AIMessageChunk} is kept as the plain
	 * {@code AIMessage} it adds up to. A history that keeps a limited number of messages drops the
	 * oldest ones beyond it.
	 * @param messages the messages, in order
	 * @return completion, lazily; an error if the messages could not be stored
	 */
	Mono<Void> addMessages(List<? extends BaseMessage> messages);

	/**
	 * Remove every message of the conversation.
	 * @return completion, lazily
	 */
	Mono<Void> clear();

}
