package dev.lcel.core.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.runnable.Addable;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ToolCallingAgent} adds to a conversation in one call: each model answer
 * ({@link AIMessage}) and the {@link ToolMessage}s of its tool calls, in
 * order, ending with the model's final answer. On the wire it is {@code {"messages": [...]}},
 * as LangChain's agents answer.
 *
 * <p>Streamed, an agent emits turns of one message each, and a model answer streams as turns of
 * one {@link AIMessageChunk} each: turns add up by concatenating their messages, two message
 * chunks side by side joining into one (within a turn, a model answer is always followed by tool
 * messages or ends it, so adjacent chunks are always of the same answer).
 *
 * @param messages the messages, in order
 */
public record AgentTurn(@JsonProperty("messages") List<BaseMessage> messages) implements Addable<AgentTurn> {

	/**
	 * Create a turn.
	 * @param messages the messages, in order
	 */
	public AgentTurn {
		messages = List.copyOf(Objects.requireNonNull(messages, "messages must not be null"));
	}

	/**
	 * Return a turn of one message.
	 * @param message the message
	 * @return the turn
	 */
	public static AgentTurn of(BaseMessage message) {
		return new AgentTurn(List.of(message));
	}

	/**
	 * Return the model's last answer in this turn, its final answer when the turn is complete.
	 * @return the last {@link AIMessage} (a plain message, also when it was streamed), or
	 * {@code null} if there is none
	 */
	@JsonIgnore
	public @Nullable AIMessage finalAnswer() {
		for (int i = this.messages.size() - 1; i >= 0; i--) {
			if (this.messages.get(i) instanceof AIMessageChunk chunk) {
				return chunk.toMessage();
			}
			if (this.messages.get(i) instanceof AIMessage answer) {
				return answer;
			}
		}
		return null;
	}

	@Override
	public AgentTurn add(AgentTurn next) {
		if (next.messages.isEmpty()) {
			return this;
		}
		if (this.messages.isEmpty()) {
			return next;
		}
		List<BaseMessage> joined = new ArrayList<>(this.messages.size() + next.messages.size());
		joined.addAll(this.messages);
		int last = joined.size() - 1;
		int from = 0;
		if (joined.get(last) instanceof AIMessageChunk left && next.messages.get(0) instanceof AIMessageChunk right) {
			joined.set(last, left.add(right));
			from = 1;
		}
		joined.addAll(next.messages.subList(from, next.messages.size()));
		return new AgentTurn(joined);
	}

	@Override
	public AgentTurn addAll(List<? extends AgentTurn> rest) {
		List<BaseMessage> joined = new ArrayList<>(this.messages);
		List<AIMessageChunk> pending = new ArrayList<>();
		for (AgentTurn turn : rest) {
			for (BaseMessage message : turn.messages) {
				if (message instanceof AIMessageChunk chunk && (!pending.isEmpty()
						|| (!joined.isEmpty() && joined.get(joined.size() - 1) instanceof AIMessageChunk))) {
					if (pending.isEmpty()) {
						pending.add((AIMessageChunk) joined.remove(joined.size() - 1));
					}
					pending.add(chunk);
					continue;
				}
				flush(joined, pending);
				joined.add(message);
			}
		}
		flush(joined, pending);
		return new AgentTurn(joined);
	}

	private static void flush(List<BaseMessage> joined, List<AIMessageChunk> pending) {
		if (!pending.isEmpty()) {
			joined.add(pending.get(0).addAll(pending.subList(1, pending.size())));
			pending.clear();
		}
	}

}
