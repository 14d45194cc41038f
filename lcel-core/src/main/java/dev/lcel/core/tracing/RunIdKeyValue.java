package dev.lcel.core.tracing;

import java.util.UUID;

import io.micrometer.common.KeyValue;
import org.jspecify.annotations.Nullable;

import dev.lcel.core.tracing.RunObservationDocumentation.HighCardinalityKeyNames;

/**
 * A run's id as the {@code lcel.run.id} key value, written as text only when a handler reads it (a
 * span does; the meters never do), so an observation recorded only into meters makes no string of
 * its run's id.
 *
 * <p>Equal to any key value with the same key and value, as Micrometer's own are to each other;
 * Micrometer's do not count it as equal to them, which only a comparison of whole {@code KeyValues}
 * would notice (handlers and assertions compare keys and values).
 */
final class RunIdKeyValue implements KeyValue {

	private static final String KEY = HighCardinalityKeyNames.RUN_ID.asString();

	private final UUID runId;

	private @Nullable String value;

	RunIdKeyValue(UUID runId) {
		this.runId = runId;
	}

	@Override
	public String getKey() {
		return KEY;
	}

	@Override
	public String getValue() {
		// Racy but idempotent: the same string, published safely (a String's fields are final).
		String value = this.value;
		if (value == null) {
			value = this.runId.toString();
			this.value = value;
		}
		return value;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof KeyValue keyValue) && KEY.equals(keyValue.getKey())
				&& getValue().equals(keyValue.getValue());
	}

	@Override
	public int hashCode() {
		return 31 * KEY.hashCode() + getValue().hashCode();
	}

	@Override
	public String toString() {
		return "keyValue(" + KEY + "=" + getValue() + ")";
	}

}
