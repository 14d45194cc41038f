package dev.lcel.autoconfigure.web;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import dev.lcel.autoconfigure.support.ChainHttp;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.lcel.autoconfigure.support.ChainHttp.client;

/**
 * A property: no JSON body a client can send makes the server answer 5xx, on any route of any
 * chain, in the response status or in a stream's {@code error} event. The bodies are random JSON
 * values, half of them shaped like requests ({@code input}, {@code inputs}, {@code config},
 * {@code kwargs} with random values), some of them shaped like messages with random field values,
 * some sent with another content type or with a byte that breaks their UTF-8, from a fixed seed so
 * that a failure can be replayed; each failure names its body. No answer names a Java or Jackson
 * class either.
 */
class RandomBodiesTests {

	private static final long SEED = 20261125L;

	private static final int BODIES = 400;

	private static final List<String> KEYS = List.of("input", "inputs", "config", "kwargs", "configurable", "tags",
			"metadata", "run_name", "callbacks", "max_concurrency", "recursion_limit", "name", "topic", "include_names",
			"", "__proto__", "$ref", "{x}", "type", "content", "tool_calls", "tool_call_chunks", "tool_call_id",
			"usage_metadata", "response_metadata", "index", "include_tags", "exclude_names");

	private static final List<String> MESSAGE_TYPES = List.of("human", "ai", "system", "tool", "AIMessageChunk");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json;charset=UTF-8",
			"text/plain", "application/x-www-form-urlencoded", "application/json; charset=UTF-16");

	private final ReactiveWebApplicationContextRunner contextRunner = ChainHttp
		.runner(LcelServerAutoConfiguration.class)
		.withUserConfiguration(LcelServerAutoConfigurationTests.Chains.class);

	@Test
	void noRandomJsonBodyGetsA5xx() {
		System.out.println("RandomBodiesTests seed " + SEED);
		Random random = new Random(SEED);
		List<String> routes = List.of("invoke", "batch", "stream", "stream_log", "stream_events");
		List<String> chains = List.of("greet", "words", "echo", "spy");
		SoftAssertions softly = new SoftAssertions();
		this.contextRunner.run((context) -> {
			WebTestClient client = WebTestClient.bindToApplicationContext(context)
				.configureClient()
				.responseTimeout(Duration.ofSeconds(10))
				.build();
			for (int i = 0; i < BODIES; i++) {
				byte[] body = JsonMapper.shared()
					.writeValueAsBytes(random.nextBoolean() ? request(random) : value(random, 0));
				if (random.nextInt(10) == 0) {
					// A byte that is never valid in UTF-8, or the first of an overlong form.
					body[random.nextInt(body.length)] = (byte) (random.nextBoolean() ? 0xC0 : 0xFF);
				}
				String contentType = (random.nextInt(5) == 0) ? CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))
						: "application/json";
				String shown = new String(body, java.nio.charset.StandardCharsets.UTF_8) + " as " + contentType;
				String path = "/chains/" + chains.get(random.nextInt(chains.size())) + "/"
						+ routes.get(random.nextInt(routes.size()));
				EntityExchangeResult<String> result = client.post()
					.uri(path)
					.header("Content-Type", contentType)
					.bodyValue(body)
					.exchange()
					.expectBody(String.class)
					.returnResult();
				String answer = String.valueOf(result.getResponseBody());
				softly.assertThat(result.getStatus().value()).as("POST %s %s", path, shown).isLessThan(500);
				softly.assertThat(answer).as("POST %s %s", path, shown)
					.doesNotContain("\"status_code\":5")
					.doesNotContain("tools.jackson", "java.util", "java.lang", "Feature.");
			}
		});
		softly.assertAll();
	}

	private static ObjectNode request(Random random) {
		ObjectNode request = JsonNodeFactory.instance.objectNode();
		for (int i = random.nextInt(4); i >= 0; i--) {
			request.set(KEYS.get(random.nextInt(4)), value(random, 1));
		}
		return request;
	}

	private static JsonNode value(Random random, int depth) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		int kind = random.nextInt((depth > 4) ? 6 : 9);
		return switch (kind) {
			case 0 -> nodes.nullNode();
			case 1 -> nodes.booleanNode(random.nextBoolean());
			case 2 -> nodes.numberNode(random.nextInt());
			case 3 -> nodes.numberNode(random.nextDouble() * 1e6 - 5e5);
			case 4 -> nodes.stringNode(text(random));
			case 5 -> nodes.numberNode(Long.MAX_VALUE);
			case 6 -> {
				ArrayNode array = nodes.arrayNode();
				for (int i = random.nextInt(5); i > 0; i--) {
					array.add(value(random, depth + 1));
				}
				yield array;
			}
			case 8 -> message(random, depth);
			default -> {
				ObjectNode object = nodes.objectNode();
				for (int i = random.nextInt(5); i > 0; i--) {
					object.set(KEYS.get(random.nextInt(KEYS.size())), value(random, depth + 1));
				}
				yield object;
			}
		};
	}

	/**
	 * An object shaped like a message: a message type, some content, and message fields with random
	 * values (tool calls that are strings, indexes that are text or huge, usage that is a list).
	 */
	private static ObjectNode message(Random random, int depth) {
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("type", MESSAGE_TYPES.get(random.nextInt(MESSAGE_TYPES.size())));
		message.set("content", random.nextInt(4) == 0 ? value(random, depth + 1) : JsonNodeFactory.instance.stringNode(text(random)));
		for (String field : List.of("tool_calls", "tool_call_chunks", "tool_call_id", "usage_metadata", "response_metadata")) {
			if (random.nextInt(3) == 0) {
				message.set(field, value(random, depth + 1));
			}
		}
		return message;
	}

	private static String text(Random random) {
		String alphabet = "ab {}[]\"\\\u00e9\u2603\n\t<>%$";
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(12); i > 0; i--) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

}
