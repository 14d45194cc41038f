package dev.lcel.core.config;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Describes one value that a runnable reads from {@link RunnableConfig#configurable()}: its key,
 * a human name and description, and, when the value is one of a fixed set (the names of
 * configurable alternatives), the choices and the default. Runnables report these through
 * {@code Runnable#configSpecs()}, and the config schema served for a chain lists them, so clients
 * and the playground know what they can choose per call.
 *
 * @param id the key under {@code configurable}
 * @param name a short human name, or {@code null}
 * @param description what the value does, or {@code null}
 * @param type the JSON Schema type of the value ({@code string}, {@code number}, ...), or
 * {@code null} when any type is accepted
 * @param defaultValue the value used when the call gives none, or {@code null}
 * @param choices the values accepted, in order; empty when any value is accepted
 */
public record ConfigurableFieldSpec(String id, @Nullable String name, @Nullable String description,
		@Nullable String type, @Nullable Object defaultValue, List<String> choices) {

	public ConfigurableFieldSpec {
		Objects.requireNonNull(id, "id must not be null");
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * Return the spec of a free value with a name and description.
	 * @param id the key under {@code configurable}
	 * @param name a short human name, or {@code null}
	 * @param description what the value does, or {@code null}
	 * @return the spec
	 */
	public static ConfigurableFieldSpec of(String id, @Nullable String name, @Nullable String description) {
		return new ConfigurableFieldSpec(id, name, description, null, null, List.of());
	}

}
