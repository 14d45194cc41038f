package dev.lcel.autoconfigure.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.support.StartupProblems;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.ForwardingChatModel;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.runnable.Runnable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class ModelAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, ModelAutoConfiguration.class))
		.withPropertyValues("lcel.models.fake.provider=fake", "lcel.models.fake.responses[0]=Why did the bear cross?",
				"lcel.models.fake.responses[1]={\"countries\": [{\"name\": \"France\", \"population\": 68}]}",
				"lcel.models.fake.chunk-size=3");

	@SuppressWarnings("unchecked")
	private static Runnable<Object, Object> chain(ApplicationContext context, String name) {
		return (Runnable<Object, Object>) context.getBean(ChainRegistry.class).get(name);
	}

	@Test
	void seedChainRunsAgainstAConfiguredModel() {
		this.contextRunner
			.withPropertyValues("lcel.chains.joke.steps[0].prompt=tell me a joke about {topic}",
					"lcel.chains.joke.steps[1].model=fake", "lcel.chains.joke.steps[2].parser=str")
			.run((context) -> {
				Runnable<Object, Object> joke = chain(context, "joke");
				assertThat(joke.invoke(Map.of("topic", "bears"))).isEqualTo("Why did the bear cross?");
				List<Object> chunks = joke.astream(Map.of("topic", "bears")).collectList().block();
				assertThat(chunks).hasSizeGreaterThan(1);
				assertThat(joke.inputSchema().path("required").get(0).asString()).isEqualTo("topic");
			});
	}

	@Test
	void modelStepWithoutANameUsesTheDefaultModelAndBindsArguments() {
		this.contextRunner
			.withPropertyValues("lcel.chains.chat.steps[0].messages[0].system=You are terse.",
					"lcel.chains.chat.steps[0].messages[1].optional-placeholder=history",
					"lcel.chains.chat.steps[0].messages[2].human={question}", "lcel.chains.chat.steps[1].model=",
					"lcel.chains.chat.steps[1].bind.temperature=0.2")
			.run((context) -> {
				Object answer = chain(context, "chat").invoke(Map.of("question", "why?"));
				assertThat(answer).isInstanceOf(AIMessage.class);
				assertThat(context.getBean(ChatModelRegistry.class).defaultModel()).isEqualTo("fake");
			});
	}

	@Test
	void jsonParserStreamsGrowingObjects() {
		this.contextRunner
			.withPropertyValues("lcel.models.fake.responses[0]={\"countries\": [{\"name\": \"France\"}, {\"name\": \"Spain\"}]}",
					"lcel.chains.countries.steps[0].model=fake", "lcel.chains.countries.steps[1].parser=json")
			.run((context) -> {
				List<Object> objects = chain(context, "countries").astream("list countries").collectList().block();
				assertThat(objects).hasSizeGreaterThan(2);
				assertThat(objects.get(objects.size() - 1).toString()).contains("Spain");
			});
	}

	record Country(String name, long population) {
	}

	@Test
	void listAndClassParsersShapeTheModelsText() {
		this.contextRunner
			.withPropertyValues("lcel.models.lister.provider=fake", "lcel.models.lister.responses[0]=France, Spain, Japan",
					"lcel.models.country.provider=fake",
					"lcel.models.country.responses[0]={\"name\": \"France\", \"population\": 68}",
					"lcel.chains.names.steps[0].model=lister", "lcel.chains.names.steps[1].parser=list",
					"lcel.chains.one.steps[0].model=country",
					"lcel.chains.one.steps[1].parser=" + Country.class.getName())
			.run((context) -> {
				assertThat(chain(context, "names").invoke("x")).isEqualTo(List.of("France", "Spain", "Japan"));
				assertThat(chain(context, "one").invoke("x")).isEqualTo(new Country("France", 68));
			});
	}

	@Test
	void promptAfterAParallelMustAskOnlyForItsKeys() {
		this.contextRunner
			.withPropertyValues("lcel.chains.ok.steps[0].parallel.topic.passthrough=true",
					"lcel.chains.ok.steps[1].prompt=about {topic}", "lcel.chains.bad.steps[0].parallel.subject.passthrough=true",
					"lcel.chains.bad.steps[1].prompt=about {topic}")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("lcel.chains.bad.steps[1].prompt: variable 'topic' is not produced by the parallel "
						+ "before it, which gives [subject]")
				.hasMessageNotContaining("lcel.chains.ok"));
	}

	@Test
	void theFakeProvidersScriptIsReadFromItsOwnGroup() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, ModelAutoConfiguration.class))
			.withPropertyValues("lcel.models.scripted.provider=fake", "lcel.models.scripted.fake.responses[0]=from the group",
					"lcel.models.scripted.fake.chunk-size=2", "lcel.chains.say.steps[0].model=scripted",
					"lcel.chains.say.steps[1].parser=str")
			.run((context) -> {
				assertThat(chain(context, "say").invoke("hi")).isEqualTo("from the group");
				assertThat(chain(context, "say").astream("hi").collectList().block()).startsWith("fr", "om");
			});
	}

	@Test
	void registryGivesModelsByNameWithTheirOptions() {
		this.contextRunner.withPropertyValues("lcel.models.fake.temperature=0.3").run((context) -> {
			ChatModel model = context.getBean(ChatModelRegistry.class).get("fake");
			assertThat(model.invoke("hi").content()).isEqualTo("Why did the bear cross?");
			assertThat(context.getBean(ChatModelRegistry.class).names()).containsExactly("fake");
		});
	}

	@Test
	void decoratorsWrapEveryCreatedModelInOrderAndSeeTheBoundOptions() {
		List<String> calls = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("lcel.models.fake.temperature=0.3")
			.withBean("outer", ChatModelDecorator.class, () -> new RecordingDecorator("outer", calls, 1))
			.withBean("inner", ChatModelDecorator.class, () -> new RecordingDecorator("inner", calls, 2))
			.run((context) -> {
				ChatModel model = context.getBean(ChatModelRegistry.class).get("fake");
				assertThat(model.invoke("hi").content()).isEqualTo("Why did the bear cross?");
				assertThat(calls).containsExactly("outer fake 0.3", "inner fake 0.3");
				assertThat(model.providerName()).isEqualTo("fake");
			});
	}

	/** Records each call it forwards, with the model's name and the call's temperature. */
	private record RecordingDecorator(String label, List<String> calls, int order)
			implements ChatModelDecorator, Ordered {

		@Override
		public ChatModel decorate(String name, ModelProperties properties, ChatModel model) {
			return new ForwardingChatModel(model) {
				@Override
				protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options,
						RunnableConfig config) {
					calls.add(label + " " + name + " " + options.temperature());
					return super.streamChunks(messages, options, config);
				}

				@Override
				protected Mono<AIMessage> generate(List<BaseMessage> messages, ChatOptions options,
						RunnableConfig config) {
					calls.add(label + " " + name + " " + options.temperature());
					return super.generate(messages, options, config);
				}
			};
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

	@Test
	void problemsNameThePropertyAndTheValidChoices() {
		this.contextRunner.withBean(KeyedFactory.class, KeyedFactory::new)
			.withPropertyValues("lcel.models.typo.provider=opneai", "lcel.models.keyed.provider=keyed",
					"lcel.models.unused.provider=keyed", "lcel.chains.a.steps[0].model=gtp4",
					"lcel.chains.b.steps[0].model=keyed", "lcel.chains.c.steps[0].parser=xml")
			.run((context) -> {
				assertThat(context).hasFailed();
				List<String> problems = StartupProblems.of(context.getStartupFailure());
				assertThat(problems).contains("lcel.chains.c.steps[0].parser: unknown parser 'xml'; parsers: [str, json, list, numbered-list, a class name (parsed into that type)]",
						"lcel.models.typo.provider: unknown provider 'opneai'; providers: [anthropic, fake, keyed, ollama, openai]",
						"lcel.chains.a.steps[0].model: unknown model 'gtp4'; configured models: [fake, keyed, typo, unused]",
						"lcel.models.keyed.api-key: required by lcel.chains.b.steps[0].model (provider keyed); set it, e.g. from an environment variable");
				assertThat(problems).noneMatch((p) -> p.contains("lcel.models.unused"));
			});
		this.contextRunner.withPropertyValues("lcel.chains.c.steps[0].parser=xml")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
					"lcel.chains.c.steps[0].parser: unknown parser 'xml'; parsers: [str, json, list, numbered-list, a class name (parsed into that type)]"));
	}

	static class KeyedFactory implements ChatModelFactory {

		@Override
		public String provider() {
			return "keyed";
		}

		@Override
		public List<String> missing(ModelProperties properties) {
			return (properties.apiKey() == null) ? List.of("api-key") : List.of();
		}

		@Override
		public ChatModel create(String name, ModelProperties properties, WebClient.Builder webClient) {
			return FakeStreamingChatModel.builder().responses("keyed").build();
		}

	}

}
