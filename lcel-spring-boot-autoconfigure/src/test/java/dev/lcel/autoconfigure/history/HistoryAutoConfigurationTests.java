package dev.lcel.autoconfigure.history;

import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.chain.InvalidChainDefinitionException;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.core.config.InvalidConfigurableException;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HistoryAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, ModelAutoConfiguration.class,
				HistoryAutoConfiguration.class))
		.withUserConfiguration(TranscriptConfiguration.class)
		.withPropertyValues("lcel.chains.chat.history.input-key=question",
				"lcel.chains.chat.history.history-key=history", "lcel.chains.chat.steps[0].messages[0].system=Be brief",
				"lcel.chains.chat.steps[0].messages[1].placeholder=history",
				"lcel.chains.chat.steps[0].messages[2].human={question}", "lcel.chains.chat.steps[1].bean=transcript");

	private static RunnableConfig session(String id) {
		return RunnableConfig.builder().configurable("session_id", id).build();
	}

	@SuppressWarnings("unchecked")
	private static Runnable<Object, Object> chat(AssertableApplicationContext context) {
		return (Runnable<Object, Object>) context.getBean(ChainRegistry.class).get("chat");
	}

	private static List<String> problems(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable cause = context.getStartupFailure();
		while (!(cause instanceof InvalidChainDefinitionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return ((InvalidChainDefinitionException) cause).getProblems();
	}

	@Test
	void memoryHistoryRemembersEachSessionsConversation() {
		this.contextRunner.run((context) -> {
			Runnable<Object, Object> chat = chat(context);
			assertThat(chat.invoke(Map.of("question", "I am Bob"), session("a"))).isEqualTo("Be brief|I am Bob");
			assertThat(chat.invoke(Map.of("question", "who am I?"), session("a")))
				.isEqualTo("Be brief|I am Bob|Be brief|I am Bob|who am I?");
			assertThat(chat.invoke(Map.of("question", "hi"), session("b"))).isEqualTo("Be brief|hi");
			assertThat(chat.inputSchema().get("properties").has("history")).isFalse();
			assertThat(chat.configSchema().at("/properties/configurable/properties/session_id").isObject()).isTrue();
			assertThat(context).doesNotHaveBean("redisChatMessageHistoryStoreFactory");
		});
	}

	@Test
	void maxMessagesTrimsTheConversation() {
		this.contextRunner.withPropertyValues("lcel.chains.chat.history.max-messages=2").run((context) -> {
			Runnable<Object, Object> chat = chat(context);
			chat.invoke(Map.of("question", "one"), session("a"));
			chat.invoke(Map.of("question", "two"), session("a"));
			// Kept: the second turn only (its question, and an answer that quoted the first turn).
			assertThat(chat.invoke(Map.of("question", "three"), session("a")))
				.isEqualTo("Be brief|two|Be brief|one|Be brief|one|two|three");
		});
	}

	@Test
	void missingSessionIdIsAClearError() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidConfigurableException.class)
			.isThrownBy(() -> chat(context).invoke(Map.of("question", "hi")))
			.withMessageContaining("config.configurable.session_id"));
	}

	@Test
	void redisStoreIsConfiguredWithBootsRedisConnection() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasBean("redisChatMessageHistoryStoreFactory");
				assertThat(context.getBean(HistoryProperties.class).redis().keyPrefix()).isEqualTo("lcel:history:");
			});
	}

	@Test
	void unknownStoreFailsStartupNamingThePathAndTheStores() {
		this.contextRunner.withPropertyValues("lcel.chains.chat.history.store=mongo")
			.run((context) -> assertThat(problems(context))
				.contains("lcel.chains.chat.history.store: unknown store 'mongo'; stores: [memory, redis]"));
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsStartupNamingTheDependency() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ReactiveStringRedisTemplate.class))
			.withPropertyValues("lcel.chains.chat.history.store=redis")
			.run((context) -> assertThat(problems(context)).anySatisfy((problem) -> assertThat(problem)
				.startsWith("lcel.chains.chat.history.store: the redis store needs Spring Data Redis")
				.contains("spring-boot-starter-data-redis-reactive")));
	}

	@Test
	void negativeLimitsFailStartup() {
		this.contextRunner
			.withPropertyValues("lcel.chains.chat.history.max-messages=-1", "lcel.chains.chat.history.ttl=-5s")
			.run((context) -> assertThat(problems(context)).contains(
					"lcel.chains.chat.history.max-messages: must not be negative, was -1",
					"lcel.chains.chat.history.ttl: must not be negative, was PT-5S"));
	}

}
