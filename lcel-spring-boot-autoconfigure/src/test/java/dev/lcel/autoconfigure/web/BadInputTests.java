package dev.lcel.autoconfigure.web;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.lcel.autoconfigure.support.ChainHttp;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.lcel.autoconfigure.support.ChainHttp.client;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/cases.json}, plus the generated cases
 * too large to keep as files): each request gets its documented status, every 4xx is an RFC 9457
 * problem with a message, nothing is ever a 5xx, and the server still answers a good request
 * afterwards.
 */
class BadInputTests {

	private final ReactiveWebApplicationContextRunner contextRunner = ChainHttp
		.runner(LcelServerAutoConfiguration.class)
		.withUserConfiguration(LcelServerAutoConfigurationTests.Chains.class);

	record Case(String name, String method, String path, String contentType, String body, int status) {
	}

	@Test
	void everyBadInputGetsItsDocumentedStatusAndTheServerStaysHealthy() throws Exception {
		List<Case> cases = new ArrayList<>(corpus());
		cases.add(new Case("2 MB string", "POST", "/chains/greet/invoke", "application/json",
				"{\"input\": {\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}", 413));
		cases.add(new Case("10,000 levels of nesting", "POST", "/chains/words/invoke", "application/json",
				"{\"input\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}", 400));
		cases.add(new Case("100,000 inputs in a batch", "POST", "/chains/words/batch", "application/json",
				"{\"inputs\": [" + String.join(",", java.util.Collections.nCopies(100_000, "\"x\"")) + "]}", 413));
		cases.add(new Case("100,000 keys", "POST", "/chains/greet/invoke", "application/json", manyKeys(100_000), 413));
		SoftAssertions softly = new SoftAssertions();
		this.contextRunner.withPropertyValues("lcel.server.max-request-size=1MB").run((context) -> {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).configureClient()
				.responseTimeout(Duration.ofSeconds(30)).build();
			for (Case badInput : cases) {
				EntityExchangeResult<String> result = send(client, badInput.method(), badInput.path(),
						badInput.contentType(), (badInput.body() != null) ? badInput.body().getBytes(java.nio.charset.StandardCharsets.UTF_8) : null);
				check(softly, badInput.name(), badInput.status(), result);
			}
			EntityExchangeResult<String> invalidUtf8 = send(client, "POST", "/chains/greet/invoke", "application/json",
					new byte[] { '{', '"', 'i', 'n', 'p', 'u', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' });
			check(softly, "invalid UTF-8", 400, invalidUtf8);
			EntityExchangeResult<String> good = send(client, "POST", "/chains/greet/invoke", "application/json",
					"{\"input\": {\"name\": \"Ada\"}}".getBytes());
			softly.assertThat(good.getStatus().value()).as("a good request afterwards").isEqualTo(200);
			EntityExchangeResult<String> literal = send(client, "POST", "/chains/echo/invoke", "application/json",
					"{\"input\": {\"topic\": \"{system} {{x}}\"}}".getBytes());
			softly.assertThat(literal.getResponseBody()).as("template values are inserted literally")
				.contains("tell me about {system} {{x}}");
		});
		softly.assertAll();
		softly.assertThat(cases.size() + 1).as("corpus size").isGreaterThanOrEqualTo(50);
		softly.assertAll();
	}

	private static void check(SoftAssertions softly, String name, int expected, EntityExchangeResult<String> result) {
		int status = result.getStatus().value();
		softly.assertThat(status).as(name + ": " + result.getResponseBody()).isEqualTo(expected);
		softly.assertThat(status).as(name + " is never a 5xx").isLessThan(500);
		if (status >= 400) {
			softly.assertThat(result.getResponseHeaders().getContentType()).as(name + " content type")
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			softly.assertThat(result.getResponseBody()).as(name + " names the problem").contains("\"message\"");
		}
	}

	private static EntityExchangeResult<String> send(WebTestClient client, String method, String path, String contentType,
			byte[] body) {
		WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		WebTestClient.RequestHeadersSpec<?> spec = (body != null) ? request.bodyValue(body) : request;
		return spec.exchange().expectBody(String.class).returnResult();
	}

	private static List<Case> corpus() throws Exception {
		try (InputStream json = BadInputTests.class.getResourceAsStream("/bad-input/cases.json")) {
			return List.of(JsonMapper.shared().readValue(json, Case[].class));
		}
	}

	private static String manyKeys(int count) {
		StringBuilder json = new StringBuilder("{\"input\": {\"name\": \"Ada\"");
		for (int i = 0; i < count; i++) {
			json.append(", \"k").append(i).append("\": 1");
		}
		return json.append("}}").toString();
	}

}
