package dev.lcel.autoconfigure.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.remote.RemoteRunnable;
import dev.lcel.core.remote.RemoteRunnableException;
import dev.lcel.core.runnable.ChunkAggregator;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunLogPatch;
import dev.lcel.core.tracing.StreamEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = RemoteRunnableRoundTripTests.Server.class)
class RemoteRunnableRoundTripTests {

	@LocalServerPort
	private int port;

	private RemoteRunnable words;

	private RemoteRunnable tagged;

	@BeforeEach
	void setUp() {
		this.words = RemoteRunnable.of("http://localhost:" + this.port + "/chains/words");
		this.tagged = RemoteRunnable.of("http://localhost:" + this.port + "/chains/tagged");
	}

	@Test
	void invokeAndAinvoke() {
		assertThat(this.words.invoke("to be")).isEqualTo("to be");
		StepVerifier.create(this.words.ainvoke("or not")).expectNext("or not").verifyComplete();
	}

	@Test
	void batchKeepsInputOrder() {
		assertThat(this.words.batch(List.of("a b", "c", "d e f"))).containsExactly("a b", "c", "d e f");
	}

	@Test
	void streamDeliversEachChunk() {
		StepVerifier.create(this.words.astream("one two three")).expectNext("one ", "two ", "three").verifyComplete();
	}

	@Test
	void configTravelsToTheRemoteChain() {
		assertThat(this.tagged.invoke("x", RunnableConfig.builder().tags("from-client").build())).isEqualTo("x [from-client]");
	}

	@Test
	void streamLogAndStreamEventsComeBackTyped() {
		List<RunLogPatch> patches = this.words.astreamLog("a b", RunnableConfig.EMPTY, RunFilter.ALL).collectList().block();
		assertThat(patches).isNotEmpty();
		assertThat(patches.get(patches.size() - 1).ops().get(0).path()).isEqualTo("/final_output");
		assertThat(patches.get(patches.size() - 1).ops().get(0).value()).isEqualTo("a b");

		List<StreamEvent> events = this.words.astreamEvents("a b", RunnableConfig.EMPTY, RunFilter.ALL).collectList().block();
		assertThat(events.get(0).event()).isEqualTo("on_chain_start");
		assertThat(events.get(events.size() - 1).data()).containsEntry("output", "a b");
	}

	@Test
	void remoteChainComposesWithLocalSteps() {
		Runnable<Object, Object> chain = RunnableLambda.of((Object s) -> s.toString().trim()).pipe(this.words)
			.pipe((Object s) -> s.toString().toUpperCase());
		assertThat(chain.invoke("  hello remote ")).isEqualTo("HELLO REMOTE");
		assertThat(ChunkAggregator.aggregate(this.words.astream("x y")).block()).isEqualTo("x y");
	}

	@Test
	void serverErrorsBecomeRemoteRunnableExceptions() {
		RemoteRunnable missing = RemoteRunnable.of("http://localhost:" + this.port + "/chains/missing");
		assertThatExceptionOfType(RemoteRunnableException.class).isThrownBy(() -> missing.invoke("x"))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(404))
			.withMessageContaining("No chain named 'missing'");

		RemoteRunnable broken = RemoteRunnable.of("http://localhost:" + this.port + "/chains/broken");
		StepVerifier.create(broken.astream("x"))
			.expectNext("partial")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RemoteRunnableException.class)
				.hasMessageContaining("500"))
			.verify();
	}

	@Test
	void schemasAreFetched() {
		RemoteRunnable greet = RemoteRunnable.of("http://localhost:" + this.port + "/chains/greet");
		ObjectNode input = greet.inputSchema();
		assertThat(input.path("type").asString()).isEqualTo("object");
		assertThat(input.path("properties").propertyNames()).containsExactly("name");
		assertThat(input.path("properties").path("name").path("type").asString()).isEqualTo("string");
		assertThat(input.path("required").valueStream().map(JsonNode::asString)).containsExactly("name");
		assertThat(greet.outputSchema().path("type").asString()).isEqualTo("string");
		WebTestClient server = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		server.get().uri("/chains/greet/input_schema").exchange().expectBody().json(input.toString(), JsonCompareMode.STRICT);
		server.get().uri("/chains/greet/output_schema").exchange().expectBody()
			.json(greet.outputSchema().toString(), JsonCompareMode.STRICT);
	}

	@Test
	void aServedRemoteChainAnswersFromTheEventLoop() {
		try (ConfigurableApplicationContext relay = new SpringApplicationBuilder(Relay.class)
			.properties("server.port=0", "relay.url=http://localhost:" + this.port + "/chains/words")
			.run()) {
			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + relay.getEnvironment().getProperty("local.server.port"))
				.responseTimeout(Duration.ofSeconds(10))
				.build();
			for (int i = 0; i < 2; i++) {
				client.post().uri("/chains/relay/invoke").contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{\"input\": \"a b\"}").exchange().expectStatus().isOk()
					.expectBody().jsonPath("$.output").isEqualTo("a b");
				client.get().uri("/chains/relay/input_schema").exchange().expectStatus().isOk();
			}
			assertThat(this.words.ainputSchema().block(Duration.ofSeconds(10))).isEqualTo(this.words.inputSchema());
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Relay {

		@Bean
		RemoteRunnable relay(Environment environment) {
			return RemoteRunnable.builder(environment.getProperty("relay.url")).name("relay").build();
		}

	}

	record Person(String name) {
	}

	@SpringBootApplication
	static class Server {

		@Bean
		Runnable<String, String> words() {
			return RunnableGenerator.of("words", (Flux<String> in, RunnableConfig config) -> in
				.flatMapIterable((s) -> List.of(s.split("(?<= )"))));
		}

		@Bean
		Runnable<String, String> tagged() {
			return RunnableLambda.configAware((String s, RunnableConfig config) -> s + " " + config.tags());
		}

		@Bean
		Runnable<Person, String> greet() {
			return RunnableLambda.typed(Person.class, String.class, (person) -> "Hello, " + person.name());
		}

		@Bean
		Runnable<String, String> broken() {
			return RunnableGenerator.of("broken", (Flux<String> in, RunnableConfig config) -> Flux
				.concat(Flux.just("partial"), Flux.error(new IllegalStateException("boom"))));
		}

		@Bean
		Map<String, String> notAChain() {
			return Map.of();
		}

	}

}
