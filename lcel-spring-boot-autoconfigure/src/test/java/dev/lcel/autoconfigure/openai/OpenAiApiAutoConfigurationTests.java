package dev.lcel.autoconfigure.openai;

import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.support.ChainHttp;
import dev.lcel.autoconfigure.support.StartupProblems;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.prompts.MessagesPlaceholder;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which chains {@link OpenAiApiAutoConfiguration} serves as chat models, and how a bad
 * {@code lcel.openai-api} configuration fails at startup.
 */
class OpenAiApiAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = ChainHttp.runner(OpenAiApiAutoConfiguration.class)
		.withUserConfiguration(Chains.class);

	@Test
	void offUnlessEnabled() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ChatChains.class));
	}

	@Test
	void recognisesChainsThatTakeAConversation() {
		this.contextRunner.withPropertyValues("lcel.openai-api.enabled=true")
			.run((context) -> assertThat(context.getBean(ChatChains.class).ids())
				.containsExactlyInAnyOrder("model", "conversation"));
	}

	@Test
	void configuredChainsJoinAndMayHideARecognisedOne() {
		this.contextRunner
			.withPropertyValues("lcel.openai-api.enabled=true", "lcel.openai-api.chains.loud.chain=shout",
					"lcel.openai-api.chains.loud.input-key=text", "lcel.openai-api.chains.model.enabled=false",
					"lcel.openai-api.chains.topical.chain=topical", "lcel.openai-api.chains.topical.inputs.topic=bears")
			.run((context) -> {
				ChatChains chains = context.getBean(ChatChains.class);
				assertThat(chains.ids()).containsExactlyInAnyOrder("loud", "conversation", "topical");
				assertThat(chains.find("loud").orElseThrow().input())
					.isEqualTo(new ChatInput.LastUserMessage("text", Map.of()));
				assertThat(chains.find("topical").orElseThrow().input())
					.isEqualTo(new ChatInput.MessagesKey("messages", Map.of("topic", "bears")));
			});
	}

	@Test
	void servesOnlyExposedChains() {
		this.contextRunner.withPropertyValues("lcel.openai-api.enabled=true", "lcel.server.expose=conversation")
			.run((context) -> assertThat(context.getBean(ChatChains.class).ids()).containsExactly("conversation"));
	}

	@Test
	void badConfigurationFailsAtStartupNamingEachPropertyPath() {
		this.contextRunner
			.withPropertyValues("lcel.openai-api.enabled=true", "lcel.openai-api.chains.missing.chain=nope",
					"lcel.openai-api.chains.shout.options.temprature=llm_temperature",
					"lcel.openai-api.chains.topical.input-key=topic", "lcel.openai-api.chains.topical.messages-key=messages")
			.run((context) -> {
				List<String> problems = StartupProblems.of(context);
				assertThat(problems).anySatisfy((problem) -> assertThat(problem)
					.startsWith("lcel.openai-api.chains.missing.chain: no chain named 'nope'").contains("shout"));
				assertThat(problems).anySatisfy((problem) -> assertThat(problem)
					.startsWith("lcel.openai-api.chains.shout.options.temprature: not a request parameter")
					.contains("temperature"));
				assertThat(problems).anySatisfy((problem) -> assertThat(problem)
					.startsWith("lcel.openai-api.chains.shout: chain 'shout' takes neither").contains("input-key"));
				assertThat(problems).contains("lcel.openai-api.chains.topical: either input-key or messages-key, not both");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Chains {

		@Bean
		Runnable<Object, AIMessage> model() {
			return new FakeListChatModel("hi");
		}

		@Bean
		Runnable<Map<String, ?>, AIMessage> conversation() {
			return ChatPromptTemplate.fromMessages(List.of(MessagesPlaceholder.of("messages"))).pipe(new FakeListChatModel("hi"));
		}

		@Bean
		Runnable<Map<String, ?>, List<BaseMessage>> topical() {
			return ChatPromptTemplate.fromMessages(List.of(MessagesPlaceholder.of("messages"), Map.entry("human", "about {topic}")))
				.pipe(RunnableLambda.of((prompt) -> List.<BaseMessage>of()));
		}

		@Bean
		Runnable<String, String> shout() {
			return RunnableLambda.typed(String.class, String.class, String::toUpperCase);
		}

	}

}
