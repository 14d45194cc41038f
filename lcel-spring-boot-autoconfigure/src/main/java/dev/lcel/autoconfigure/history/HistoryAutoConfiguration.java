package dev.lcel.autoconfigure.history;

import java.time.Duration;

import dev.lcel.core.history.ChatMessageHistoryStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Auto-configuration of the stores that keep chains' conversations: {@code memory} always, and
 * {@code redis} when Spring Data Redis is on the classpath and Spring Boot has configured a
 * {@link ReactiveRedisConnectionFactory}. The memory store is bounded ({@code lcel.history.memory.*})
 * and, with Micrometer, reports its evictions, sessions and bytes per chain.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass(ChatMessageHistoryStore.class)
@EnableConfigurationProperties(HistoryProperties.class)
@Import({ HistoryAutoConfiguration.RedisHistoryConfiguration.class,
		HistoryAutoConfiguration.MemoryHistoryMetricsConfiguration.class })
public final class HistoryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "memoryChatMessageHistoryStoreFactory")
	ChatMessageHistoryStoreFactory memoryChatMessageHistoryStoreFactory(HistoryProperties properties,
			ObjectProvider<MemoryStoreObserver> observers) {
		return ChatMessageHistoryStoreFactory.memory(properties.memory().maxSessions(),
				properties.memory().maxSize().toBytes(),
				(chain, store) -> observers.orderedStream().forEach((observer) -> observer.bind(chain, store)));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MemoryHistoryMetricsConfiguration {

		@Bean
		MemoryStoreObserver lcelMemoryHistoryMetrics(ObjectProvider<MeterRegistry> registry) {
			return new MemoryHistoryMetrics(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactiveStringRedisTemplate.class)
	@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
	static class RedisHistoryConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "redisChatMessageHistoryStoreFactory")
		ChatMessageHistoryStoreFactory redisChatMessageHistoryStoreFactory(ReactiveRedisConnectionFactory connections,
				HistoryProperties properties) {
			ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections);
			String prefix = properties.redis().keyPrefix();
			return new ChatMessageHistoryStoreFactory() {

				@Override
				public String store() {
					return "redis";
				}

				@Override
				public ChatMessageHistoryStore create(String chain, Duration timeToLive, int maxMessages) {
					return new RedisChatMessageHistoryStore(redis, prefix + chain + ":", timeToLive, maxMessages);
				}

			};
		}

	}

}
