package dev.lcel.autoconfigure.governance;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.core.governance.InMemoryRateLimitStore;
import dev.lcel.core.governance.RateLimitExceededException;
import dev.lcel.core.governance.RateLimitStore;
import dev.lcel.core.governance.TokenQuota;
import dev.lcel.core.models.ChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configuration of rate limits and quotas: what it applies, and the startup failures of
 * bad properties.
 */
class GovernanceAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, ModelAutoConfiguration.class,
				GovernanceAutoConfiguration.class))
		.withPropertyValues("lcel.models.gpt.provider=fake", "lcel.models.gpt.responses=hi there",
				"lcel.models.claude.provider=fake", "lcel.models.claude.responses=hello");

	@Test
	void aModelsLimitAppliesToItsCallsOnly() {
		this.contextRunner
			.withPropertyValues("lcel.governance.rate-limits.models.gpt.requests-per-interval=1",
					"lcel.governance.rate-limits.max-wait=0s")
			.run((context) -> {
				ChatModelRegistry models = context.getBean(ChatModelRegistry.class);
				ChatModel gpt = models.get("gpt");
				assertThat(gpt.invoke("one").content()).isEqualTo("hi there");
				assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> gpt.invoke("two"))
					.satisfies((error) -> assertThat(error.limit())
						.isEqualTo("rate-limits.models.gpt.requests-per-interval"));
				assertThat(models.get("claude").invoke("one").content()).isEqualTo("hello");
				assertThat(models.get("claude").invoke("two").content()).isEqualTo("hello");
			});
	}

	@Test
	void theGlobalLimitCountsEveryModelsCalls() {
		this.contextRunner
			.withPropertyValues("lcel.governance.rate-limits.global.requests-per-interval=2",
					"lcel.governance.rate-limits.max-wait=0")
			.run((context) -> {
				ChatModelRegistry models = context.getBean(ChatModelRegistry.class);
				models.get("gpt").invoke("one");
				models.get("claude").invoke("one");
				assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> models.get("gpt").invoke("two"))
					.satisfies((error) -> assertThat(error.limit()).isEqualTo("rate-limits.global.requests-per-interval"));
			});
	}

	@Test
	void withoutLimitsModelsAreLeftAlone() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RateLimitChatModelDecorator.class).doesNotHaveBean(TokenQuota.class);
			assertThat(context.getBean(RateLimitStore.class)).isInstanceOf(InMemoryRateLimitStore.class);
			assertThat(context.getBean(ChatModelRegistry.class).get("gpt").getClass().getSimpleName())
				.isEqualTo("FakeStreamingChatModel");
		});
	}

	@Test
	void theDecoratorsSitInsideTheCacheInTheirOrder() {
		assertThat(RateLimitChatModelDecorator.ORDER).isGreaterThan(QuotaChatModelDecorator.ORDER);
		assertThat(QuotaChatModelDecorator.ORDER)
			.isGreaterThan(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100);
	}

	@Test
	void metricsCountRejectionsAndGrantedTokensByConfiguredName() {
		this.contextRunner.withUserConfiguration(Meters.class)
			.withPropertyValues("lcel.governance.rate-limits.global.tokens-per-interval=10",
					"lcel.governance.rate-limits.max-wait=0")
			.run((context) -> {
				ChatModel gpt = context.getBean(ChatModelRegistry.class).get("gpt");
				gpt.invoke("twelve chars");
				assertThatExceptionOfType(RateLimitExceededException.class)
					.isThrownBy(() -> gpt.invoke("a prompt far longer than the ten tokens that remain of this budget"));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				// estimated 3 tokens; the fake reported 2 input words + 2 output chunks = 4
				assertThat(meters.get("lcel.rate.limit.tokens.granted").tag("limit", "rate-limits.global").counter().count())
					.isEqualTo(4);
				assertThat(meters.get("lcel.rate.limit.rejections").tag("limit", "rate-limits.global")
					.tag("dimension", "tokens").counter().count()).isEqualTo(1);
			});
	}

	@Test
	void aWebApplicationKeysRequestsForQuotasOnlyWhenQuotasAreOn() {
		ReactiveWebApplicationContextRunner web = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, ModelAutoConfiguration.class,
					GovernanceAutoConfiguration.class))
			.withPropertyValues("lcel.models.gpt.provider=fake");
		web.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(QuotaKeyCustomizer.class)
			.doesNotHaveBean(PrincipalCapture.class));
		web.withPropertyValues("lcel.governance.quotas.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(QuotaKeyCustomizer.class)
				.hasSingleBean(PrincipalCapture.class));
	}

	@Test
	void quotaRefusalsAreCounted() {
		this.contextRunner.withUserConfiguration(Meters.class)
			.withPropertyValues("lcel.governance.quotas.enabled=true", "lcel.governance.quotas.tokens-per-window=1")
			.run((context) -> {
				ChatModel gpt = context.getBean(ChatModelRegistry.class).get("gpt");
				dev.lcel.core.config.RunnableConfig acme = dev.lcel.core.config.RunnableConfig.builder()
					.metadata(TokenQuota.KEY_METADATA, "acme")
					.build();
				gpt.invoke("hi", acme);
				assertThatExceptionOfType(dev.lcel.core.governance.QuotaExceededException.class)
					.isThrownBy(() -> gpt.invoke("hi", acme));
				assertThat(context.getBean(MeterRegistry.class).get("lcel.quota.rejections")
					.tag("limit", "quotas.tokens-per-window").counter().count()).isEqualTo(1);
			});
	}

	@Test
	void unknownKeysFailStartupNamingThePathAndTheValidKeys() {
		this.contextRunner.withPropertyValues("lcel.governance.rate-limits.max-wiat=1s",
				"lcel.governance.quotas.key.sorce=header")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidGovernanceConfigurationException.class)
				.hasMessageContaining("lcel.governance.rate-limits.max-wiat: unknown key; did you mean 'max-wait'?")
				.hasMessageContaining("lcel.governance.quotas.key.sorce: unknown key; did you mean 'source'?"));
	}

	@Test
	void aLimitOfAModelThatIsNotConfiguredFailsStartup() {
		this.contextRunner.withPropertyValues("lcel.governance.rate-limits.models.gtp.requests-per-interval=5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lcel.governance.rate-limits.models.gtp: unknown model 'gtp'; configured models: [")
				.hasMessageContaining("claude")
				.hasMessageContaining("gpt"));
	}

	@Test
	void negativeValuesAndBadChoicesFailStartup() {
		this.contextRunner.withPropertyValues("lcel.governance.rate-limits.global.tokens-per-interval=-1",
				"lcel.governance.rate-limits.max-wait=-1s", "lcel.governance.rate-limits.store=reddis",
				"lcel.governance.quotas.window=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lcel.governance.rate-limits.global.tokens-per-interval: must not be negative")
				.hasMessageContaining("lcel.governance.rate-limits.max-wait: must not be negative")
				.hasMessageContaining("lcel.governance.rate-limits.store: cannot be read as one of [MEMORY, REDIS]")
				.hasMessageContaining("lcel.governance.quotas.window: must be a positive duration"));
	}

	@Test
	void aRedisStoreWithoutRedisFailsStartupNamingTheChoices() {
		this.contextRunner.withPropertyValues("lcel.governance.rate-limits.store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lcel.governance.rate-limits.store: redis needs")
				.hasMessageContaining("valid choices: memory, redis"));
	}

	@Test
	void aHeaderKeyWithoutItsNameFailsStartup() {
		this.contextRunner.withPropertyValues("lcel.governance.quotas.enabled=true",
				"lcel.governance.quotas.key.source=header")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lcel.governance.quotas.key.name: required by lcel.governance.quotas.key.source=header"));
	}

	@Test
	void theFailureAnalyzerListsEveryProblem() {
		var analysis = new InvalidGovernanceConfigurationFailureAnalyzer().analyze(
				new InvalidGovernanceConfigurationException(java.util.List.of("a: one", "b: two")));
		assertThat(analysis.getDescription()).contains("\n    a: one").contains("\n    b: two");
	}

	@Configuration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
