package dev.lcel.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of lcel's metrics in the application's {@link MeterRegistry}: OpenTelemetry
 * GenAI metrics for every chat model call and the number of active streams, and a
 * {@link MeterFilter} that bounds the values of lcel's name tags ({@code lcel.metrics.max-tag-values}).
 * Turn them off with {@code lcel.metrics.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(name = "lcel.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LcelMetricsProperties.class)
public final class LcelMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GenAiMetricsCallbackHandler genAiMetricsCallbackHandler(MeterRegistry registry, LcelMetricsProperties properties) {
		return new GenAiMetricsCallbackHandler(registry, properties.maxTagValues());
	}

	@Bean
	@ConditionalOnMissingBean(name = "lcelTagValuesLimit")
	MeterFilter lcelTagValuesLimit(LcelMetricsProperties properties) {
		return new BoundedTagValues(properties.maxTagValues());
	}

}
