package dev.lcel.autoconfigure.governance.usage;

import dev.lcel.autoconfigure.observation.LcelMetricsProperties;
import dev.lcel.core.governance.usage.UsageCallbackHandler;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the token counter per chain and model ({@link ChainTokenMetrics}) in the
 * application's {@link MeterRegistry}; off with {@code lcel.metrics.enabled=false}, as lcel's other
 * metrics. The usage of each HTTP call is in its response ({@code metadata.usage}) regardless.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, UsageCallbackHandler.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(name = "lcel.metrics.enabled", matchIfMissing = true)
public final class UsageMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChainTokenMetrics lcelChainTokenMetrics(MeterRegistry registry, ObjectProvider<LcelMetricsProperties> properties) {
		LcelMetricsProperties metrics = properties.getIfAvailable();
		return new ChainTokenMetrics(registry,
				(metrics != null) ? metrics.maxTagValues() : LcelMetricsProperties.DEFAULT_MAX_TAG_VALUES);
	}

}
