package dev.lcel.core.governance.usage;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lcel.core.messages.UsageMetadata;

/**
 * The tokens a run's model calls used, per model and in total: in JSON,
 * {@code {"models": {"gpt-4o-mini": {"input_tokens": 8, "output_tokens": 12, "total_tokens": 20}}, "total": {...}}}.
 *
 * @param models the usage of each model, by the model's name at its provider, in name order
 */
@JsonPropertyOrder({ "models", "total" })
public record RunUsage(@JsonProperty("models") Map<String, UsageMetadata> models) {

	/** No usage: no model was called, or none reported its tokens. */
	public static final RunUsage EMPTY = new RunUsage(Map.of());

	/**
	 * Create usage, copying the map.
	 * @param models the usage of each model, by name
	 */
	public RunUsage {
		models = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(models, "models must not be null")));
	}

	/**
	 * Return the usage of every model added up.
	 * @return the total
	 */
	@JsonProperty("total")
	public UsageMetadata total() {
		return this.models.values().stream().reduce(UsageMetadata.of(0, 0), UsageMetadata::add);
	}

	/**
	 * Return whether no model reported usage.
	 * @return {@code true} if there is none
	 */
	@JsonIgnore
	public boolean isEmpty() {
		return this.models.isEmpty();
	}

	/**
	 * Return this usage and another added up, model by model.
	 * @param other the usage to add
	 * @return the sum
	 */
	public RunUsage plus(RunUsage other) {
		Map<String, UsageMetadata> sum = new TreeMap<>(this.models);
		other.models.forEach((model, usage) -> sum.merge(model, usage, UsageMetadata::add));
		return new RunUsage(sum);
	}

}
