package dev.lcel.autoconfigure.governance.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.lcel.autoconfigure.binding.StrictPropertiesBinder;
import dev.lcel.autoconfigure.chain.InvalidChainDefinitionException;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * Reads {@code lcel.governance.cache.*} strictly at startup: an unknown key, a value of the wrong
 * type, a bound that is not positive or a model that {@code lcel.models} does not configure fails
 * the start, each problem naming its property path and the valid choices.
 */
final class ResponseCacheSettings {

	private ResponseCacheSettings() {
	}

	/**
	 * Bind and check the cache's properties.
	 * @param environment The environment.
	 * @param models the names of the configured models
	 * @return the properties
	 * @throws InvalidChainDefinitionException listing every problem
	 */
	static ResponseCacheProperties bind(Environment environment, Set<String> models) {
		StrictPropertiesBinder binder = new StrictPropertiesBinder(environment);
		ResponseCacheProperties properties = binder.bind("lcel.governance", Governance.class, "cache").cache();
		List<String> problems = new ArrayList<>(binder.problems());
		String prefix = ResponseCacheProperties.PREFIX;
		if (properties.ttl().isNegative() || properties.ttl().isZero()) {
			problems.add(prefix + ".ttl: must be positive, such as 10m or 1h");
		}
		if (properties.maxEntries() < 1) {
			problems.add(prefix + ".max-entries: must be at least 1");
		}
		if (properties.maxBytes().toBytes() < 1) {
			problems.add(prefix + ".max-bytes: must be at least 1B, such as 64MB");
		}
		for (String model : properties.models().keySet()) {
			if (!models.contains(model)) {
				problems.add(prefix + ".models." + model + ": unknown model '" + model + "'; configured models (lcel.models): "
						+ models);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidChainDefinitionException(problems);
		}
		return properties;
	}

	/**
	 * The {@code lcel.governance} group as far as the cache reads it.
	 *
	 * @param cache The cache's properties.
	 */
	public record Governance(@DefaultValue ResponseCacheProperties cache) {
	}

}
