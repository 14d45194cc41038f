package dev.lcel.autoconfigure.observation;

import dev.lcel.core.tracing.ObservationCallbackHandler;
import dev.lcel.core.tracing.RunObservationConvention;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that observes the runs of every chain with Boot's
 * {@link ObservationRegistry}: a timer {@code lcel.run} and a tracing span per chain, step, branch
 * and model call; with {@code lcel.observations.steps=false} only per chain call and per chat
 * model, tool and retriever call in it. Turn it off with {@code lcel.observations.enabled=false}.
 */
@AutoConfiguration(after = ObservationAutoConfiguration.class)
@ConditionalOnClass({ ObservationRegistry.class, ObservationAutoConfiguration.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnProperty(name = "lcel.observations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LcelObservationProperties.class)
public final class LcelObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationCallbackHandler observationCallbackHandler(ObservationRegistry registry,
			ObjectProvider<RunObservationConvention> convention, LcelObservationProperties properties) {
		return new ObservationCallbackHandler(registry, convention.getIfUnique(),
				properties.steps() ? ObservationCallbackHandler.ALL_RUNS : ObservationCallbackHandler.CALLS);
	}

}
