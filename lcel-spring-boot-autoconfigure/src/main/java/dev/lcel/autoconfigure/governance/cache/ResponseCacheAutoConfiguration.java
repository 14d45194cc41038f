package dev.lcel.autoconfigure.governance.cache;

import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.chain.InvalidChainDefinitionException;
import dev.lcel.autoconfigure.model.ModelsProperties;
import dev.lcel.core.governance.cache.CachingChatModel;
import dev.lcel.core.governance.cache.InMemoryResponseCacheStore;
import dev.lcel.core.governance.cache.ResponseCacheListener;
import dev.lcel.core.governance.cache.ResponseCacheStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Auto-configuration of the response cache of chat model calls, when
 * {@code lcel.governance.cache.enabled=true}: a {@link ResponseCacheDecorator} that wraps every
 * configured model (but those switched off with {@code models.<name>.enabled=false}) in a
 * {@link CachingChatModel}, over the store that {@code lcel.governance.cache.store} names
 * ({@code memory}, or {@code redis} through Spring Boot's Redis connection), with Micrometer
 * counters of hits and misses per model (unless {@code lcel.metrics.enabled=false}). The properties are checked strictly at startup.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(CachingChatModel.class)
@ConditionalOnProperty(name = "lcel.governance.cache.enabled", havingValue = "true")
@Import({ ResponseCacheAutoConfiguration.RedisStoreConfiguration.class,
		ResponseCacheAutoConfiguration.MetricsConfiguration.class })
public final class ResponseCacheAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ResponseCacheProperties lcelResponseCacheProperties(Environment environment,
			ObjectProvider<ModelsProperties> models) {
		ModelsProperties configured = models.getIfAvailable(() -> new ModelsProperties(Map.of(), null));
		return ResponseCacheSettings.bind(environment, configured.models().keySet());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "lcel.governance.cache.store", havingValue = "memory", matchIfMissing = true)
	ResponseCacheStore lcelMemoryResponseCacheStore(ResponseCacheProperties properties) {
		return new InMemoryResponseCacheStore(properties.maxEntries(), properties.maxBytes().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean
	ResponseCacheDecorator lcelResponseCacheDecorator(ResponseCacheProperties properties,
			ObjectProvider<ResponseCacheStore> store, ObjectProvider<ResponseCacheListeners> listeners) {
		ResponseCacheStore chosen = store.getIfAvailable();
		if (chosen == null) {
			throw new InvalidChainDefinitionException(List.of(ResponseCacheProperties.PREFIX + ".store: "
					+ properties.store().name().toLowerCase()
					+ " needs Spring Data Redis and a Redis connection (spring.data.redis.url); choices: memory, redis"));
		}
		return new ResponseCacheDecorator(properties, chosen,
				listeners.getIfAvailable(() -> (model) -> ResponseCacheListener.NONE));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactiveStringRedisTemplate.class)
	@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
	@ConditionalOnProperty(name = "lcel.governance.cache.store", havingValue = "redis")
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ResponseCacheStore lcelRedisResponseCacheStore(ReactiveRedisConnectionFactory connections,
				ResponseCacheProperties properties) {
			return new RedisResponseCacheStore(new ReactiveStringRedisTemplate(connections),
					properties.redis().keyPrefix());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnProperty(name = "lcel.metrics.enabled", matchIfMissing = true)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ResponseCacheListeners lcelResponseCacheMetrics(MeterRegistry registry) {
			return ResponseCacheMetrics.listeners(registry);
		}

	}

}
