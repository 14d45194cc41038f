package dev.lcel.autoconfigure.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lcel.autoconfigure.model.ProviderStreams;
import dev.lcel.autoconfigure.support.RecordedRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every provider behind every fault, through the real HTTP endpoints of a running server: the
 * client always gets its documented status or SSE {@code error} event and never hangs, retries
 * happen only where they may help and honour {@code Retry-After}, fallbacks answer in the failed
 * model's place, and nothing is left open afterwards (threads, connections to the provider,
 * subscribed streams).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ProviderFaultsTests.Server.class)
class ProviderFaultsTests {

	static final WireMockServer provider = start();

	@LocalServerPort
	private int port;

	/** The runs that started and those that ended, so that open ones show. */
	static final RecordedRuns runs = new RecordedRuns();

	private WebTestClient client;

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
		server.start();
		return server;
	}

	@DynamicPropertySource
	static void models(DynamicPropertyRegistry registry) {
		for (Provider provider : Provider.values()) {
			String name = provider.id;
			for (String model : List.of(name, name + "-retrying")) {
				String prefix = "lcel.models." + model + ".";
				registry.add(prefix + "provider", () -> name);
				registry.add(prefix + "model", () -> name + "-test");
				registry.add(prefix + "base-url", () -> ProviderFaultsTests.provider.baseUrl() + provider.basePath);
				registry.add(prefix + "api-key", () -> "sk-fault-test-secret");
				registry.add(prefix + "timeout", () -> "1s");
				registry.add(prefix + "deadline", () -> "2500ms");
				registry.add(prefix + "retry.max-attempts", () -> model.endsWith("-retrying") ? "3" : "1");
				registry.add(prefix + "retry.initial-backoff", () -> "10ms");
				registry.add(prefix + "retry.max-backoff", () -> "2s");
				registry.add("lcel.chains." + model + ".steps[0].prompt", () -> "tell me a joke about {topic}");
				registry.add("lcel.chains." + model + ".steps[1].model", () -> model);
				registry.add("lcel.chains." + model + ".steps[2].parser", () -> "str");
			}
		}
		registry.add("lcel.chains.with-fallback.steps[0].prompt", () -> "tell me a joke about {topic}");
		registry.add("lcel.chains.with-fallback.steps[1].model", () -> "openai");
		registry.add("lcel.chains.with-fallback.steps[1].fallbacks[0].model", () -> "anthropic");
		registry.add("lcel.chains.with-fallback.steps[2].parser", () -> "str");
	}

	@AfterAll
	static void stop() {
		provider.stop();
	}

	private static boolean warmedUp;

	@BeforeEach
	void setUp() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
		if (!warmedUp) {
			// The first calls load and initialise the HTTP clients, which may outlast a read timeout.
			for (Provider provider : Provider.values()) {
				provider().stubFor(post(urlEqualTo(provider.chatPath)).willReturn(provider.answer(TOKENS)));
				invoke(provider.id);
			}
			warmedUp = true;
		}
		provider.resetAll();
	}

	/** A provider: its id, the path its base URL adds, its chat path and its wire format. */
	enum Provider {

		OPENAI("openai", "/v1", "/v1/chat/completions", "text/event-stream", ProviderStreams::openAi,
				(tokens) -> ProviderStreams.openAi(tokens, false),
				"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"\n\n"),
		ANTHROPIC("anthropic", "", "/v1/messages", "text/event-stream", ProviderStreams::anthropic,
				(tokens) -> ProviderStreams.anthropic(tokens, false),
				"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":\n\n"),
		OLLAMA("ollama", "", "/api/chat", "application/x-ndjson", ProviderStreams::ollama,
				(tokens) -> ProviderStreams.ollama(tokens, false),
				"{\"model\":\"m\",\"message\":{\"content\":\"x\"\n");

		final String id;

		final String basePath;

		final String chatPath;

		final String contentType;

		final Function<List<String>, String> stream;

		final Function<List<String>, String> head;

		final String malformed;

		Provider(String id, String basePath, String chatPath, String contentType, Function<List<String>, String> stream,
				Function<List<String>, String> head, String malformed) {
			this.id = id;
			this.basePath = basePath;
			this.chatPath = chatPath;
			this.contentType = contentType;
			this.stream = stream;
			this.head = head;
			this.malformed = malformed;
		}

		ResponseDefinitionBuilder answer(List<String> tokens) {
			return aResponse().withHeader("Content-Type", this.contentType).withBody(this.stream.apply(tokens));
		}

		/** An answer cut off before its end event. */
		String head(List<String> tokens) {
			return this.head.apply(tokens);
		}

	}

	/** A fault of the provider, and the status lcel's client must see for it. */
	enum ProviderFault {

		RATE_LIMITED_WITH_RETRY_AFTER(429) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return aResponse().withStatus(429).withHeader("retry-after", "7").withBody("{\"error\":\"slow down\"}");
			}
		},
		SERVER_ERROR(502) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return aResponse().withStatus(500).withBody("{\"error\":\"internal\"}");
			}
		},
		UNAVAILABLE(429) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return aResponse().withStatus(503).withBody("{\"error\":\"unavailable\"}");
			}
		},
		OVERLOADED(429) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return aResponse().withStatus(529)
					.withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
			}
		},
		RESET_BEFORE_HEADERS(502) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
			}
		},
		RESET_MID_STREAM(502) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
			}
		},
		MALFORMED_EVENT(502) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return aResponse().withHeader("Content-Type", provider.contentType)
					.withBody(provider.head(TOKENS) + provider.malformed);
			}
		},
		NO_END_EVENT(502) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return aResponse().withHeader("Content-Type", provider.contentType).withBody(provider.head(TOKENS));
			}
		},
		FIRST_BYTE_AFTER_READ_TIMEOUT(504) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return provider.answer(TOKENS).withFixedDelay(2000);
			}
		},
		DRIP_SLOWER_THAN_DEADLINE(504) {
			@Override
			ResponseDefinitionBuilder response(Provider provider) {
				return provider.answer(TOKENS).withChunkedDribbleDelay(12, 6000);
			}
		};

		final int status;

		ProviderFault(int status) {
			this.status = status;
		}

		abstract ResponseDefinitionBuilder response(Provider provider);

	}

	static final List<String> TOKENS = List.of("Why ", "did ", "the ", "bear ", "sit?");

	static Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Provider provider : Provider.values()) {
			for (ProviderFault fault : ProviderFault.values()) {
				cases.add(Arguments.of(provider, fault));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("matrix")
	void invokeAnswersTheDocumentedStatus(Provider provider, ProviderFault fault) {
		ProviderFaultsTests.provider.stubFor(post(urlEqualTo(provider.chatPath)).willReturn(fault.response(provider)));
		EntityExchangeResult<String> result = invoke(provider.id);
		assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(fault.status);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponseBody()).doesNotContain("sk-fault-test-secret");
		if (fault == ProviderFault.RATE_LIMITED_WITH_RETRY_AFTER) {
			assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("7");
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("matrix")
	void streamEndsWithAnErrorEventOfTheDocumentedStatus(Provider provider, ProviderFault fault) {
		ProviderFaultsTests.provider.stubFor(post(urlEqualTo(provider.chatPath)).willReturn(fault.response(provider)));
		String body = stream(provider.id);
		assertThat(body).contains("event:error", "\"status_code\":" + fault.status).doesNotContain("event:end");
		assertThat(body).doesNotContain("sk-fault-test-secret");
	}

	@Test
	void retriesHonourRetryAfterAndThenSucceed() {
		for (Provider provider : Provider.values()) {
			provider().resetAll();
			stubRateLimitedOnce(provider);
			long start = System.nanoTime();
			EntityExchangeResult<String> result = invoke(provider.id + "-retrying");
			assertThat(result.getStatus().value()).as(provider.id).isEqualTo(200);
			assertThat(result.getResponseBody()).contains("Why did the bear sit?");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
			assertThat(provider().getAllServeEvents()).hasSize(2);
		}
	}

	@Test
	void retriesNeverRepeatARefusalAndStopAtTheirLimit() {
		for (Provider provider : Provider.values()) {
			provider().resetAll();
			provider().stubFor(post(urlEqualTo(provider.chatPath)).willReturn(aResponse().withStatus(401)
				.withBody("{\"error\":\"bad key\"}")));
			assertThat(invoke(provider.id + "-retrying").getStatus().value()).isEqualTo(502);
			assertThat(provider().getAllServeEvents()).as(provider.id + " refused").hasSize(1);

			provider().resetAll();
			provider().stubFor(post(urlEqualTo(provider.chatPath)).willReturn(aResponse().withStatus(500)
				.withBody("{\"error\":\"down\"}")));
			assertThat(invoke(provider.id + "-retrying").getStatus().value()).isEqualTo(502);
			assertThat(provider().getAllServeEvents()).as(provider.id + " failing").hasSize(3);
		}
	}

	@Test
	void aFallbackModelAnswersWhenTheFirstFails() {
		provider().stubFor(post(urlEqualTo(Provider.OPENAI.chatPath)).willReturn(aResponse().withStatus(529)));
		provider().stubFor(post(urlEqualTo(Provider.ANTHROPIC.chatPath)).willReturn(Provider.ANTHROPIC.answer(TOKENS)));
		EntityExchangeResult<String> result = invoke("with-fallback");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseBody()).contains("Why did the bear sit?");
		assertThat(stream("with-fallback")).contains("event:data", "\"sit?\"", "event:end");
	}

	@Test
	void afterEveryFaultNothingIsLeftOpen() throws IOException, InterruptedException {
		runAllFaults();
		int threads = Thread.activeCount();
		runAllFaults();
		assertThat(Thread.activeCount()).as("threads after a second round of faults").isLessThanOrEqualTo(threads + 2);
		assertThat(establishedConnectionsTo(provider().port())).as("connections to the provider")
			.isLessThanOrEqualTo(2);
		for (int i = 0; i < 50 && runs.stopped().size() != runs.started().size(); i++) {
			Thread.sleep(20);
		}
		assertThat(runs.started()).as("runs").isNotEmpty();
		assertThat(runs.stopped()).as("runs ended, of those started (none left subscribed)")
			.hasSameSizeAs(runs.started());
	}

	private void runAllFaults() {
		for (Provider provider : Provider.values()) {
			for (ProviderFault fault : ProviderFault.values()) {
				provider().resetAll();
				provider().stubFor(post(urlEqualTo(provider.chatPath)).willReturn(fault.response(provider)));
				assertThat(invoke(provider.id).getStatus().value()).isEqualTo(fault.status);
				assertThat(stream(provider.id)).contains("event:error");
			}
		}
	}

	/** Count the TCP connections to a port in ESTABLISHED state, from {@code /proc/net/tcp}. */
	private static long establishedConnectionsTo(int port) throws IOException {
		Path table = Path.of("/proc/self/net/tcp");
		if (!Files.isReadable(table)) {
			return 0;
		}
		String remote = ":" + String.format(Locale.ROOT, "%04X", port);
		try (Stream<String> lines = Files.lines(table)) {
			return lines.skip(1).map(String::trim).map((line) -> line.split("\\s+"))
				.filter((fields) -> fields[2].endsWith(remote) && fields[3].equals("01"))
				.count();
		}
	}

	private static void stubRateLimitedOnce(Provider provider) {
		provider().stubFor(post(urlEqualTo(provider.chatPath)).inScenario(provider.id)
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "300").withBody("{\"error\":\"wait\"}"))
			.willSetStateTo("allowed"));
		provider().stubFor(post(urlEqualTo(provider.chatPath)).inScenario(provider.id)
			.whenScenarioStateIs("allowed")
			.willReturn(provider.answer(TOKENS)));
	}

	private static WireMockServer provider() {
		return provider;
	}

	private EntityExchangeResult<String> invoke(String chain) {
		return this.client.post()
			.uri("/chains/" + chain + "/invoke")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": {\"topic\": \"bears\"}}")
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private String stream(String chain) {
		return this.client.post()
			.uri("/chains/" + chain + "/stream")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": {\"topic\": \"bears\"}}")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@SpringBootApplication
	static class Server {

		@Bean
		RecordedRuns recordedRuns() {
			return runs;
		}

	}

}
