package dev.lcel.autoconfigure.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.lcel.autoconfigure.support.ChainHttp;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.governance.usage.UsageCallbackHandler;
import dev.lcel.core.models.ModelTimeoutException;
import dev.lcel.core.models.ProviderException;
import dev.lcel.core.models.RateLimitException;
import dev.lcel.core.prompts.PromptTemplate;
import dev.lcel.core.prompts.PromptValue;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.lcel.autoconfigure.support.ChainHttp.client;
import static dev.lcel.autoconfigure.support.ChainHttp.data;
import static dev.lcel.autoconfigure.support.ChainHttp.events;
import static dev.lcel.autoconfigure.support.ChainHttp.getJson;
import static dev.lcel.autoconfigure.support.ChainHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

class LcelServerAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = ChainHttp
		.runner(LcelServerAutoConfiguration.class)
		.withUserConfiguration(Chains.class);

	@Test
	void theChainListSaysWhichModelAConfiguredChainCallsAndThatAFakeOneIsNoLanguageModel() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(dev.lcel.autoconfigure.model.ModelAutoConfiguration.class))
			.withPropertyValues("lcel.models.scripted.provider=fake", "lcel.models.gpt.provider=openai",
					"lcel.models.gpt.model=gpt-4o-mini", "lcel.models.gpt.api-key=sk-listed-never",
					"lcel.chains.joke.steps[0].model=scripted", "lcel.chains.smart.steps[0].model=gpt",
					"lcel.chains.both.parallel.a.chain=joke", "lcel.chains.both.parallel.b.chain=smart")
			.run((context) -> getJson(client(context), "/chains")
				.jsonPath("$.chains[?(@.name == 'joke')].model").isEqualTo(List.of("fake (offline demo)"))
				.jsonPath("$.chains[?(@.name == 'smart')].model").isEqualTo(List.of("openai gpt-4o-mini"))
				.jsonPath("$.chains[?(@.name == 'both')].model")
				.isEqualTo(List.of("fake (offline demo), openai gpt-4o-mini"))
				.jsonPath("$.chains[?(@.name == 'greet')].model").isEmpty()
				.consumeWith((result) -> assertThat(new String(result.getResponseBody())).doesNotContain("sk-listed")));
	}

	@Test
	void invokeAnswersInLangServesShape() {
		this.contextRunner.run((context) -> postJson(client(context), "/chains/greet/invoke",
				"{\"input\": {\"name\": \"Ada\"}, \"config\": {}, \"kwargs\": {}}")
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.output").isEqualTo("Hello, Ada!")
			.jsonPath("$.metadata.run_id").isNotEmpty()
			.jsonPath("$.metadata.feedback_tokens").isArray());
	}

	@Test
	void invokeAnswersLangServesBytesWithTheirLength() {
		this.contextRunner.run((context) -> postJson(client(context), "/chains/greet/invoke", "{\"input\": {\"name\": \"Ada\"}}")
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.consumeWith((result) -> {
				String body = new String(result.getResponseBody(), StandardCharsets.UTF_8);
				assertThat(body).matches("\\{\"output\":\"Hello, Ada!\",\"metadata\":\\{\"run_id\":\"[0-9a-f-]{36}\","
						+ "\"feedback_tokens\":\\[],\"usage\":\\{\"models\":\\{},\"total\":\\{.*}}}}");
				assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(result.getResponseBody().length);
			}));
	}

	@Test
	void batchAnswersOutputsInOrderWithARunIdEach() {
		this.contextRunner.run((context) -> postJson(client(context), "/chains/greet/batch",
				"{\"inputs\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}], \"config\": [{}, {}, {}]}")
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.output").isEqualTo(List.of("Hello, a!", "Hello, b!", "Hello, c!"))
			.jsonPath("$.metadata.run_ids.length()").isEqualTo(3));
	}

	@Test
	void streamSendsMetadataThenJsonEncodedChunksThenEnd() {
		this.contextRunner.run((context) -> {
			Flux<ServerSentEvent<String>> events = events(client(context).post()
				.uri("/chains/words/stream")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"input\": \"to be\"}")
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus().isOk());
			StepVerifier.create(events.map((e) -> e.event() + " " + e.data()))
				.assertNext((e) -> assertThat(e).startsWith("metadata {\"run_id\":\""))
				.expectNext("data \"to \"")
				.expectNext("data \"be\"")
				.assertNext((e) -> assertThat(e).startsWith("metadata {\"run_id\":\"").contains("\"usage\":{\"models\":{}"))
				.expectNext("end null")
				.verifyComplete();
		});
	}

	@Test
	void failureMidStreamIsAnErrorEventWithStatusAndGenericMessage() {
		this.contextRunner.run((context) -> {
			Flux<ServerSentEvent<String>> events = events(
					postJson(client(context), "/chains/broken/stream", "{\"input\": \"x\"}").expectStatus().isOk());
			StepVerifier.create(events.map((e) -> e.event() + " " + e.data()))
				.expectNextMatches((e) -> e.startsWith("metadata"))
				.expectNext("data \"partial\"")
				.assertNext((e) -> assertThat(e).startsWith("error {\"status_code\":500,\"message\":\"Internal Server Error (run ")
					.doesNotContain("secret"))
				.verifyComplete();
		});
	}

	@Test
	void streamEventsAndStreamLogSendOneEventOrPatchPerDataEvent() {
		this.contextRunner.run((context) -> {
			List<String> events = data(postJson(client(context), "/chains/words/stream_events",
					"{\"input\": \"a b\", \"include_names\": [\"/chains/words\"]}"), "data");
			// As LangServe does, the root run is named after the chain's path and says which route ran it.
			assertThat(events).isNotEmpty()
				.allSatisfy((e) -> assertThat(e).contains("\"name\":\"/chains/words\"", "\"run_id\"",
						"\"__langserve_endpoint\":\"stream_events\""));
			assertThat(events.get(0)).contains("\"event\":\"on_chain_start\"", "\"input\":\"a b\"");

			List<String> patches = data(postJson(client(context), "/chains/words/stream_log", "{\"input\": \"a b\"}"), "data");
			assertThat(patches).isNotEmpty().allSatisfy((p) -> assertThat(p).startsWith("{\"ops\":[{\"op\":"));
			assertThat(patches.get(patches.size() - 1)).contains("\"path\":\"/final_output\"", "\"value\":\"a b\"");
		});
	}

	@Test
	void schemasGraphAndListAreServed() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			getJson(client, "/chains/greet/schema")
				.jsonPath("$.input.properties.name.type").isEqualTo("string")
				.jsonPath("$.output.type").isEqualTo("string")
				.jsonPath("$.config.properties.configurable").exists();
			client.get().uri("/chains/greet/input_schema").exchange().expectBody().jsonPath("$.required[0]").isEqualTo("name");
			client.get().uri("/chains/greet/output_schema").exchange().expectBody().jsonPath("$.type").isEqualTo("string");
			client.get().uri("/chains/greet/config_schema").exchange().expectBody().jsonPath("$.properties.tags").exists();
			getJson(client, "/chains/words/graph")
				.jsonPath("$.nodes").isArray()
				.jsonPath("$.mermaid").value((String m) -> assertThat(m).startsWith("graph TD;"));
			getJson(client, "/chains")
				.jsonPath("$.chains[?(@.name == 'greet')].links.invoke").isEqualTo(List.of("/chains/greet/invoke"));
		});
	}

	@Test
	void inputNotMatchingTheSchemaIs422NamingTheField() {
		this.contextRunner.run((context) -> postJson(client(context), "/chains/greet/invoke",
				"{\"input\": {\"nmae\": \"Ada\"}}")
			.expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(422)
			.jsonPath("$.errors[*].field").value((List<String> fields) -> assertThat(fields).contains("/input/name", "/input/nmae"))
			.jsonPath("$.message").value((String m) -> assertThat(m).contains("/input/name")));
	}

	@Test
	void malformedJsonIs400AndUnknownChainIs404AndOversizedIs413() {
		this.contextRunner.withPropertyValues("lcel.server.max-request-size=100B").run((context) -> {
			WebTestClient client = client(context);
			postJson(client, "/chains/greet/invoke", "{\"input\": ").expectStatus().isBadRequest().expectBody().jsonPath("$.message")
				.value((String m) -> assertThat(m).startsWith("The request body ends before its JSON is complete"));
			postJson(client, "/chains/gret/invoke", "{\"input\": {}}").expectStatus().isNotFound().expectBody().jsonPath("$.message")
				.value((String m) -> assertThat(m).isEqualTo("No chain named 'gret'; the chains are [broken, down, echo, endless, greet, limited, slow, spy, words]"));
			postJson(client, "/chains/greet/invoke", "{\"input\": {\"name\": \"" + "x".repeat(200) + "\"}}")
				.expectStatus().isEqualTo(413);
			postJson(client, "/chains/..%2F..%2Fetc/invoke", "{\"input\": {}}").expectStatus().is4xxClientError();
		});
	}

	@Test
	void wrongMethodIs405AndUnknownRouteIs404AndWrongInputTypeIs422() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			client.get().uri("/chains/greet/invoke").exchange().expectStatus().isEqualTo(405)
				.expectBody().jsonPath("$.message").isEqualTo("GET is not allowed on invoke; use POST");
			postJson(client, "/chains/greet/invok", "{}").expectStatus().isNotFound().expectBody().jsonPath("$.message")
				.value((String m) -> assertThat(m).startsWith("No route 'invok'"));
			postJson(client, "/chains/words/invoke", "{\"input\": 42}").expectStatus().isEqualTo(422);
		});
	}

	@Test
	void providerFailuresAre429WithRetryAfterOr504Or502() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			postJson(client, "/chains/limited/invoke", "{\"input\": \"x\"}").expectStatus().isEqualTo(429)
				.expectHeader().valueEquals("Retry-After", "7")
				.expectBody().jsonPath("$.message").value((String m) -> assertThat(m).contains("try again in 7 s"));
			postJson(client, "/chains/slow/invoke", "{\"input\": \"x\"}").expectStatus().isEqualTo(504);
			postJson(client, "/chains/down/invoke", "{\"input\": \"x\"}").expectStatus().isEqualTo(502)
				.expectBody().jsonPath("$.message").value((String m) -> assertThat(m).doesNotContain("sk-"));
			List<String> events = data(postJson(client, "/chains/limited/stream", "{\"input\": \"x\"}"), "error");
			assertThat(events).singleElement().satisfies((e) -> assertThat(e).startsWith("{\"status_code\":429"));
		});
	}

	@Test
	void onlyAllowListedConfigKeysReachTheChainInEitherSpelling() {
		this.contextRunner.run((context) -> {
			postJson(client(context), "/chains/spy/invoke",
					"{\"input\": \"x\", \"config\": {\"tags\": [\"t\"], \"runName\": \"named\", \"callbacks\": [\"evil\"],"
						+ " \"recursionLimit\": 1, \"metadata\": {\"user\": \"ada\", \"__internal\": 1}, \"configurable\": {\"llm\": \"b\"}}}")
				.expectStatus().isOk();
			RunnableConfig seen = context.getBean(Chains.class).seen.get();
			assertThat(seen.tags()).containsExactly("t");
			assertThat(seen.metadata()).containsEntry("user", "ada")
				.containsEntry("lcel_chain", "spy")
				.containsEntry("__langserve_endpoint", "invoke")
				.doesNotContainKey("__internal");
			assertThat(seen.configurable()).containsEntry("llm", "b");
			assertThat(seen.callbacks()).as("only the server's own usage collector").hasOnlyElementsOfType(UsageCallbackHandler.class);
			assertThat(seen.recursionLimit()).isEqualTo(RunnableConfig.DEFAULT_RECURSION_LIMIT);
		});
	}

	@Test
	void customizerBeansAdjustTheConfigOfEachRequest() {
		this.contextRunner
			.withBean(ChainRequestConfigCustomizer.class, () -> (chain, request, config) -> config.toBuilder()
				.metadata("user", request.headers().firstHeader("X-User"))
				.metadata("chain", chain)
				.build())
			.run((context) -> {
				client(context).post()
					.uri("/chains/spy/invoke")
					.header("X-User", "grace")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{\"input\": \"x\", \"config\": {\"metadata\": {\"user\": \"mallory\"}}}")
					.exchange()
					.expectStatus().isOk();
				RunnableConfig seen = context.getBean(Chains.class).seen.get();
				assertThat(seen.metadata()).containsEntry("user", "grace").containsEntry("chain", "spy");
			});
	}

	@Test
	void customizersSeeLangServesDefaultsAndTheServerSetsTheRunIdAfterThem() {
		AtomicReference<RunnableConfig> given = new AtomicReference<>();
		UUID chosen = UUID.randomUUID();
		this.contextRunner
			.withBean(ChainRequestConfigCustomizer.class, () -> (chain, request, config) -> {
				given.set(config);
				return config.toBuilder().runId(chosen).tags("customized").build();
			})
			.run((context) -> {
				postJson(client(context), "/chains/spy/invoke",
						"{\"input\": \"x\", \"config\": {\"run_name\": \"mine\", \"tags\": [\"client\"]}}")
					.expectStatus().isOk();
				assertThat(given.get().runName()).isEqualTo("/chains/spy");
				assertThat(given.get().metadata()).containsEntry("__langserve_endpoint", "invoke");
				assertThat(given.get().runId()).isNull();
				RunnableConfig seen = context.getBean(Chains.class).seen.get();
				assertThat(seen.tags()).containsExactly("client", "customized");
				assertThat(seen.metadata()).containsEntry("__langserve_endpoint", "invoke");
			});
	}

	@Test
	void playgroundPageIsServedForEachChain() {
		this.contextRunner.run((context) -> {
			client(context).get().uri("/chains/greet/playground").exchange()
				.expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class).value((html) -> assertThat(html).contains("stream_events", "id=\"run\"", "id=\"stop\""));
			client(context).get().uri("/chains/nope/playground").exchange().expectStatus().isNotFound();
		});
	}

	@Test
	void exposeLimitsTheServedChainsAndEnabledFalseTurnsThemOff() {
		this.contextRunner.withPropertyValues("lcel.server.expose=words").run((context) -> {
			postJson(client(context), "/chains/greet/invoke", "{\"input\": {\"name\": \"a\"}}").expectStatus()
				.isNotFound();
			client(context).get().uri("/chains").exchange().expectBody().jsonPath("$.chains.length()").isEqualTo(1);
		});
		this.contextRunner.withPropertyValues("lcel.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("lcelChainRoutes"));
	}

	@Test
	void clientGoneMidStreamCancelsTheChain() {
		this.contextRunner.run((context) -> {
			Chains chains = context.getBean(Chains.class);
			Flux<ServerSentEvent<String>> events = events(postJson(client(context), "/chains/endless/stream", "{\"input\": \"x\"}"));
			StepVerifier.create(events).expectNextCount(3).thenCancel().verify();
			assertThat(chains.endlessCancelled.await(5, TimeUnit.SECONDS)).isTrue();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Chains {

		final AtomicReference<RunnableConfig> seen = new AtomicReference<>();

		final CountDownLatch endlessCancelled = new CountDownLatch(1);

		record Person(String name) {
		}

		@Bean
		Runnable<Person, String> greet() {
			return RunnableLambda.typed(Person.class, String.class, (p) -> "Hello, " + p.name() + "!");
		}

		@Bean
		Runnable<String, String> words() {
			return RunnableGenerator.of("words", (Flux<String> in, RunnableConfig config) -> in
				.flatMapIterable((s) -> List.of(s.split("(?<= )"))));
		}

		@Bean
		Runnable<Map<String, ?>, String> echo() {
			return PromptTemplate.fromTemplate("tell me about {topic}").pipe(RunnableLambda.of(PromptValue::toText));
		}

		@Bean
		Runnable<String, String> broken() {
			return RunnableGenerator.of("broken", (Flux<String> in, RunnableConfig config) -> Flux.concat(
					Flux.just("partial"), Flux.error(new IllegalStateException("secret database password in message"))));
		}

		@Bean
		Runnable<String, String> limited() {
			return RunnableLambda.of((String s) -> {
				throw new RateLimitException("test", 429, "rate limited, key sk-secret", true, Duration.ofSeconds(7), null);
			});
		}

		@Bean
		Runnable<String, String> slow() {
			return RunnableLambda.of((String s) -> {
				throw new ModelTimeoutException("test", 0, "read timed out", true, null, null);
			});
		}

		@Bean
		Runnable<String, String> down() {
			return RunnableLambda.of((String s) -> {
				throw new ProviderException("test", 500, "500 from provider, key sk-secret", true, null, null);
			});
		}

		@Bean
		Runnable<String, String> spy() {
			return RunnableLambda.configAware((String s, RunnableConfig config) -> {
				this.seen.set(config);
				return s;
			});
		}

		@Bean
		Runnable<String, String> endless() {
			return RunnableGenerator.of("endless", (Flux<String> in, RunnableConfig config) -> Flux.interval(Duration.ofMillis(5))
				.onBackpressureLatest()
				.map(String::valueOf)
				.doOnCancel(this.endlessCancelled::countDown));
		}

	}

}
