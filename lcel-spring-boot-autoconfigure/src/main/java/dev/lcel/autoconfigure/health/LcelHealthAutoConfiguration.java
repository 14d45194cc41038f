package dev.lcel.autoconfigure.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@code lcel} health contributor: one indicator per configured model,
 * each up when its provider is reachable. Turn it off with
 * {@code management.health.lcel.enabled=false}; tune it with {@code lcel.health.timeout} (5s) and
 * {@code lcel.health.cache-ttl} (30s). The contributor is its own health group, {@code lcel-models}, and
 * is left out of the overall status unless {@code lcel.health.include-in-overall=true}.
 */
@AutoConfiguration(after = ModelAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(ChatModelRegistry.class)
@ConditionalOnEnabledHealthIndicator("lcel")
public final class LcelHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "lcelHealthContributor")
	CompositeReactiveHealthContributor lcelHealthContributor(ChatModelRegistry models, Environment environment) {
		Duration timeout = environment.getProperty("lcel.health.timeout", Duration.class, Duration.ofSeconds(5));
		Duration cacheTtl = environment.getProperty("lcel.health.cache-ttl", Duration.class, Duration.ofSeconds(30));
		Map<String, ReactiveHealthIndicator> indicators = new LinkedHashMap<>();
		for (String name : models.names()) {
			indicators.put(name, new ModelHealthIndicator(models, name, timeout, cacheTtl));
		}
		return CompositeReactiveHealthContributor.fromMap(indicators);
	}

	/** The models' health in its own group, out of the overall status unless included. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	@ConditionalOnBooleanProperty(name = "lcel.health.include-in-overall", havingValue = false, matchIfMissing = true)
	static class ModelHealthGroupConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		static HealthEndpointGroupsPostProcessor lcelModelHealthGroups() {
			return new ModelHealthGroups();
		}

	}

}
