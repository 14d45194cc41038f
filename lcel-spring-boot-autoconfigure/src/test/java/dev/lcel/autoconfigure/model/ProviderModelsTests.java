package dev.lcel.autoconfigure.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.chain.InvalidChainDefinitionException;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.anthropic.AnthropicChatModel;
import dev.lcel.core.models.ollama.OllamaChatModel;
import dev.lcel.core.models.openai.OpenAiChatModel;
import dev.lcel.core.runnable.Runnable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Models of the openai, anthropic and ollama providers built from {@code lcel.models.*}, running the
 * seed's chains declared in YAML against WireMock serving each provider's wire format.
 */
class ProviderModelsTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().gzipDisabled(true))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, ModelAutoConfiguration.class))
		.withInitializer(new ConfigDataApplicationContextInitializer());

	private ApplicationContextRunner seedChains() {
		return this.contextRunner.withPropertyValues("spring.config.location=classpath:providers/seed-chains.yml",
				"wiremock.url=" + wireMock.baseUrl());
	}

	private void serveAnswers() {
		wireMock.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(ProviderStreams.openAi(List.of("Why ", "did ", "the ", "bear ", "sit?")))));
		wireMock.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(ProviderStreams.anthropic(List.of("Soft ", "paws ", "in ", "snow.")))));
		wireMock.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse()
			.withHeader("Content-Type", "application/x-ndjson")
			.withBody(ProviderStreams.ollama(List.of("{\"countries\": [", "{\"name\": \"France\", \"population\": 68}",
					", {\"name\": \"Spain\", \"population\": 48}", "]}")))));
	}

	@SuppressWarnings("unchecked")
	private static Runnable<Object, Object> chain(ApplicationContext context, String name) {
		return (Runnable<Object, Object>) context.getBean(ChainRegistry.class).get(name);
	}

	@Test
	void eachProviderBecomesItsClient() {
		seedChains().run((context) -> {
			ChatModelRegistry models = context.getBean(ChatModelRegistry.class);
			assertThat(models.get("gpt").providerName()).isEqualTo(OpenAiChatModel.PROVIDER);
			assertThat(models.get("claude").providerName()).isEqualTo(AnthropicChatModel.PROVIDER);
			assertThat(models.get("llama").providerName()).isEqualTo(OllamaChatModel.PROVIDER);
			assertThat(models.get("llama").modelName()).isEqualTo("llama-test");
		});
	}

	@Test
	void theJokeChainStreamsTokenByTokenFromOpenAi() {
		serveAnswers();
		seedChains().run((context) -> {
			StepVerifier.create(chain(context, "joke").astream(Map.of("topic", "bears")))
				.expectNext("Why ", "did ", "the ", "bear ", "sit?")
				.expectNextMatches((token) -> token.equals(""))
				.verifyComplete();
			JsonNode request = lastRequestBody("/v1/chat/completions");
			assertThat(request.path("messages").path(0).path("content").asString()).isEqualTo("tell me a joke about bears");
			assertThat(request.path("temperature").asDouble()).as("lcel.models.gpt.temperature").isEqualTo(0.7);
			assertThat(wireMock.getAllServeEvents().get(0).getRequest().getHeader("OpenAI-Organization"))
				.isEqualTo("org-test");
		});
	}

	@Test
	void theCombinedChainRunsOpenAiAndAnthropicInParallel() {
		serveAnswers();
		seedChains().run((context) -> {
			Object result = chain(context, "combined").invoke(Map.of("topic", "bears"));
			assertThat(result).isEqualTo(Map.of("joke", "Why did the bear sit?", "poem", "Soft paws in snow."));
			JsonNode claude = lastRequestBody("/v1/messages");
			assertThat(claude.path("max_tokens").asInt()).as("lcel.models.claude.max-tokens").isEqualTo(200);
		});
	}

	@Test
	void theCountriesChainStreamsEverMoreCompleteJsonFromOllama() {
		serveAnswers();
		seedChains().run((context) -> {
			List<Object> documents = chain(context, "countries").astream(Map.of()).collectList().block(Duration.ofSeconds(5));
			assertThat(documents).hasSizeGreaterThan(2);
			assertThat(documents.get(documents.size() - 1)).isEqualTo(Map.of("countries",
					List.of(Map.of("name", "France", "population", 68), Map.of("name", "Spain", "population", 48))));
			assertThat(lastRequestBody("/api/chat").path("options").path("num_ctx").asInt())
				.as("lcel.models.llama.options").isEqualTo(4096);
		});
	}

	@Test
	void aModelStepBindsStopSequencesAndToolsFromYaml() {
		serveAnswers();
		seedChains()
			.withPropertyValues("lcel.chains.tooled.steps[0].model=gpt", "lcel.chains.tooled.steps[0].bind.stop[0]=END",
					"lcel.chains.tooled.steps[0].bind.stop[1]=STOP", "lcel.chains.tooled.steps[0].bind.tools[0].name=weather",
					"lcel.chains.tooled.steps[0].bind.tools[0].description=The weather in a city",
					"lcel.chains.tooled.steps[0].bind.tools[0].parameters.type=object",
					"lcel.chains.tooled.steps[0].bind.tools[0].parameters.properties.city.type=string")
			.run((context) -> {
				chain(context, "tooled").invoke("Weather in Oslo?");
				JsonNode request = lastRequestBody("/v1/chat/completions");
				assertThat(request.path("stop").toString()).isEqualTo("[\"END\",\"STOP\"]");
				JsonNode function = request.path("tools").path(0).path("function");
				assertThat(function.path("name").asString()).isEqualTo("weather");
				assertThat(function.path("parameters").path("properties").path("city").path("type").asString())
					.isEqualTo("string");
			});
	}

	@Test
	void aMistypedBindFailsAtStartupNamingTheStep() {
		seedChains().withPropertyValues("lcel.chains.hot.steps[0].model=gpt", "lcel.chains.hot.steps[0].bind.temperature=hot")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lcel.chains.hot.steps[0].bind: Chat option 'temperature' must be a number"));
	}

	@Test
	void aModelThatAChainUsesWithoutAKeyFailsAtStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("lcel.models.gpt.provider=openai", "lcel.models.gpt.model=gpt-4o-mini",
					"lcel.chains.joke.steps[0].model=gpt")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidChainDefinitionException.class)
				.hasMessageContaining("lcel.models.gpt.api-key: required by lcel.chains.joke.steps[0].model"));
	}

	@Test
	void anUnusedModelMayLackItsKeyAndALocalCompatibleServerNeedsNone() {
		this.contextRunner
			.withPropertyValues("lcel.models.spare.provider=anthropic", "lcel.models.spare.model=claude-x",
					"lcel.models.local.provider=openai", "lcel.models.local.model=qwen",
					"lcel.models.local.base-url=http://127.0.0.1:8000/v1", "lcel.chains.chat.steps[0].model=local")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aModelWithoutAModelNameFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("lcel.models.llama.provider=ollama", "lcel.chains.chat.steps[0].model=llama")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lcel.models.llama.model: required by lcel.chains.chat.steps[0].model"));
	}

	@Test
	void reachabilityListsModelsWithoutSpendingTokens() {
		wireMock.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
		wireMock.stubFor(get(urlEqualTo("/api/tags")).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"boom\"}")));
		seedChains().run((context) -> {
			ChatModelRegistry models = context.getBean(ChatModelRegistry.class);
			StepVerifier.create(models.checkReachable("gpt")).verifyComplete();
			StepVerifier.create(models.checkReachable("llama")).expectErrorMessage("ollama answered 500: boom").verify();
			assertThat(wireMock.findAll(postRequestedFor(anyUrl()))).isEmpty();
		});
	}

	@Test
	void theModelsDefaultsAreBoundToEveryCall() {
		seedChains().run((context) -> {
			ChatModel gpt = context.getBean(ChatModelRegistry.class).get("gpt");
			assertThat(gpt.toString()).doesNotContain("sk-openai-test-secret");
		});
	}

	private static JsonNode lastRequestBody(String path) {
		return wireMock.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals(path))
			.findFirst()
			.map((event) -> JsonMapper.shared().readTree(event.getRequest().getBodyAsString()))
			.orElseThrow();
	}

}
