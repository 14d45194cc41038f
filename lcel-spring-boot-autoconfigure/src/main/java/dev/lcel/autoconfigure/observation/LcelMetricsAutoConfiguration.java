package dev.lcel.autoconfigure.observation;

import dev.lcel.core.tracing.RunMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration of lcel's metrics in the application's {@link MeterRegistry}: OpenTelemetry
 * GenAI metrics for every chat model call and the number of active streams, and a
 * {@link MeterFilter} that bounds the values of lcel's name tags ({@code lcel.metrics.max-tag-values}),
 * and a {@link RunMeterObservationHandler} that records the {@code lcel.run} timers of run
 * observations from meters it keeps (without Micrometer Tracing, whose meter handler adds
 * exemplars and so records them itself). Turn them off with {@code lcel.metrics.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(name = "lcel.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LcelMetricsProperties.class)
@Import(LcelMetricsAutoConfiguration.RunMeterConfiguration.class)
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ObservationRegistry.class, MetricsProperties.class })
	@ConditionalOnMissingClass("io.micrometer.tracing.Tracer")
	static class RunMeterConfiguration {

		/**
		 * Ahead of Boot's {@code DefaultMeterObservationHandler} (unordered, so last) and behind
		 * the application's own ordered meter handlers.
		 */
		@Bean
		@ConditionalOnMissingBean
		@Order(Ordered.LOWEST_PRECEDENCE - 100)
		RunMeterObservationHandler runMeterObservationHandler(MeterRegistry registry,
				ObjectProvider<MetricsProperties> metrics, LcelMetricsProperties properties) {
			MetricsProperties settings = metrics.getIfAvailable();
			boolean longTaskTimers = settings == null
					|| !settings.getObservations().getIgnoredMeters().contains(IgnoredMeters.LONG_TASK_TIMER);
			return new RunMeterObservationHandler(registry, longTaskTimers, properties.maxTagValues());
		}

	}

}
