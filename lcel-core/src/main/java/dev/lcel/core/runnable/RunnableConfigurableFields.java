package dev.lcel.core.runnable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.config.ConfigurableField;
import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.RunnableConfig;

/**
 * Runs a runnable with parameters that each call may set through
 * {@link RunnableConfig#configurable()}: what {@link Runnable#configurableFields} builds, and
 * LangChain's {@code configurable_fields}.
 *
 * <p>For each call the values of the fields' ids found in {@code configurable} are
 * {@link Runnable#bind bound} to the runnable under the parameters' names (a chat model's
 * {@code temperature}, {@code max_tokens}, ...) and the bound runnable runs as a run of the
 * caller's run; a call that sets none runs the runnable as it is. A value the runnable does not
 * accept fails the call with the runnable's {@link IllegalArgumentException}.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableConfigurableFields<I, O> extends DynamicRunnable<I, O> {

	private final Runnable<I, O> bound;

	private final Map<String, ConfigurableField> fields;

	RunnableConfigurableFields(Runnable<I, O> bound, Map<String, ConfigurableField> fields) {
		this.bound = Objects.requireNonNull(bound, "bound must not be null");
		Objects.requireNonNull(fields, "fields must not be null");
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("configurableFields needs at least one field");
		}
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * Return the runnable a call with {@code config} runs.
	 * @param config the call's config
	 * @return the runnable bound to the values the config sets, or the runnable itself
	 */
	@Override
	public Runnable<I, O> choose(RunnableConfig config) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		this.fields.forEach((parameter, field) -> {
			Object value = config.configurable().get(field.id());
			if (value != null) {
				arguments.put(parameter, value);
			}
		});
		return arguments.isEmpty() ? this.bound : this.bound.bind(arguments);
	}

	@Override
	Runnable<I, O> defaultRunnable() {
		return this.bound;
	}

	@Override
	public Runnable<I, O> bind(Map<String, ?> arguments) {
		return new RunnableConfigurableFields<>(this.bound.bind(arguments), this.fields);
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return ConfigSpecs.union(this.fields.values().stream().map(ConfigurableField::toSpec).toList(),
				List.of(this.bound));
	}

}
