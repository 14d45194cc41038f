package dev.lcel.core.tracing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One event of {@code astreamEvents}, in the shape of LangChain's event stream version 2: what
 * happened ({@code on_chain_start}, {@code on_chat_model_stream}, ...), in which run, and its data.
 *
 * @param event the event's type: {@code on_<run type>_start}, {@code _stream} or {@code _end}, or
 * {@code on_custom_event}
 * @param name the run's name (for a custom event, the event's name)
 * @param runId the run's id
 * @param parentIds the ids of the runs above it, root first
 * @param tags the run's tags
 * @param metadata the run's metadata
 * @param data {@code input} on start, {@code chunk} on stream, {@code input} and {@code output}
 * (or {@code error}) on end; for a custom event the dispatched data when it is a map, else
 * {@code {"data": value}}. A step that receives its input as a stream reports it on end only.
 */
public record StreamEvent(String event, String name, @JsonProperty("run_id") UUID runId,
		@JsonProperty("parent_ids") List<UUID> parentIds, List<String> tags, Map<String, Object> metadata,
		Map<String, Object> data) {

}
