package dev.lcel.autoconfigure.health;

import java.time.Duration;

import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.ModelProperties;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * The health of one configured model: up when its provider is reachable and accepts its
 * credentials, checked cheaply (no tokens spent) and at most once per cache period, so that
 * frequent health probes do not reach the provider each time.
 */
public class ModelHealthIndicator implements ReactiveHealthIndicator {

	private final ChatModelRegistry models;

	private final String name;

	private final Duration timeout;

	private final Mono<Health> cached;

	/**
	 * Create an indicator for one model.
	 * @param models the registry
	 * @param name the model's name
	 * @param timeout how long a check may take before the model counts as down
	 * @param cacheTtl how long a result is reused
	 */
	public ModelHealthIndicator(ChatModelRegistry models, String name, Duration timeout, Duration cacheTtl) {
		this.models = models;
		this.name = name;
		this.timeout = timeout;
		this.cached = check().cache((health) -> cacheTtl, (error) -> Duration.ZERO, () -> cacheTtl);
	}

	@Override
	public Mono<Health> health() {
		return this.cached;
	}

	private Mono<Health> check() {
		ModelProperties properties = this.models.properties(this.name);
		return Mono.defer(() -> this.models.checkReachable(this.name))
			.timeout(this.timeout)
			.then(Mono.fromSupplier(() -> details(Health.up(), properties).build()))
			.onErrorResume((ex) -> Mono.just(details(Health.down(), properties)
				.withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage())
				.build()));
	}

	private static Health.Builder details(Health.Builder builder, ModelProperties properties) {
		builder.withDetail("provider", String.valueOf(properties.provider()));
		if (properties.model() != null) {
			builder.withDetail("model", properties.model());
		}
		return builder;
	}

}
