package dev.lcel.core.models.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.AuthenticationException;
import dev.lcel.core.models.BadRequestException;
import dev.lcel.core.models.ChatModelException;
import dev.lcel.core.models.ModelNotFoundException;
import dev.lcel.core.models.ModelOverloadedException;
import dev.lcel.core.models.ModelTimeoutException;
import dev.lcel.core.models.ProviderException;
import dev.lcel.core.models.RateLimitException;
import dev.lcel.core.models.ToolDefinition;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.RetryPolicy;
import dev.lcel.core.runnable.Runnable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every HTTP chat model shares, checked for each provider against WireMock serving
 * the provider's wire format (fixtures under {@code src/test/resources/fixtures/PROVIDER}) and
 * against a test server for what WireMock cannot do (breaking a stream off, seeing the client's
 * connection close).
 */
abstract class ChatModelProviderContract {

	static final String API_KEY = ProviderWire.API_KEY;

	static final JsonMapper JSON = JsonMapper.shared();

	@RegisterExtension
	static WireMockExtension wireMock = ProviderWire.server();

	private final ProviderWire wire;

	ChatModelProviderContract(ProviderWire wire) {
		this.wire = wire;
	}

	/** The provider's wire. */
	final ProviderWire wire() {
		return this.wire;
	}

	HttpChatModel create(String baseUrl, Duration timeout, Duration deadline) {
		return wire().model(baseUrl, timeout, deadline);
	}

	HttpChatModel model() {
		return wire().model(wireMock);
	}

	String basePath() {
		return wire().basePath();
	}

	String chatPath() {
		return wire().chatPath();
	}

	String healthPath() {
		return wire().healthPath();
	}

	String contentType() {
		return wire().contentType();
	}

	String fixture(String name) {
		return wire().fixture(name);
	}

	void serve(String fixture) {
		wireMock.stubFor(post(urlEqualTo(chatPath())).willReturn(wire().answer(fixture)));
	}

	void serveError(int status, String headerName, String headerValue) {
		var response = aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(wire().errorBody(status, "refused for test (key " + API_KEY + ")"));
		if (headerName != null) {
			response = response.withHeader(headerName, headerValue);
		}
		wireMock.stubFor(post(urlEqualTo(chatPath())).willReturn(response));
	}

	static List<String> texts(Flux<AIMessage> chunks) {
		return chunks.map(AIMessage::content).filter((text) -> !text.isEmpty()).collectList().block();
	}

	@Test
	void streamsTextChunkByChunkAsItArrives() {
		serve("text");
		assertThat(texts(model().astream("Say hello"))).containsExactly("Hel", "lo", " world", "!");
	}

	@Test
	void invokeAddsTheChunksUpWithTokenUsage() {
		serve("text");
		AIMessage message = model().invoke("Say hello");
		assertThat(message.content()).isEqualTo("Hello world!");
		assertThat(message.usageMetadata()).isEqualTo(new UsageMetadata(5, 3, 8));
		assertThat(message.responseMetadata()).containsKey("model_name");
	}

	@Test
	void toolCallsStreamedInPiecesAddUpToWholeCalls() {
		serve("tool-calls");
		AIMessage message = model().bindTools(List.of(weatherTool())).invoke("Weather and time in Oslo?");
		assertThat(message.toolCalls()).extracting(ToolCall::name, ToolCall::args)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("weather", Map.of("city", "Oslo")),
					org.assertj.core.groups.Tuple.tuple("time", Map.of("zone", "CET")));
	}

	@Test
	void aCallWithEveryOptionSendsTheProvidersRequest() {
		serve("text");
		List<Object> conversation = List.of(new SystemMessage("Be brief."), new HumanMessage("Weather in Oslo?"),
				new AIMessage("", List.of(new ToolCall("call_9", "weather", Map.of("city", "Oslo"))), null, null, null,
						null),
				new ToolMessage("12 degrees", "call_9"), new HumanMessage("Thanks"));
		model().bind(Map.of("temperature", 0.2, "max_tokens", 50, "stop", List.of("END"), "top_p", 0.9))
			.bindTools(List.of(weatherTool()))
			.invoke(conversation);
		ServeEvent request = wireMock.getAllServeEvents().get(0);
		assertThat(request.getRequest().getHeader(wire().keyHeader())).isEqualTo(wire().keyHeaderValue());
		assertThat(JSON.readTree(request.getRequest().getBodyAsString()))
			.as("the provider's every-option-request.json fixture")
			.isEqualTo(wire().json("every-option-request"));
	}

	static Stream<Arguments> brokenStreams() {
		return Stream.of(Arguments.of("truncated", List.of("Hel", "lo"), ProviderException.class, "cut off"),
				Arguments.of("malformed", List.of("Hel"), ProviderException.class, "malformed"),
				Arguments.of("midstream-error", List.of("Hel"), ChatModelException.class, "in its stream"));
	}

	/**
	 * A stream cut off before its end, one with a malformed event, and one with an error inside it
	 * after a 200 fail after the chunks already delivered, retriably.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenStreams")
	void aBrokenStreamFailsAfterTheChunksDelivered(String fixture, List<String> delivered,
			Class<? extends ChatModelException> type, String message) {
		serve(fixture);
		StepVerifier.create(model().astream("Say hello").map(AIMessage::content).filter((text) -> !text.isEmpty()))
			.expectNextSequence(delivered)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(type)
				.hasMessageContaining(message)
				.matches((ex) -> ((ChatModelException) ex).retriable()))
			.verify(Duration.ofSeconds(5));
	}

	static Stream<Arguments> statuses() {
		return Stream.of(Arguments.of(400, BadRequestException.class, false),
				Arguments.of(401, AuthenticationException.class, false),
				Arguments.of(403, AuthenticationException.class, false),
				Arguments.of(404, ModelNotFoundException.class, false),
				Arguments.of(413, BadRequestException.class, false), Arguments.of(429, RateLimitException.class, true),
				Arguments.of(500, ProviderException.class, true), Arguments.of(502, ProviderException.class, true),
				Arguments.of(503, ModelOverloadedException.class, true),
				Arguments.of(529, ModelOverloadedException.class, true));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("statuses")
	void everyErrorStatusBecomesItsTypedExceptionWithTheProvidersMessageAndNoKey(int status,
			Class<? extends ChatModelException> type, boolean retriable) {
		serveError(status, null, null);
		assertThatExceptionOfType(type).isThrownBy(() -> model().invoke("Hi")).satisfies((ex) -> {
			assertThat(ex.getStatus()).isEqualTo(status);
			assertThat(ex.retriable()).isEqualTo(retriable);
			assertThat(ex.getProvider()).isEqualTo(model().providerName());
			assertThat(ex.getMessage()).contains("refused for test").doesNotContain(API_KEY);
		});
	}

	@Test
	void aRateLimitCarriesTheWaitTheProviderAskedFor() {
		serveError(429, "retry-after", "7");
		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> model().invoke("Hi"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(7)));
	}

	@Test
	void withRetryWaitsAsLongAsTheProviderAskedAndThenSucceeds() {
		wireMock.stubFor(post(urlEqualTo(chatPath())).inScenario("rate limited")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("retry-after-ms", "400")
				.withBody(wire().errorBody(429, "slow down")))
			.willSetStateTo("allowed"));
		wireMock.stubFor(post(urlEqualTo(chatPath())).inScenario("rate limited")
			.whenScenarioStateIs("allowed")
			.willReturn(wire().answer("text")));
		RetryPolicy policy = RetryPolicy.DEFAULTS.withBackoff(Duration.ofMillis(1), Duration.ofSeconds(5)).withJitter(0);

		AIMessage answer = model().withRetry(policy).invoke("Hi");

		assertThat(answer.content()).isEqualTo("Hello world!");
		List<ServeEvent> requests = wireMock.getAllServeEvents();
		assertThat(requests).hasSize(2);
		long waited = requests.get(0).getRequest().getLoggedDate().getTime()
				- requests.get(1).getRequest().getLoggedDate().getTime();
		assertThat(waited).isGreaterThanOrEqualTo(400);
	}

	@Test
	void withRetryNeverRetriesARefusal() {
		serveError(401, null, null);
		Runnable<Object, AIMessage> retrying = model().withRetry(RetryPolicy.DEFAULTS.withBackoff(Duration.ofMillis(1),
				Duration.ofMillis(10)));
		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> retrying.invoke("Hi"));
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void aConnectionResetBeforeTheHeadersIsARetriableProviderFailure() {
		wireMock.stubFor(post(urlEqualTo(chatPath())).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> model().invoke("Hi"))
			.satisfies((ex) -> assertThat(ex.retriable()).isTrue());
	}

	@Test
	void anEmptyResponseIsAProviderFailure() {
		wireMock.stubFor(post(urlEqualTo(chatPath())).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> model().invoke("Hi"));
	}

	@Test
	void aSlowDripIsStreamedAsItArrivesNotCollectedFirst() {
		wireMock.stubFor(post(urlEqualTo(chatPath())).willReturn(aResponse().withHeader("Content-Type", contentType())
			.withBody(fixture("text"))
			.withChunkedDribbleDelay(8, 1600)));
		long start = System.nanoTime();
		List<Long> arrivals = new ArrayList<>();
		model().astream("Say hello")
			.filter((chunk) -> !chunk.content().isEmpty())
			.doOnNext((chunk) -> arrivals.add(System.nanoTime() - start))
			.blockLast(Duration.ofSeconds(10));
		long total = System.nanoTime() - start;
		assertThat(arrivals).hasSize(4);
		assertThat(Duration.ofNanos(total - arrivals.get(0))).isGreaterThan(Duration.ofMillis(400));
	}

	@Test
	void noDataWithinTheReadTimeoutFailsWithAModelTimeout() {
		wireMock.stubFor(post(urlEqualTo(chatPath())).willReturn(aResponse().withHeader("Content-Type", contentType())
			.withBody(fixture("text"))
			.withFixedDelay(3000)));
		HttpChatModel model = create(wireMock.baseUrl() + basePath(), Duration.ofMillis(300), null);
		StepVerifier.create(model.astream("Hi"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ModelTimeoutException.class)
				.hasMessageContaining("read timeout"))
			.verify(Duration.ofSeconds(2));
	}

	@Test
	void aDripSlowerThanTheDeadlineFailsWithAModelTimeout() {
		wireMock.stubFor(post(urlEqualTo(chatPath())).willReturn(aResponse().withHeader("Content-Type", contentType())
			.withBody(fixture("text"))
			.withChunkedDribbleDelay(10, 4000)));
		HttpChatModel model = create(wireMock.baseUrl() + basePath(), Duration.ofSeconds(5), Duration.ofMillis(700));
		StepVerifier.create(model.astream("Hi").then())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ModelTimeoutException.class)
				.hasMessageContaining("deadline"))
			.verify(Duration.ofSeconds(3));
	}

	@Test
	void cancellingTheStreamClosesTheConnectionToTheProvider() throws InterruptedException {
		try (StreamingTestServer server = new StreamingTestServer(contentType(), wire()::frame, Duration.ofMillis(20),
				-1)) {
			HttpChatModel model = create(server.baseUrl() + basePath(), null, null);
			List<String> received = model.astream("Count")
				.map(AIMessage::content)
				.filter((text) -> !text.isEmpty())
				.take(3)
				.collectList()
				.block(Duration.ofSeconds(5));
			long cancelledAt = System.nanoTime();
			assertThat(received).hasSize(3);
			long closedAt = server.awaitClosed(Duration.ofSeconds(2));
			assertThat(closedAt).as("the provider saw the connection close").isPositive();
			assertThat(Duration.ofNanos(closedAt - cancelledAt)).isLessThan(Duration.ofMillis(500));
			int sent = server.framesSent();
			Thread.sleep(200);
			assertThat(server.framesSent()).as("no frames are produced after the close").isLessThanOrEqualTo(sent + 1);
		}
	}

	@Test
	void aConnectionBrokenOffMidStreamFailsAfterTheChunksDelivered() {
		try (StreamingTestServer server = new StreamingTestServer(contentType(), wire()::frame, Duration.ofMillis(10),
				4)) {
			HttpChatModel model = create(server.baseUrl() + basePath(), null, null);
			List<String> received = new ArrayList<>();
			StepVerifier.create(model.astream("Count").map(AIMessage::content).filter((text) -> !text.isEmpty()))
				.recordWith(() -> received)
				.thenConsumeWhile((text) -> true)
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderException.class)
					.hasMessageContaining("broke off"))
				.verify(Duration.ofSeconds(5));
			assertThat(received).isNotEmpty();
		}
	}

	@Test
	void theSeedChainStreamsTokenByTokenFromTheProvider() {
		serve("text");
		Runnable<Map<String, ?>, String> chain = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}")
			.pipe(model())
			.pipe(new StrOutputParser());
		List<String> tokens = chain.astream(Map.of("topic", "bears"))
			.filter((token) -> !token.isEmpty())
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(tokens).containsExactly("Hel", "lo", " world", "!");
		assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString())
			.contains("tell me a joke about bears");
	}

	@Test
	void reachabilityIsCheckedWithoutSpendingTokens() {
		wireMock.stubFor(get(urlEqualTo(healthPath())).willReturn(aResponse().withHeader("Content-Type",
				"application/json").withBody("{\"data\":[],\"models\":[]}")));
		StepVerifier.create(model().checkReachable()).verifyComplete();
		wireMock.stubFor(get(urlEqualTo(healthPath())).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(wire().errorBody(401, "bad key"))));
		StepVerifier.create(model().checkReachable()).expectError(AuthenticationException.class).verify();
	}

	static ToolDefinition weatherTool() {
		return ToolDefinition.of("weather", "The weather in a city", WeatherArgs.class);
	}

	record WeatherArgs(String city) {
	}

}
