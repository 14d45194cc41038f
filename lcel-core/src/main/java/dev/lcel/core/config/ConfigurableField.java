package dev.lcel.core.config;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Names a parameter of a runnable that a call may set through
 * {@link RunnableConfig#configurable()}, such as a chat model's temperature: what
 * {@code Runnable#configurableFields} takes for each parameter it exposes.
 *
 * @param id the key under {@code configurable} that sets the parameter
 * @param name a short human name, or {@code null}
 * @param description what the parameter does, or {@code null}
 * @param type the JSON Schema type of the value ({@code string}, {@code number}, ...), or
 * {@code null} when not declared
 */
public record ConfigurableField(String id, @Nullable String name, @Nullable String description,
		@Nullable String type) {

	public ConfigurableField {
		Objects.requireNonNull(id, "id must not be null");
	}

	/**
	 * Return a field known only by its key.
	 * @param id the key under {@code configurable}
	 * @return the field
	 */
	public static ConfigurableField of(String id) {
		return new ConfigurableField(id, null, null, null);
	}

	/**
	 * Return the spec of this field, as a config schema lists it.
	 * @return the spec, without choices or default
	 */
	public ConfigurableFieldSpec toSpec() {
		return new ConfigurableFieldSpec(this.id, this.name, this.description, this.type, null, null);
	}

}
