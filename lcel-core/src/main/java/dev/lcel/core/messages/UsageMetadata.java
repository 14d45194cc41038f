package dev.lcel.core.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The tokens a model call consumed and produced, as reported by the provider.
 *
 * @param inputTokens the tokens of the prompt
 * @param outputTokens the tokens of the answer
 * @param totalTokens the tokens of both
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageMetadata(@JsonProperty("input_tokens") int inputTokens,
		@JsonProperty("output_tokens") int outputTokens, @JsonProperty("total_tokens") int totalTokens) {

	/**
	 * Return usage with the given input and output tokens and their sum as the total.
	 * @param inputTokens the tokens of the prompt
	 * @param outputTokens the tokens of the answer
	 * @return the usage
	 */
	public static UsageMetadata of(int inputTokens, int outputTokens) {
		return new UsageMetadata(inputTokens, outputTokens, inputTokens + outputTokens);
	}

	/**
	 * Return the sum of this usage and another, field by field: how usage reported in several
	 * streamed chunks adds up.
	 * @param other the usage to add, may be {@code null}
	 * @return the sum
	 */
	public UsageMetadata add(@Nullable UsageMetadata other) {
		if (other == null) {
			return this;
		}
		return new UsageMetadata(this.inputTokens + other.inputTokens, this.outputTokens + other.outputTokens,
				this.totalTokens + other.totalTokens);
	}

}
