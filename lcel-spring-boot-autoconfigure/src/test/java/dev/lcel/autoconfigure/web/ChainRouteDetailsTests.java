package dev.lcel.autoconfigure.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lcel.autoconfigure.support.ChainHttp;
import dev.lcel.core.history.InMemoryChatMessageHistoryStore;
import dev.lcel.core.history.RunnableWithMessageHistory;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.lcel.autoconfigure.support.ChainHttp.client;
import static dev.lcel.autoconfigure.support.ChainHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's batch concurrency, stream headers, served config schema and base path.
 */
class ChainRouteDetailsTests {

	private final ReactiveWebApplicationContextRunner contextRunner = ChainHttp
		.runner(LcelServerAutoConfiguration.class)
		.withUserConfiguration(Chains.class);

	@Test
	void batchRunsTheRequestsMaxConcurrencyAtOnceAndNeverMore() {
		this.contextRunner.run((context) -> {
			Chains chains = context.getBean(Chains.class);
			chains.expect(2);
			batch(client(context), 6, "{\"max_concurrency\": 2}");
			assertThat(chains.mostInFlight.get()).isEqualTo(2);
			assertThat(chains.timedOut.get()).isZero();
		});
	}

	@Test
	void theServerBoundsTheConcurrencyARequestAsksFor() {
		this.contextRunner.withPropertyValues("lcel.server.max-batch-concurrency=3").run((context) -> {
			Chains chains = context.getBean(Chains.class);
			chains.expect(3);
			batch(client(context), 9, "{\"max_concurrency\": 50}");
			assertThat(chains.mostInFlight.get()).isEqualTo(3);
			assertThat(chains.timedOut.get()).isZero();
		});
	}

	private static void batch(WebTestClient client, int inputs, String config) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < inputs; i++) {
			values.add("\"in" + i + "\"");
		}
		postJson(client, "/chains/gate/batch",
				"{\"inputs\": [" + String.join(",", values) + "], \"config\": " + config + "}")
			.expectStatus().isOk()
			.expectBody().jsonPath("$.output[5]").isEqualTo("in5").jsonPath("$.metadata.run_ids.length()").isEqualTo(inputs);
	}

	@Test
	void streamsAskProxiesAndCachesNotToBuffer() {
		this.contextRunner.run((context) -> {
			for (String route : List.of("stream", "stream_log", "stream_events")) {
				postJson(client(context), "/chains/echo/" + route, "{\"input\": \"hi\"}")
					.expectStatus().isOk()
					.expectHeader().valueEquals("Cache-Control", "no-cache")
					.expectHeader().valueEquals("X-Accel-Buffering", "no")
					.returnResult(String.class).getResponseBody().blockLast(Duration.ofSeconds(10));
			}
		});
	}

	@Test
	void theConfigSchemaListsOnlyTheKeysTheServerAcceptsAndRequiresTheSessionId() {
		this.contextRunner.run((context) -> {
			JsonNode schema = JsonMapper.shared().readTree(client(context).get().uri("/chains/chat/config_schema").exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
			assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrder("tags", "metadata", "run_name",
					"configurable");
			assertThat(schema.get("required").get(0).asString()).isEqualTo("configurable");
			assertThat(schema.at("/properties/configurable/required/0").asString()).isEqualTo("session_id");
			JsonNode whole = JsonMapper.shared().readTree(client(context).get().uri("/chains/chat/schema").exchange()
				.expectBody(String.class).returnResult().getResponseBody());
			assertThat(whole.get("config")).isEqualTo(schema);
		});
		this.contextRunner.withPropertyValues("lcel.server.config-keys=configurable,max_concurrency").run((context) -> {
			JsonNode schema = JsonMapper.shared().readTree(client(context).get().uri("/chains/echo/config_schema").exchange()
				.expectBody(String.class).returnResult().getResponseBody());
			assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrder("configurable", "max_concurrency");
		});
	}

	@Test
	void aBasePathWithATrailingSlashListsAndServesSingleSlashedRoutes() {
		this.contextRunner.withPropertyValues("lcel.server.base-path=/api/").run((context) -> {
			WebTestClient client = client(context);
			client.get().uri("/api").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.chains[?(@.name == 'echo')].links.invoke").isEqualTo("/api/echo/invoke");
			postJson(client, "/api/echo/invoke",
					"{\"input\": \"hi\"}").expectStatus().isOk().expectBody().jsonPath("$.output").isEqualTo("hi");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Chains {

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger mostInFlight = new AtomicInteger();

		final AtomicInteger timedOut = new AtomicInteger();

		volatile CountDownLatch together = new CountDownLatch(0);

		void expect(int concurrency) {
			this.together = new CountDownLatch(concurrency);
		}

		/** Each call waits until as many calls as expected run at once, so the limit is reached. */
		@Bean
		Runnable<String, String> gate() {
			return RunnableLambda.of("gate", (String s) -> {
				int now = this.inFlight.incrementAndGet();
				this.mostInFlight.accumulateAndGet(now, Math::max);
				try {
					this.together.countDown();
					if (!this.together.await(10, TimeUnit.SECONDS)) {
						this.timedOut.incrementAndGet();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting for the calls to run together", ex);
				}
				finally {
					this.inFlight.decrementAndGet();
				}
				return s;
			});
		}

		@Bean
		Runnable<String, String> echo() {
			return RunnableLambda.of("echo", (String s) -> s);
		}

		@Bean
		Runnable<Object, AIMessage> chat() {
			return RunnableWithMessageHistory.<Object, AIMessage>builder(RunnableLambda.of((Object messages) -> new AIMessage("hi")),
					new InMemoryChatMessageHistoryStore()).build();
		}

	}

}
