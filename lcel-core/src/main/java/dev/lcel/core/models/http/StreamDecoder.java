package dev.lcel.core.models.http;

import dev.lcel.core.messages.AIMessageChunk;

/**
 * Turns the frames of one streamed answer (SSE {@code data} or NDJSON lines) into chunks, and knows
 * whether the provider's end event has arrived. One instance per response: it may keep state
 * between frames.
 */
public interface StreamDecoder {

	/**
	 * Decode one frame.
	 * @param frame the frame's text, not blank
	 * @return the chunk, or {@code null} for a frame that carries none (a ping, the end event)
	 * @throws tools.jackson.core.JacksonException if the frame is not JSON
	 * @throws dev.lcel.core.models.ChatModelException if the frame reports an error
	 */
	AIMessageChunk decode(String frame);

	/**
	 * Return whether the end event has arrived: frames after it are ignored, and a stream that
	 * completes without it was cut off.
	 * @return whether the answer is complete
	 */
	boolean ended();

}
