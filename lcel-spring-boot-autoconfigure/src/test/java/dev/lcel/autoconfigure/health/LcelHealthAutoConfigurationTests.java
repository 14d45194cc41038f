package dev.lcel.autoconfigure.health;

import java.util.concurrent.atomic.AtomicInteger;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.model.ChatModelFactory;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.autoconfigure.model.ModelProperties;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.FakeStreamingChatModel;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class LcelHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, ModelAutoConfiguration.class,
				LcelHealthAutoConfiguration.class))
		.withBean(FlakyFactory.class, FlakyFactory::new)
		.withPropertyValues("lcel.models.offline.provider=fake", "lcel.models.remote.provider=flaky",
				"lcel.models.remote.model=big-1");

	private static Health health(CompositeReactiveHealthContributor contributor, String model) {
		return ((ReactiveHealthIndicator) contributor.getContributor(model)).health().block();
	}

	@Test
	void eachModelIsUpWhenItsProviderIsReachableAndDownWithTheReasonOtherwise() {
		this.contextRunner.run((context) -> {
			CompositeReactiveHealthContributor lcel = context.getBean("lcelHealthContributor",
					CompositeReactiveHealthContributor.class);
			assertThat(health(lcel, "offline").getStatus()).isEqualTo(Status.UP);
			Health remote = health(lcel, "remote");
			assertThat(remote.getStatus()).isEqualTo(Status.DOWN);
			assertThat(remote.getDetails()).containsEntry("provider", "flaky").containsEntry("model", "big-1");
			assertThat(remote.getDetails().get("error").toString()).contains("connection refused");
		});
	}

	@Test
	void resultsAreCachedSoProbesDoNotReachTheProviderEachTime() {
		this.contextRunner.run((context) -> {
			CompositeReactiveHealthContributor lcel = context.getBean("lcelHealthContributor",
					CompositeReactiveHealthContributor.class);
			health(lcel, "offline");
			health(lcel, "offline");
			health(lcel, "remote");
			health(lcel, "remote");
			assertThat(context.getBean(FlakyFactory.class).checks.get()).isEqualTo(1);
		});
	}

	@Test
	void canBeTurnedOff() {
		this.contextRunner.withPropertyValues("management.health.lcel.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("lcelHealthContributor"));
	}

	static class FlakyFactory implements ChatModelFactory {

		final AtomicInteger checks = new AtomicInteger();

		@Override
		public String provider() {
			return "flaky";
		}

		@Override
		public Mono<Void> checkReachable(String name, ModelProperties properties, WebClient.Builder webClient) {
			return Mono.defer(() -> {
				this.checks.incrementAndGet();
				return Mono.error(new IllegalStateException("connection refused"));
			});
		}

		@Override
		public ChatModel create(String name, ModelProperties properties, WebClient.Builder webClient) {
			return FakeStreamingChatModel.builder().responses("x").build();
		}

	}

}
