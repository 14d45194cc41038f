package dev.lcel.core.models.http;

import java.util.Objects;

import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.models.ChatModelException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON frames of one streamed answer (SSE {@code data} or NDJSON lines) into chunks, and
 * knows whether the provider's end event has arrived. One instance per response: a subclass may keep
 * state between frames.
 *
 * <p>{@link HttpChatModel} hands it each frame that is not blank until the end: a frame that is the
 * provider's {@linkplain #isEndMarker end marker} ends the answer; any other is parsed as JSON, and
 * one holding a non-null {@code error} member fails the stream with the matching
 * {@link ChatModelException}; the rest reach {@link #decode(JsonNode)}, which {@linkplain #end()
 * ends} the answer when it sees the provider's last event.
 */
public abstract class StreamDecoder {

	private final String provider;

	private boolean ended;

	/**
	 * Create a decoder.
	 * @param provider the provider's name, for the errors a stream reports
	 */
	protected StreamDecoder(String provider) {
		this.provider = Objects.requireNonNull(provider, "provider must not be null");
	}

	/**
	 * Decode one event.
	 * @param event the frame's JSON, holding no error
	 * @return the chunk, or {@code null} for an event that carries none (a ping, the end event)
	 * @throws ChatModelException if the event reports an error in a way of the provider's own
	 */
	protected abstract @Nullable AIMessageChunk decode(JsonNode event);

	/**
	 * Return whether a frame is the provider's end marker rather than JSON, such as OpenAI's
	 * {@code [DONE]}. None by default.
	 * @param frame the frame's text, not blank
	 * @return whether the frame ends the answer
	 */
	protected boolean isEndMarker(String frame) {
		return false;
	}

	/**
	 * Note that the end event has arrived: frames after it are ignored.
	 */
	protected final void end() {
		this.ended = true;
	}

	/**
	 * Return the exception for an error the provider reported in the stream.
	 * @param event the event's JSON
	 * @return the matching exception, to throw
	 */
	protected final ChatModelException streamError(JsonNode event) {
		return ProviderErrors.fromStreamError(this.provider, event);
	}

	/**
	 * Decode one frame.
	 * @param frame the frame's text, not blank
	 * @return the chunk, or {@code null} for a frame that carries none
	 * @throws JacksonException if the frame is not JSON
	 * @throws ChatModelException if the frame reports an error
	 */
	@Nullable AIMessageChunk decodeFrame(String frame) {
		if (isEndMarker(frame)) {
			end();
			return null;
		}
		JsonNode event = JsonMapper.shared().readTree(frame);
		JsonNode error = event.path("error");
		if (!error.isMissingNode() && !error.isNull()) {
			throw streamError(event);
		}
		return decode(event);
	}

	/**
	 * Return whether the end event has arrived: a stream that completes without it was cut off.
	 * @return whether the answer is complete
	 */
	boolean ended() {
		return this.ended;
	}

}
