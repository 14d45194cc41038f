package dev.lcel.core.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The data of an {@link SseEvent#ERROR} event: the HTTP status the failure would have had before
 * the stream started, and the message a client may show.
 *
 * @param statusCode the status, such as {@code 500} or {@code 429}
 * @param message the message, never internal details of an unexpected failure
 */
public record StreamError(int statusCode, String message) {

	/**
	 * Return the error as it is written: {@code {"status_code": N, "message": "..."}}.
	 * @return a new map in that order
	 */
	public Map<String, Object> toWire() {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("status_code", this.statusCode);
		error.put("message", this.message);
		return error;
	}

	/**
	 * Read an error event's data, leniently as LangChain's clients do: a missing status is 500, a
	 * missing message empty.
	 * @param data the event's data
	 * @return the error
	 */
	public static StreamError fromWire(JsonNode data) {
		return new StreamError(data.path("status_code").asInt(500), data.path("message").asString(""));
	}

}
