package dev.lcel.autoconfigure.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.lcel.autoconfigure.binding.StrictPropertiesBinder;
import dev.lcel.autoconfigure.model.ModelsProperties;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * The rate limits and quotas of {@code lcel.governance}, bound strictly and checked: an unknown
 * key, a value of the wrong type, a negative count or duration, a model that is not in
 * {@code lcel.models}, or a quota key source without its name fails startup with every problem
 * named by its property path.
 */
final class GovernanceSettings {

	private static final String RATE_LIMITS = "lcel.governance.rate-limits";

	private static final String QUOTAS = "lcel.governance.quotas";

	private final RateLimitsProperties rateLimits;

	private final QuotasProperties quotas;

	private GovernanceSettings(RateLimitsProperties rateLimits, QuotasProperties quotas) {
		this.rateLimits = rateLimits;
		this.quotas = quotas;
	}

	/**
	 * Bind and check the settings.
	 * @param environment the environment
	 * @return the settings
	 * @throws InvalidGovernanceConfigurationException listing every problem
	 */
	static GovernanceSettings bind(Environment environment) {
		StrictPropertiesBinder binder = new StrictPropertiesBinder(environment);
		Properties bound = binder.bind("lcel.governance", Properties.class, "rate-limits", "quotas");
		Set<String> models = binder.bind("lcel", ModelsProperties.class).models().keySet();
		List<String> problems = new ArrayList<>(binder.problems());
		checkRateLimits(bound.rateLimits(), models, problems);
		checkQuotas(bound.quotas(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidGovernanceConfigurationException(problems);
		}
		return new GovernanceSettings(bound.rateLimits(), bound.quotas());
	}

	private static void checkRateLimits(RateLimitsProperties limits, Set<String> models, List<String> problems) {
		positive(RATE_LIMITS + ".interval", limits.interval(), problems);
		notNegative(RATE_LIMITS + ".max-wait", limits.maxWait(), problems);
		positive(RATE_LIMITS + ".memory.max-buckets", limits.memory().maxBuckets(), problems);
		checkLimit(RATE_LIMITS + ".global", limits.global(), problems);
		limits.models().forEach((name, limit) -> {
			if (!models.contains(name)) {
				problems.add(RATE_LIMITS + ".models." + name + ": unknown model '" + name + "'; configured models: "
						+ models);
			}
			checkLimit(RATE_LIMITS + ".models." + name, limit, problems);
		});
	}

	private static void checkLimit(String path, RateLimitsProperties.Limit limit, List<String> problems) {
		notNegative(path + ".requests-per-interval", limit.requestsPerInterval(), problems);
		notNegative(path + ".tokens-per-interval", limit.tokensPerInterval(), problems);
		if (limit.interval() != null) {
			positive(path + ".interval", limit.interval(), problems);
		}
	}

	private static void checkQuotas(QuotasProperties quotas, List<String> problems) {
		positive(QUOTAS + ".tokens-per-window", quotas.tokensPerWindow(), problems);
		positive(QUOTAS + ".window", quotas.window(), problems);
		positive(QUOTAS + ".memory.max-keys", quotas.memory().maxKeys(), problems);
		QuotasProperties.Key key = quotas.key();
		if (key.source() != QuotasProperties.KeySource.PRINCIPAL && key.name().isBlank()) {
			problems.add(QUOTAS + ".key.name: required by " + QUOTAS + ".key.source=" + key.source().name().toLowerCase()
					+ "; name the " + ((key.source() == QuotasProperties.KeySource.HEADER) ? "header" : "metadata key"));
		}
	}

	private static void positive(String path, Duration value, List<String> problems) {
		if (value == null || value.isNegative() || value.isZero()) {
			problems.add(path + ": must be a positive duration, such as 1s or 1m; was " + value);
		}
	}

	private static void notNegative(String path, Duration value, List<String> problems) {
		if (value == null || value.isNegative()) {
			problems.add(path + ": must not be negative; 0 refuses at once; was " + value);
		}
	}

	private static void positive(String path, long value, List<String> problems) {
		if (value <= 0) {
			problems.add(path + ": must be at least 1; was " + value);
		}
	}

	private static void notNegative(String path, long value, List<String> problems) {
		if (value < 0) {
			problems.add(path + ": must not be negative (0 for no limit); was " + value);
		}
	}

	RateLimitsProperties rateLimits() {
		return this.rateLimits;
	}

	QuotasProperties quotas() {
		return this.quotas;
	}

	/**
	 * The shape of {@code lcel.governance} that this package owns, for the strict binder.
	 *
	 * @param rateLimits The rate limits.
	 * @param quotas The quotas.
	 */
	public record Properties(@DefaultValue RateLimitsProperties rateLimits, @DefaultValue QuotasProperties quotas) {
	}

}
