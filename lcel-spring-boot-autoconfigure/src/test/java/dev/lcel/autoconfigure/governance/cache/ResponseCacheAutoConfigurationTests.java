package dev.lcel.autoconfigure.governance.cache;

import java.util.List;

import dev.lcel.autoconfigure.support.StartupProblems;
import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.core.governance.cache.ResponseCacheStore;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.models.ChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ModelAutoConfiguration.class, ResponseCacheAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("lcel.models.joke.provider=fake", "lcel.models.joke.temperature=0",
				"lcel.models.joke.responses[0]=why did the bear", "lcel.models.joke.responses[1]=another one",
				"lcel.models.poem.provider=fake", "lcel.models.poem.temperature=0", "lcel.models.poem.responses[0]=roses",
				"lcel.models.poem.responses[1]=violets");

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(ResponseCacheDecorator.class).doesNotHaveBean(ResponseCacheStore.class);
			assertThat(contents(context, "joke")).containsExactly("why did the bear", "another one");
		});
	}

	@Test
	void answersRepeatedCallsFromTheCacheAndCountsHitsAndMisses() {
		this.contextRunner.withPropertyValues("lcel.governance.cache.enabled=true").run((context) -> {
			assertThat(contents(context, "joke")).containsExactly("why did the bear", "why did the bear");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("lcel.cache.gets").tags("model", "joke", "result", "miss").counter().count()).isEqualTo(1);
			assertThat(registry.get("lcel.cache.gets").tags("model", "joke", "result", "hit").counter().count()).isEqualTo(1);
			assertThat(registry.get("lcel.cache.puts").tags("model", "joke").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void aModelCanBeLeftOut() {
		this.contextRunner.withPropertyValues("lcel.governance.cache.enabled=true", "lcel.governance.cache.models.poem.enabled=false")
			.run((context) -> {
				assertThat(contents(context, "poem")).containsExactly("roses", "violets");
				assertThat(contents(context, "joke")).containsExactly("why did the bear", "why did the bear");
			});
	}

	@Test
	void isTheOutermostDecorator() {
		assertThat(ResponseCacheDecorator.ORDER).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 100);
		this.contextRunner.withPropertyValues("lcel.governance.cache.enabled=true")
			.run((context) -> assertThat(context.getBean(ResponseCacheDecorator.class).getOrder())
				.isEqualTo(ResponseCacheDecorator.ORDER));
	}

	@Test
	void badPropertiesFailTheStartNamingTheirPath() {
		this.contextRunner
			.withPropertyValues("lcel.governance.cache.enabled=true", "lcel.governance.cache.max-entires=5",
					"lcel.governance.cache.store=memroy", "lcel.governance.cache.ttl=0s",
					"lcel.governance.cache.models.gtp.enabled=false")
			.run((context) -> assertThat(StartupProblems.of(context.getStartupFailure())).anySatisfy((problem) -> assertThat(problem)
				.startsWith("lcel.governance.cache.max-entires").contains("max-entries"))
				.anySatisfy((problem) -> assertThat(problem).startsWith("lcel.governance.cache.store").contains("MEMORY", "REDIS"))
				.anySatisfy((problem) -> assertThat(problem).startsWith("lcel.governance.cache.ttl").contains("positive"))
				.anySatisfy((problem) -> assertThat(problem).startsWith("lcel.governance.cache.models.gtp")
					.contains("unknown model 'gtp'", "joke", "poem")));
	}

	@Test
	void theRedisStoreNeedsARedisConnection() {
		this.contextRunner.withPropertyValues("lcel.governance.cache.enabled=true", "lcel.governance.cache.store=redis")
			.run((context) -> assertThat(StartupProblems.of(context.getStartupFailure())).singleElement()
				.satisfies((problem) -> assertThat(problem).startsWith("lcel.governance.cache.store: redis")
					.contains("spring.data.redis.url", "memory, redis")));
	}

	private static List<String> contents(AssertableApplicationContext context, String name) {
		ChatModel model = context.getBean(ChatModelRegistry.class).get(name);
		return List.of(model.invoke("tell me").content(), model.astream("tell me").map(AIMessage::content)
			.reduce(String::concat).block());
	}

}
