package dev.lcel.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form in which histories keep messages: a streamed chunk as the plain message it adds up to,
 * and, for a store outside the JVM, each message as JSON with its {@code type}
 * ({@code human}, {@code ai}, {@code system} or {@code tool}), as LangChain stores them.
 *
 * <p>Reading JSON revives only those types; a {@code type} outside the set is an error, and no
 * class is ever named by the data.
 */
public final class StoredMessages {

	private static final ObjectWriter WRITER = JsonMapper.shared().writerFor(BaseMessage.class);

	private static final ObjectReader READER = JsonMapper.shared().readerFor(BaseMessage.class);

	private StoredMessages() {
	}

	/**
	 * Return the messages as a history keeps them: chunks joined into plain messages.
	 * @param messages the messages
	 * @return a new list of the messages to store
	 * @throws NullPointerException if the list or one of its messages is {@code null}
	 */
	public static List<BaseMessage> of(List<? extends BaseMessage> messages) {
		Objects.requireNonNull(messages, "messages must not be null");
		List<BaseMessage> stored = new ArrayList<>(messages.size());
		for (BaseMessage message : messages) {
			Objects.requireNonNull(message, "messages must not contain null");
			stored.add((message instanceof AIMessageChunk chunk) ? chunk.toMessage() : message);
		}
		return stored;
	}

	/**
	 * Return the JSON of a message, with its {@code type}.
	 * @param message the message
	 * @return the JSON text
	 */
	public static String toJson(BaseMessage message) {
		return WRITER.writeValueAsString((message instanceof AIMessageChunk chunk) ? chunk.toMessage() : message);
	}

	/**
	 * Read a message from its JSON.
	 * @param json the JSON text, as {@link #toJson} writes it
	 * @return the message
	 * @throws JacksonException if the text is not a message of a known type
	 */
	public static BaseMessage fromJson(String json) {
		BaseMessage message = READER.readValue(json);
		return (message instanceof AIMessageChunk chunk) ? chunk.toMessage() : message;
	}

}
