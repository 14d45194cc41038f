package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.ConfigurableFieldSpec;

/**
 * Joins the {@link Runnable#configSpecs()} of the parts of a composite: each key once, the first
 * part that reports it describing it.
 */
final class ConfigSpecs {

	private ConfigSpecs() {
	}

	static List<ConfigurableFieldSpec> union(Collection<? extends Runnable<?, ?>> parts) {
		return union(List.of(), parts);
	}

	static List<ConfigurableFieldSpec> union(List<ConfigurableFieldSpec> own,
			Collection<? extends Runnable<?, ?>> parts) {
		Map<String, ConfigurableFieldSpec> specs = new LinkedHashMap<>();
		own.forEach((spec) -> specs.putIfAbsent(spec.id(), spec));
		for (Runnable<?, ?> part : parts) {
			part.configSpecs().forEach((spec) -> specs.putIfAbsent(spec.id(), spec));
		}
		return (specs.isEmpty()) ? List.of() : List.copyOf(new ArrayList<>(specs.values()));
	}

}
