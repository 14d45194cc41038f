package dev.lcel.core.wire;

import org.jspecify.annotations.Nullable;

/**
 * The server-sent events of LangServe's streaming routes ({@code stream}, {@code stream_log},
 * {@code stream_events}): one {@link #METADATA} with the run id, then a {@link #DATA} per chunk,
 * patch or event, then {@link #END}; or an {@link #ERROR} ({@link StreamError}) that ends the stream
 * instead.
 */
public enum SseEvent {

	/** First: {@code {"run_id": ...}}; LangChain's clients ignore it. */
	METADATA("metadata"),

	/** One JSON-encoded chunk, run-log patch ({@code {"ops": [...]}}) or event. */
	DATA("data"),

	/** A failure after the stream started: {@code {"status_code": N, "message": "..."}}. */
	ERROR("error"),

	/** Last, with no data (a {@code data: null} would be an extra {@code null} chunk to a client). */
	END("end");

	private final String wireName;

	SseEvent(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Return the event's name on the wire, its {@code event:} field.
	 * @return such as {@code metadata}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Return the event of a name read from a stream.
	 * @param name the {@code event:} field, {@code null} when the event had none (which means
	 * {@code data} in SSE)
	 * @return the event, or {@code null} for a name LangServe does not send (a client ignores it)
	 */
	public static @Nullable SseEvent of(@Nullable String name) {
		if (name == null) {
			return DATA;
		}
		for (SseEvent event : values()) {
			if (event.wireName.equals(name)) {
				return event;
			}
		}
		return null;
	}

}
