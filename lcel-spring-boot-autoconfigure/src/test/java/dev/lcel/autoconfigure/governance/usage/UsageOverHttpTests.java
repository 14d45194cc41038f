package dev.lcel.autoconfigure.governance.usage;

import java.time.Duration;
import java.util.List;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.governance.cache.ResponseCacheAutoConfiguration;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.autoconfigure.web.LcelServerAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage of a run over HTTP: {@code metadata.usage} of {@code /invoke} and {@code /batch}, the
 * last {@code metadata} event of {@code /stream}, and the {@code lcel.run.tokens} counter. The fake
 * model reports the words of the conversation as input tokens and its chunks as output tokens:
 * "Tell a joke about bears" is 5 words, "Why did the bear" 4 chunks of 4 characters.
 */
class UsageOverHttpTests {

	private static final String USAGE = "{\"input_tokens\":5,\"output_tokens\":4,\"total_tokens\":9}";

	private static final String TWICE = "{\"input_tokens\":10,\"output_tokens\":8,\"total_tokens\":18}";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class, ChainAutoConfiguration.class,
				ModelAutoConfiguration.class, LcelServerAutoConfiguration.class, UsageMetricsAutoConfiguration.class,
				ResponseCacheAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("lcel.models.joke.provider=fake", "lcel.models.joke.responses[0]=Why did the bear",
				"lcel.chains.joke.steps[0].prompt=Tell a joke about {topic}", "lcel.chains.joke.steps[1].model=joke",
				"lcel.chains.joke.steps[2].parser=str", "lcel.chains.both.parallel.a.chain=joke",
				"lcel.chains.both.parallel.b.chain=joke");

	@Test
	void invokeReturnsTheUsageOfEveryModelCallOfTheRun() {
		this.contextRunner.run((context) -> {
			post(context, "joke", "invoke", "{\"input\": {\"topic\": \"bears\"}}").expectStatus().isOk()
				.expectBody()
				.jsonPath("$.output").isEqualTo("Why did the bear")
				.json("{\"metadata\": {\"usage\": {\"models\": {\"fake-streaming\": " + USAGE + "}, \"total\": " + USAGE + "}}}");
			post(context, "both", "invoke", "{\"input\": {\"topic\": \"bears\"}}").expectStatus().isOk()
				.expectBody()
				.json("{\"metadata\": {\"usage\": {\"models\": {\"fake-streaming\": " + TWICE + "}, \"total\": " + TWICE + "}}}");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(tokens(registry, "joke", "input")).isEqualTo(5);
			assertThat(tokens(registry, "joke", "output")).isEqualTo(4);
			assertThat(tokens(registry, "both", "input")).isEqualTo(10);
		});
	}

	@Test
	void batchReturnsTheUsageOfAllItsRuns() {
		this.contextRunner.run((context) -> post(context, "joke", "batch",
				"{\"inputs\": [{\"topic\": \"bears\"}, {\"topic\": \"cats\"}]}")
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.metadata.run_ids.length()").isEqualTo(2)
			.json("{\"metadata\": {\"usage\": {\"models\": {\"fake-streaming\": " + TWICE + "}, \"total\": " + TWICE + "}}}"));
	}

	@Test
	void streamEndsWithAMetadataEventCarryingTheUsage() {
		this.contextRunner.run((context) -> {
			Flux<ServerSentEvent<String>> events = post(context, "joke", "stream", "{\"input\": {\"topic\": \"bears\"}}")
				.expectStatus().isOk()
				.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
				})
				.getResponseBody();
			StepVerifier.create(events.map((e) -> e.event() + " " + e.data()))
				.assertNext((e) -> assertThat(e).startsWith("metadata {\"run_id\":\"").doesNotContain("usage"))
				.expectNext("data \"Why \"", "data \"did \"", "data \"the \"", "data \"bear\"")
				.assertNext((e) -> assertThat(e).startsWith("metadata {\"run_id\":\"")
					.endsWith("\"usage\":{\"models\":{\"fake-streaming\":" + USAGE + "},\"total\":" + USAGE + "}}"))
				.expectNext("end null")
				.verifyComplete();
		});
	}

	@Test
	void aCachedAnswerSpendsNothingAndItsRunSaysSo() {
		this.contextRunner
			.withPropertyValues("lcel.governance.cache.enabled=true", "lcel.models.joke.temperature=0",
					"lcel.models.joke.responses[1]=Another answer")
			.run((context) -> {
				String body = "{\"input\": {\"topic\": \"bears\"}}";
				post(context, "joke", "invoke", body).expectBody().json("{\"metadata\": {\"usage\": {\"total\": " + USAGE + "}}}");
				post(context, "joke", "invoke", body).expectBody()
					.jsonPath("$.output").isEqualTo("Why did the bear")
					.json("{\"metadata\": {\"usage\": {\"models\": {}, \"total\": {\"total_tokens\": 0}}}}");
				List<String> events = post(context, "joke", "stream_events", body)
					.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
					})
					.getResponseBody()
					.filter((event) -> event.data() != null && event.data().contains("\"on_chat_model_end\""))
					.map(ServerSentEvent::data)
					.collectList()
					.block(Duration.ofSeconds(10));
				assertThat(events).singleElement().satisfies((event) -> assertThat(event).contains("\"lcel_cache\":\"hit\""));
				post(context, "joke", "invoke", "{\"input\": {\"topic\": \"bears\"}, \"config\": {\"configurable\": {\"lcel_cache\": false}}}")
					.expectBody()
					.jsonPath("$.output").isEqualTo("Another answer");
			});
	}

	private static double tokens(MeterRegistry registry, String chain, String type) {
		return registry.get("lcel.run.tokens")
			.tags("lcel.run.name", chain, "gen_ai.request.model", "fake-streaming", "gen_ai.token.type", type)
			.counter()
			.count();
	}

	private static WebTestClient.ResponseSpec post(ApplicationContext context, String chain, String route, String body) {
		return WebTestClient.bindToApplicationContext(context)
			.configureClient()
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.post()
			.uri("/chains/" + chain + "/" + route)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
