package dev.lcel.autoconfigure.governance.cache;

import java.util.List;
import java.util.UUID;

import dev.lcel.autoconfigure.history.RedisServer;
import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.core.messages.AIMessage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts, as two instances behind a load balancer, sharing one Redis cache: a
 * stream cached by one is replayed by the other with the same chunks. Needs a Redis
 * ({@code REDIS_URL}); skipped without one.
 */
class SharedRedisCacheTests {

	@Test
	void aStreamCachedByOneInstanceIsReplayedByAnotherWithTheSameChunks() {
		String url = RedisServer.url();
		String prefix = "lcel-test:cache:" + UUID.randomUUID() + ":";
		ApplicationContextRunner instance = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
					ModelAutoConfiguration.class, ResponseCacheAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + url, "lcel.governance.cache.enabled=true",
					"lcel.governance.cache.store=redis", "lcel.governance.cache.redis.key-prefix=" + prefix, "lcel.governance.cache.ttl=1m",
					"lcel.models.joke.provider=fake", "lcel.models.joke.temperature=0");
		instance.withPropertyValues("lcel.models.joke.responses[0]=Why did the bear cross the road?").run((first) -> {
			List<AIMessage> original = stream(first.getBean(ChatModelRegistry.class));
			assertThat(original).extracting(AIMessage::content)
				.containsExactly("Why ", "did ", "the ", "bear", " cro", "ss t", "he r", "oad?");
			instance.withPropertyValues("lcel.models.joke.responses[0]=something else entirely").run((second) -> {
				List<AIMessage> replayed = stream(second.getBean(ChatModelRegistry.class));
				assertThat(replayed).isEqualTo(original);
				assertThat(replayed.get(replayed.size() - 1).usageMetadata()).isNotNull();
				assertThat(second.getBean(ChatModelRegistry.class).get("joke").invoke("a joke about bears").content())
					.isEqualTo("Why did the bear cross the road?");
			});
		});
	}

	private static List<AIMessage> stream(ChatModelRegistry registry) {
		return registry.get("joke").astream("a joke about bears").collectList().block();
	}

}
