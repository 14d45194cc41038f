package dev.lcel.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.parsers.OutputParserException;
import org.jspecify.annotations.Nullable;

/**
 * What a structured-output runnable {@link StructuredOutputRunnable#includeRaw() with the raw
 * message} returns, as LangChain's {@code include_raw}: the model's message, the value parsed from
 * it, and the parsing error instead when there is one. It serialises as
 * {@code {"raw", "parsed", "parsing_error"}}, the error as its message.
 *
 * @param <T> the parsed type
 * @param raw the model's last message
 * @param parsed the value, or {@code null} when parsing failed
 * @param parsingError why the last message could not be parsed, or {@code null}
 */
public record StructuredResult<T>(@JsonProperty("raw") AIMessage raw, @JsonProperty("parsed") @Nullable T parsed,
		@JsonIgnore @Nullable OutputParserException parsingError) {

	/**
	 * Return the parsing error's message, as it crosses the wire.
	 * @return the message, or {@code null}
	 */
	@JsonProperty("parsing_error")
	public @Nullable String parsingErrorMessage() {
		return (this.parsingError != null) ? this.parsingError.getMessage() : null;
	}

}
