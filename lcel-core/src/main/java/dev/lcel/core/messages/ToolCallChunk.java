package dev.lcel.core.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A fragment of a tool call as a model streams it: fragments with the same {@code index} belong to
 * the same call and join with {@link #merge(ToolCallChunk)}.
 *
 * @param index the position of the call among the message's calls; {@code null} when the provider
 * did not say (such a fragment is never merged with another)
 * @param id the call's id, or {@code null} (providers often send it on the first fragment only, or
 * an empty or repeated id on the others)
 * @param name a fragment of the tool's name, or {@code null}
 * @param args a fragment of the arguments' JSON text, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCallChunk(@JsonProperty("index") @Nullable Integer index, @JsonProperty("id") @Nullable String id,
		@JsonProperty("name") @Nullable String name, @JsonProperty("args") @Nullable String args) {

	/**
	 * Join the fragment that follows this one for the same index: names and argument texts
	 * concatenate, and the first non-empty id is kept.
	 * @param next the later fragment
	 * @return the joined fragment
	 */
	public ToolCallChunk merge(ToolCallChunk next) {
		String mergedId = (this.id != null && !this.id.isEmpty()) ? this.id : next.id;
		return new ToolCallChunk(this.index, mergedId, concat(this.name, next.name), concat(this.args, next.args));
	}

	/**
	 * Return the JSON type tag of a tool call chunk, as LangChain writes it.
	 * @return {@code tool_call_chunk}
	 */
	@JsonProperty("type")
	public String type() {
		return "tool_call_chunk";
	}

	private static String concat(String first, String second) {
		if (first == null) {
			return second;
		}
		return (second == null) ? first : first + second;
	}

}
