package dev.lcel.core.history;

import java.util.ArrayList;
import java.util.List;

import dev.lcel.core.messages.BaseMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link ChatMessageHistory} kept in this JVM's memory, optionally keeping only the most recent
 * messages. Lost when the JVM stops and not shared with other instances: for tests, development
 * and single-instance applications.
 *
 * <p>Thread-safe: each method works under this history's lock, so one call's messages are
 * appended together.
 */
public final class InMemoryChatMessageHistory implements ChatMessageHistory {

	private final List<BaseMessage> messages = new ArrayList<>();

	private final int maxMessages;

	/**
	 * Create a history that keeps every message.
	 */
	public InMemoryChatMessageHistory() {
		this(0);
	}

	/**
	 * Create a history that keeps at most {@code maxMessages} messages, dropping the oldest.
	 * @param maxMessages the most messages kept; 0 for no limit
	 * @throws IllegalArgumentException if {@code maxMessages} is negative
	 */
	public InMemoryChatMessageHistory(int maxMessages) {
		if (maxMessages < 0) {
			throw new IllegalArgumentException("maxMessages must not be negative, was " + maxMessages);
		}
		this.maxMessages = maxMessages;
	}

	@Override
	public Flux<BaseMessage> getMessages() {
		return Flux.defer(() -> Flux.fromIterable(snapshot()));
	}

	/**
	 * Return the messages now in this history.
	 * @return a copy of the messages, oldest first
	 */
	public synchronized List<BaseMessage> snapshot() {
		return List.copyOf(this.messages);
	}

	@Override
	public Mono<Void> addMessages(List<? extends BaseMessage> messages) {
		return Mono.fromRunnable(() -> append(StoredMessages.of(messages)));
	}

	private synchronized void append(List<BaseMessage> added) {
		this.messages.addAll(added);
		if (this.maxMessages > 0 && this.messages.size() > this.maxMessages) {
			this.messages.subList(0, this.messages.size() - this.maxMessages).clear();
		}
	}

	@Override
	public Mono<Void> clear() {
		return Mono.fromRunnable(this::removeAll);
	}

	private synchronized void removeAll() {
		this.messages.clear();
	}

}
