package dev.lcel.autoconfigure.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What a hostile or careless client can do to a real Netty server on a random port, and what it
 * gets: answers bounded by a small multiple of the request, bounded memory for conversations,
 * metric tags from the server's own vocabulary, connections closed when a client stalls, only
 * JSON accepted, every malformed field a 422 naming it, error texts in our own words, quiet logs,
 * and no command line in {@code /actuator/env}.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = HostileClientsTests.Server.class,
		properties = { "lcel.models.fake.provider=fake", "lcel.models.fake.responses[0]=Hello there",
				"lcel.models.fake.chunk-size=3", "lcel.chains.chat.history.store=memory",
				"lcel.chains.chat.history.input-key=question", "lcel.chains.chat.history.history-key=history",
				"lcel.chains.chat.steps[0].messages[0].system=You are brief.",
				"lcel.chains.chat.steps[0].messages[1].placeholder=history",
				"lcel.chains.chat.steps[0].messages[2].human={question}", "lcel.chains.chat.steps[1].model=fake",
				"lcel.chains.chat.steps[2].parser=str", "lcel.chains.direct.steps[0].model=fake",
				"lcel.chains.direct.steps[1].parser=str", "lcel.chains.parse.steps[0].parser=str",
				"lcel.history.memory.max-sessions=3", "lcel.server.connection.idle-timeout=1s",
				"lcel.server.connection.read-timeout=1s", "lcel.server.connection.request-timeout=2s",
				"management.endpoints.web.exposure.include=env", "management.endpoint.env.show-values=always",
				// Its observation convention needs Boot's metrics module, which this module does not have.
				"spring.autoconfigure.exclude=org.springframework.boot.webflux.autoconfigure.WebFluxObservationAutoConfiguration" })
class HostileClientsTests {

	static final String KEY = "sk-from-the-command-line-7c1d";

	private static final String COMMAND = System.getProperty("sun.java.command");

	static {
		// As a JVM started with "java -jar app.jar --lcel.models.x.api-key=..." reports itself.
		System.setProperty("sun.java.command", "app.jar --lcel.models.gpt.api-key=" + KEY);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private SimpleMeterRegistry meters;

	@AfterAll
	static void restoreCommand() {
		if (COMMAND != null) {
			System.setProperty("sun.java.command", COMMAND);
		}
	}

	@Test
	void anInputWrongInEveryElementGetsABoundedAnswer() {
		String body = elements(19_990);
		EntityExchangeResult<byte[]> result = post("/chains/direct/invoke", "application/json", body);
		assertThat(result.getStatus().value()).isEqualTo(422);
		JsonNode problem = JsonMapper.shared().readTree(result.getResponseBody());
		assertThat(problem.get("errors").size()).isLessThanOrEqualTo(20);
		assertThat(problem.get("error_count").asLong()).isGreaterThanOrEqualTo(problem.get("errors").size());
		assertThat(problem.get("message").asString()).endsWith("and more errors");
		assertThat(result.getResponseBody().length).as("answer size for a %d-byte request", body.length())
			.isLessThan(16 * 1024);
	}

	@Test
	void aBodyOfTooManyJsonValuesIsRefusedBeforeItIsRead() {
		String body = elements(300_000);
		assertThat(body.length()).isLessThan(1024 * 1024);
		EntityExchangeResult<byte[]> result = post("/chains/direct/invoke", "application/json", body);
		assertThat(result.getStatus().value()).isEqualTo(413);
		assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).contains("lcel.server.limits.max-json-values");
		assertThat(result.getResponseBody().length).isLessThan(1024);
	}

	/** A request whose input is a list of {@code {}}: not one of them a message. */
	private static String elements(int count) {
		return "{\"input\": [" + String.join(",", Collections.nCopies(count, "{}")) + "]}";
	}

	@Test
	void manyTagsAreRefusedNotEchoed() {
		String tags = Collections.nCopies(100_000, "\"t\"").stream().collect(Collectors.joining(","));
		String body = "{\"input\": \"hi\", \"config\": {\"tags\": [" + tags + "]}}";
		EntityExchangeResult<byte[]> result = post("/chains/direct/stream_events", "application/json", body);
		assertThat(result.getStatus().value()).isEqualTo(413);
		assertThat(result.getResponseBody().length).isLessThan(1024);
		String seventeen = "{\"input\": \"hi\", \"config\": {\"tags\": ["
				+ String.join(",", Collections.nCopies(17, "\"t\"")) + "]}}";
		EntityExchangeResult<byte[]> tooMany = post("/chains/direct/stream_events", "application/json", seventeen);
		assertThat(tooMany.getStatus().value()).isEqualTo(422);
		assertThat(new String(tooMany.getResponseBody(), StandardCharsets.UTF_8)).contains("/config/tags");
	}

	@Test
	void theEchoOfAllowedTagsAndMetadataIsASmallMultipleOfTheRequest() {
		String tags = Collections.nCopies(16, "\"" + "t".repeat(100) + "\"").stream().collect(Collectors.joining(","));
		String body = "{\"input\": \"hi\", \"config\": {\"tags\": [" + tags + "], \"metadata\": {\"m\": \"" + "m".repeat(1100)
				+ "\"}}}";
		assertThat(post("/chains/direct/stream_events", "application/json", body).getStatus().value()).isEqualTo(422);
		String within = "{\"input\": \"hi\", \"config\": {\"tags\": [" + tags + "], \"metadata\": {\"m\": \"" + "m".repeat(900)
				+ "\"}}}";
		EntityExchangeResult<byte[]> result = post("/chains/direct/invoke", "application/json", within);
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseBody().length).isLessThan(within.length());
	}

	@Test
	void conversationsInMemoryAreBoundedAndEvictionsCounted() {
		for (int i = 0; i < 5; i++) {
			String body = "{\"input\": {\"question\": \"" + "q".repeat(1000) + "\"}, \"config\": {\"configurable\": "
					+ "{\"session_id\": \"s" + i + "\"}}}";
			assertThat(post("/chains/chat/invoke", "application/json", body).getStatus().value()).isEqualTo(200);
		}
		Meter evictions = this.meters.find("lcel.history.evictions").tag("chain", "chat").meter();
		assertThat(evictions).isNotNull();
		assertThat(this.meters.get("lcel.history.sessions").tag("chain", "chat").gauge().value()).isEqualTo(3);
		assertThat(this.meters.get("lcel.history.evictions").tag("chain", "chat").functionCounter().count())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void runNamesFromClientsNeverBecomeMetricTags() {
		for (int i = 0; i < 20; i++) {
			String body = "{\"input\": \"hi\", \"config\": {\"run_name\": \"client-" + i + "\", \"tags\": [\"tag-" + i
					+ "\"], \"metadata\": {\"ls_model_name\": \"meta-" + i + "\"}}}";
			assertThat(post("/chains/direct/invoke", "application/json", body).getStatus().value()).isEqualTo(200);
		}
		Set<String> names = new TreeSet<>();
		this.meters.getMeters().forEach((meter) -> meter.getId().getTags().forEach((tag) -> names.add(tag.getValue())));
		assertThat(this.meters.find("lcel.run").tag("lcel.run.name", "direct").timers()).isNotEmpty();
		assertThat(names).noneMatch((value) -> value.startsWith("client-") || value.startsWith("tag-")
				|| value.startsWith("meta-"));
	}

	@Test
	void stalledConnectionsAreClosed() throws Exception {
		List<RawClient> stalled = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			stalled.add(new RawClient(this.port, 10_000).send("POST /chains/direct/invoke HTTP/1.1\r\nHost: x\r\nContent-Ty"));
			stalled.add(new RawClient(this.port, 10_000).send("POST /chains/direct/invoke HTTP/1.1\r\nHost: x\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"input\": "));
			stalled.add(new RawClient(this.port, 10_000).send("GET /chains HTTP/1.1\r\nHost: x\r\n\r\n"));
		}
		assertThat(post("/chains/direct/invoke", "application/json", "{\"input\": \"hi\"}").getStatus().value())
			.as("another client is served meanwhile").isEqualTo(200);
		for (RawClient client : stalled) {
			assertThatNoException().as("the server closes a stalled connection").isThrownBy(client::readUntilClosed);
			client.close();
		}
	}

	@Test
	void abortedConnectionsLogNoErrors(CapturedOutput output) throws Exception {
		for (int i = 0; i < 30; i++) {
			RawClient client = new RawClient(this.port, 5_000).send("POST /chains/direct/invoke HTTP/1.1\r\nHost: x\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"input\": \"");
			client.reset();
		}
		for (int i = 0; i < 10; i++) {
			post("/chains/direct/invoke", "application/json", "{\"input\": ");
			post("/chains/direct/invoke", "application/json", "{\"input\": {\"nope\": 1}}");
		}
		assertThat(post("/chains/direct/invoke", "application/json", "{\"input\": \"hi\"}").getStatus().value())
			.isEqualTo(200);
		assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("Chain run null failed").doesNotContain("\tat ");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			text/plain                 | text/plain
			a form                     | application/x-www-form-urlencoded
			multipart                  | multipart/form-data; boundary=x
			JSON in another charset    | application/json; charset=ISO-8859-1
			""")
	void chainRoutesAcceptOnlyJson(String name, String type) {
		EntityExchangeResult<byte[]> result = post("/chains/direct/invoke", type, "{\"input\": \"hi\"}");
		assertThat(result.getStatus().value()).isEqualTo(415);
		assertThat(result.getResponseHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(post("/chains/direct/invoke", "application/json; charset=UTF-8", "{\"input\": \"hi\"}").getStatus()
			.value()).isEqualTo(200);
	}

	@Test
	void aBodyWithoutContentTypeIsRefused() {
		EntityExchangeResult<byte[]> result = post("/chains/direct/invoke", null, "{\"input\": \"hi\"}");
		assertThat(result.getStatus().value()).isEqualTo(415);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			tool_calls a string              | /chains/anything/invoke   | {"input": {"m": {"type": "ai", "content": "x", "tool_calls": "call"}}}                 | /input/m/tool_calls
			tool_calls [{}]                  | /chains/anything/invoke   | {"input": [{"type": "ai", "content": "x", "tool_calls": [{}]}]}                       | /input/0/tool_calls/0
			tool_calls [null]                | /chains/anything/invoke   | {"input": [{"type": "ai", "content": "x", "tool_calls": [null]}]}                     | /input/0
			tool_call_chunks index text      | /chains/anything/invoke   | {"input": [{"type": "AIMessageChunk", "content": "", "tool_call_chunks": [{"index": "a"}]}]} | /input/0/tool_call_chunks/0/index
			tool_call_chunks index huge      | /chains/anything/invoke   | {"input": [{"type": "AIMessageChunk", "content": "", "tool_call_chunks": [{"index": 99999999999}]}]} | /input/0/tool_call_chunks/0/index
			tool message without its id      | /chains/anything/invoke   | {"input": [{"type": "tool", "content": "42"}]}                                         | /input/0/tool_call_id
			usage_metadata wrong type        | /chains/anything/invoke   | {"input": [{"type": "ai", "content": "x", "usage_metadata": "many"}]}                  | /input/0/usage_metadata
			response_metadata wrong type     | /chains/anything/invoke   | {"input": [{"type": "ai", "content": "x", "response_metadata": 5}]}                    | /input/0/response_metadata
			inside config.metadata           | /chains/anything/invoke   | {"input": 1, "config": {"metadata": {"m": {"type": "tool", "content": "x"}}}}           | /config/metadata/m/tool_call_id
			inside config.configurable       | /chains/anything/invoke   | {"input": 1, "config": {"configurable": {"c": [{"type": "ai", "content": "x", "tool_calls": 1}]}}} | /config/configurable/c/0/tool_calls
			an extra input property          | /chains/chat/invoke       | {"input": {"question": "q", "extra": {"type": "ai", "content": "x", "tool_calls": "y"}}, "config": {"configurable": {"session_id": "e"}}} | /input
			a non-string include_tags item   | /chains/direct/stream_log | {"input": "hi", "include_tags": ["a", 7]}                                              | /include_tags/1
			tags not an array                | /chains/direct/invoke     | {"input": "hi", "config": {"tags": "a"}}                                               | /config/tags
			a batch config's metadata        | /chains/direct/batch      | {"inputs": ["a", "b"], "config": [{}, {"metadata": 3}]}                                | /config/1/metadata
			""")
	void aMalformedFieldIsA422NamingIt(String name, String path, String body, String field) {
		EntityExchangeResult<byte[]> result = post(path, "application/json", body);
		String answer = new String(result.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(result.getStatus().value()).as(answer).isEqualTo(422);
		assertThat(JsonMapper.shared().readTree(answer).get("errors").get(0).get("field").asString()).as(answer)
			.startsWith(field);
		assertThat(answer).doesNotContain("java.", "tools.jackson", "Feature", "LinkedHashMap");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			malformed JSON              | 400 | {"input": {"a": tru}}
			a step refusing its input   | 422 | {"input": {"an": "object"}}
			""")
	void errorTextsAreOurOwnWords(String name, int status, String body) {
		ourOwnWords(name.startsWith("a step") ? "/chains/parse/invoke" : "/chains/anything/invoke", status, body);
	}

	@Test
	void readLimitsAreSaidInOurOwnWords() {
		ourOwnWords("/chains/anything/invoke", 400, "{\"input\": " + "[".repeat(1_000) + "]".repeat(1_000) + "}");
		ourOwnWords("/chains/anything/invoke", 400, "{\"input\": " + "1".repeat(2_000) + "}");
	}

	private void ourOwnWords(String path, int status, String body) {
		EntityExchangeResult<byte[]> result = post(path, "application/json", body);
		String answer = new String(result.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(result.getStatus().value()).as(answer).isEqualTo(status);
		assertThat(answer).doesNotContain("java.", "tools.jackson", "Jackson", "Feature", "Constraints", "JsonNode",
				"LinkedHashMap", "Exception", "\tat ");
	}

	@Test
	void overlongUtf8IsRefused() throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write("{\"input\": \"..".getBytes(StandardCharsets.UTF_8));
		body.write(new byte[] { (byte) 0xC0, (byte) 0xAE });
		body.write("\"}".getBytes(StandardCharsets.UTF_8));
		EntityExchangeResult<byte[]> result = client().post()
			.uri("/chains/anything/invoke")
			.header("Content-Type", "application/json")
			.bodyValue(body.toByteArray())
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus().value()).isEqualTo(400);
		assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).contains("UTF-8");
	}

	@Test
	void theEnvironmentEndpointDoesNotShowTheCommandLine() {
		String env = new String(client().get().uri("/actuator/env").exchange().expectStatus().isOk().expectBody()
			.returnResult().getResponseBody(), StandardCharsets.UTF_8);
		assertThat(env).contains("sun.java.command").doesNotContain(KEY);
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
	}

	private EntityExchangeResult<byte[]> post(String path, String contentType, String body) {
		WebTestClient.RequestBodySpec request = client().post().uri(path);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectBody().returnResult();
	}

	@SpringBootApplication
	static class Server {

		@Bean
		Runnable<Object, Object> anything() {
			return RunnableLambda.of((Object input) -> Map.of("kind", input.getClass().getSimpleName()));
		}

		@Bean
		SimpleMeterRegistry meterRegistry(ObjectProvider<MeterFilter> filters) {
			// As Boot's metrics support does: the application's meter filters before any meter.
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			filters.orderedStream().forEach(registry.config()::meterFilter);
			return registry;
		}

		@Bean
		DefaultMeterObservationHandler meterObservationHandler(SimpleMeterRegistry registry) {
			return new DefaultMeterObservationHandler(registry);
		}

	}

	/** A client on a raw socket, to send what no HTTP client library would. */
	static final class RawClient implements AutoCloseable {

		private final Socket socket;

		RawClient(int port, int readTimeoutMillis) throws IOException {
			this.socket = new Socket("127.0.0.1", port);
			this.socket.setSoTimeout(readTimeoutMillis);
		}

		RawClient send(String text) throws IOException {
			OutputStream out = this.socket.getOutputStream();
			out.write(text.getBytes(StandardCharsets.UTF_8));
			out.flush();
			return this;
		}

		/**
		 * Read until the server closes the connection.
		 * @return what the server sent
		 * @throws SocketTimeoutException if the server held the connection open past the read timeout
		 */
		String readUntilClosed() throws IOException {
			InputStream in = this.socket.getInputStream();
			StringBuilder read = new StringBuilder();
			byte[] buffer = new byte[4096];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
			}
			return read.toString();
		}

		void reset() throws IOException {
			this.socket.setSoLinger(true, 0);
			this.socket.close();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
