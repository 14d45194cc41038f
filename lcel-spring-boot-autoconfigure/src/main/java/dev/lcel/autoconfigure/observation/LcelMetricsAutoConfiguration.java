package dev.lcel.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of lcel's metrics in the application's {@link MeterRegistry}: OpenTelemetry
 * GenAI metrics for every chat model call and the number of active streams. Turn them off with
 * {@code lcel.metrics.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(name = "lcel.metrics.enabled", matchIfMissing = true)
public final class LcelMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GenAiMetricsCallbackHandler genAiMetricsCallbackHandler(MeterRegistry registry) {
		return new GenAiMetricsCallbackHandler(registry);
	}

}
