package dev.lcel.autoconfigure.governance;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lcel.core.governance.InMemoryQuotaStore;
import dev.lcel.core.governance.InMemoryRateLimitStore;
import dev.lcel.core.governance.ModelCallGate;
import dev.lcel.core.governance.QuotaExceededException;
import dev.lcel.core.governance.QuotaStore;
import dev.lcel.core.governance.RateLimitListener;
import dev.lcel.core.governance.RateLimitStore;
import dev.lcel.core.governance.RateLimiter;
import dev.lcel.core.governance.TokenEstimator;
import dev.lcel.core.governance.TokenQuota;
import dev.lcel.core.governance.WindowedTokenQuota;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Auto-configuration of rate limits ({@code lcel.governance.rate-limits}) and token quotas
 * ({@code lcel.governance.quotas}) of model calls: a {@link RateLimitChatModelDecorator} around
 * every configured model, and with quotas enabled a {@link TokenQuota} (a
 * {@link WindowedTokenQuota} unless the application declares its own) around them and a request
 * customizer that keys each chain request. The stores are in memory, or in Redis when chosen and a
 * Redis connection is configured. The properties are checked at startup.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass(RateLimiter.class)
@Import({ GovernanceAutoConfiguration.RedisConfiguration.class, GovernanceAutoConfiguration.MetricsConfiguration.class,
		GovernanceAutoConfiguration.QuotaConfiguration.class })
public final class GovernanceAutoConfiguration {

	@Bean
	static GovernanceSettings lcelGovernanceSettings(Environment environment) {
		return GovernanceSettings.bind(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitStore lcelRateLimitStore(GovernanceSettings settings, ObjectProvider<GovernanceRedis> redis) {
		RateLimitsProperties limits = settings.rateLimits();
		return store(limits.store(), "lcel.governance.rate-limits.store", redis.getIfAvailable(),
				(shared) -> shared.rateLimitStore(limits.redis().keyPrefix()),
				() -> new InMemoryRateLimitStore(limits.memory().maxBuckets()));
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitChatModelDecorator lcelRateLimitChatModelDecorator(GovernanceSettings settings, RateLimitStore store,
			ObjectProvider<RateLimitListener> listeners, ObjectProvider<TokenEstimator> estimator) {
		List<RateLimitListener> all = listeners.orderedStream().toList();
		RateLimitListener listener = (all.size() == 1) ? all.get(0) : new RateLimitListeners(all);
		return new RateLimitChatModelDecorator(settings.rateLimits(), store, listener,
				estimator.getIfUnique(() -> TokenEstimator.CHARACTERS_OVER_FOUR));
	}

	static <T> T store(GovernanceStore store, String property, @Nullable GovernanceRedis redis,
			Function<GovernanceRedis, T> shared, Supplier<T> memory) {
		if (store == GovernanceStore.MEMORY) {
			return memory.get();
		}
		if (redis == null) {
			throw new InvalidGovernanceConfigurationException(List.of(property
					+ ": redis needs Spring Data Redis (reactive) and a Redis connection (spring.data.redis.*); "
					+ "valid choices: memory, redis"));
		}
		return shared.apply(redis);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactiveStringRedisTemplate.class)
	@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
	static class RedisConfiguration {

		@Bean
		GovernanceRedis lcelGovernanceRedis(ReactiveRedisConnectionFactory connections) {
			return new GovernanceRedis(connections);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		RateLimitListener lcelRateLimitMetrics(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meters = registry.getIfUnique();
			return (meters != null) ? new RateLimitMetrics(meters) : RateLimitListener.NONE;
		}

		@Bean
		QuotaRefusals lcelQuotaRefusalMetrics(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meters = registry.getIfUnique();
			// lcel.quota.rejections: the model calls a spent quota refused, tagged by the quota's name only
			return (meters != null)
					? (refused) -> meters.counter("lcel.quota.rejections", "limit", refused.limit()).increment()
					: (refused) -> {
					};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("lcel.governance.quotas.enabled")
	static class QuotaConfiguration {

		@Bean
		@ConditionalOnMissingBean
		QuotaStore lcelQuotaStore(GovernanceSettings settings, ObjectProvider<GovernanceRedis> redis) {
			QuotasProperties quotas = settings.quotas();
			return store(quotas.store(), "lcel.governance.quotas.store", redis.getIfAvailable(),
					(shared) -> shared.quotaStore(quotas.redis().keyPrefix()),
					() -> new InMemoryQuotaStore(quotas.memory().maxKeys()));
		}

		@Bean
		@ConditionalOnMissingBean
		TokenQuota lcelTokenQuota(GovernanceSettings settings, QuotaStore store) {
			QuotasProperties quotas = settings.quotas();
			return new WindowedTokenQuota(store, "quotas.tokens-per-window", quotas.tokensPerWindow(),
					quotas.window());
		}

		@Bean
		@ConditionalOnMissingBean
		QuotaChatModelDecorator lcelQuotaChatModelDecorator(TokenQuota quota, ObjectProvider<TokenEstimator> estimator,
				ObjectProvider<QuotaRefusals> refusals) {
			ModelCallGate gate = quota.gate(estimator.getIfUnique(() -> TokenEstimator.CHARACTERS_OVER_FOUR));
			QuotaRefusals counted = refusals.getIfUnique();
			if (counted == null) {
				return new QuotaChatModelDecorator(gate);
			}
			return new QuotaChatModelDecorator((messages, config) -> gate.admit(messages, config)
				.doOnError(QuotaExceededException.class, counted::refused));
		}

		/** Only with quotas on: the request's quota key, and the principal it may come from. */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		static class QuotaWebConfiguration {

			@Bean
			QuotaKeyCustomizer lcelQuotaKeyCustomizer(GovernanceSettings settings) {
				return new QuotaKeyCustomizer(settings.quotas().key());
			}

			@Bean
			PrincipalCapture lcelQuotaPrincipalCapture() {
				return new PrincipalCapture();
			}

		}

	}

}
