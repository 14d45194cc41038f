package dev.lcel.core.models.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lcel.core.models.anthropic.AnthropicChatModel;
import dev.lcel.core.models.http.HttpChatApi.Framing;
import dev.lcel.core.models.ollama.OllamaChatModel;
import dev.lcel.core.models.openai.OpenAiChatModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each provider's wire as the WireMock tests serve it: the paths WireMock sees, the framing of its
 * streams, the header that carries the API key, the fixtures (under
 * {@code src/test/resources/fixtures/PROVIDER}), error bodies and endless streams in the provider's
 * format, and the client that calls it.
 */
enum ProviderWire {

	OPENAI("/v1", "/v1/chat/completions", "/v1/models", Framing.SERVER_SENT_EVENTS, "Authorization", "Bearer ",
			() -> OpenAiChatModel.builder().model("gpt-test")) {

		@Override
		String errorBody(int status, String message) {
			String type = (status == 429) ? "requests" : (status >= 500) ? "server_error" : "invalid_request_error";
			String code = (status == 429) ? "\"rate_limit_exceeded\"" : (status == 401) ? "\"invalid_api_key\"" : "null";
			return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":" + code
					+ "}}";
		}

		@Override
		String frame(int i) {
			return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
					+ "\"delta\":{\"content\":\"t" + i + "\"},\"finish_reason\":null}],\"usage\":null}\n\n";
		}

	},

	ANTHROPIC("", "/v1/messages", "/v1/models", Framing.SERVER_SENT_EVENTS, "x-api-key", "",
			() -> AnthropicChatModel.builder().model("claude-test")) {

		@Override
		String errorBody(int status, String message) {
			String type = switch (status) {
				case 400, 413 -> "invalid_request_error";
				case 401 -> "authentication_error";
				case 403 -> "permission_error";
				case 404 -> "not_found_error";
				case 429 -> "rate_limit_error";
				case 529 -> "overloaded_error";
				default -> "api_error";
			};
			return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
					+ "\"},\"request_id\":\"req_1\"}";
		}

		@Override
		String frame(int i) {
			String delta = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
					+ "{\"type\":\"text_delta\",\"text\":\"t" + i + "\"}}\n\n";
			if (i > 0) {
				return delta;
			}
			return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"m\","
					+ "\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"
					+ "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
					+ "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n" + delta;
		}

	},

	OLLAMA("", "/api/chat", "/api/tags", Framing.JSON_LINES, "Authorization", "Bearer ",
			() -> OllamaChatModel.builder().model("llama-test")) {

		@Override
		String errorBody(int status, String message) {
			return "{\"error\":\"" + message + "\"}";
		}

		@Override
		String frame(int i) {
			return "{\"model\":\"m\",\"created_at\":\"2026-11-25T10:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"t"
					+ i + "\"},\"done\":false}\n";
		}

	};

	/** The key every test client sends, which no message may quote. */
	static final String API_KEY = "sk-test-0123456789-secret";

	private final String basePath;

	private final String chatPath;

	private final String healthPath;

	private final Framing framing;

	private final String keyHeader;

	private final String keyPrefix;

	private final Supplier<HttpChatModel.Builder<?>> client;

	/** An error body in the provider's format. */
	abstract String errorBody(int status, String message);

	/** Frame {@code i} of an endless text stream, for the test server. */
	abstract String frame(int i);

	ProviderWire(String basePath, String chatPath, String healthPath, Framing framing, String keyHeader,
			String keyPrefix, Supplier<HttpChatModel.Builder<?>> client) {
		this.basePath = basePath;
		this.chatPath = chatPath;
		this.healthPath = healthPath;
		this.framing = framing;
		this.keyHeader = keyHeader;
		this.keyPrefix = keyPrefix;
		this.client = client;
	}

	/** A WireMock server for a test class; gzip off, since WireMock would otherwise buffer a
	 * compressible body (NDJSON) that a test dribbles. */
	static WireMockExtension server() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();
	}

	/** Create the provider's client for the given base URL, with the given timeouts (null for none). */
	HttpChatModel model(String baseUrl, Duration timeout, Duration deadline) {
		return this.client.get().baseUrl(baseUrl).apiKey(API_KEY).timeout(timeout).deadline(deadline).build();
	}

	/** Create the provider's client for a WireMock server, without timeouts. */
	HttpChatModel model(WireMockExtension server) {
		return model(server.baseUrl() + this.basePath, null, null);
	}

	/** The path under the server's root that the model's base URL adds, such as {@code /v1}. */
	String basePath() {
		return this.basePath;
	}

	/** The path the model posts to, as WireMock sees it. */
	String chatPath() {
		return this.chatPath;
	}

	/** The path the reachability check gets, as WireMock sees it. */
	String healthPath() {
		return this.healthPath;
	}

	/** The header the client sends the API key in. */
	String keyHeader() {
		return this.keyHeader;
	}

	/** The header's value for the test key, such as {@code Bearer sk-...}. */
	String keyHeaderValue() {
		return this.keyPrefix + API_KEY;
	}

	/** The content type of the provider's streams. */
	String contentType() {
		return (this.framing == Framing.SERVER_SENT_EVENTS) ? "text/event-stream" : "application/x-ndjson";
	}

	/** The text of a fixture, such as {@code text} for {@code fixtures/openai/text.sse}. */
	String fixture(String name) {
		return resource(name + ((this.framing == Framing.SERVER_SENT_EVENTS) ? ".sse" : ".ndjson"));
	}

	/** A JSON fixture, such as {@code tool-conversation-follow-up} for
	 * {@code fixtures/openai/tool-conversation-follow-up.json}. */
	JsonNode json(String name) {
		return JsonMapper.shared().readTree(resource(name + ".json"));
	}

	private String resource(String file) {
		String path = "/fixtures/" + name().toLowerCase(Locale.ROOT) + "/" + file;
		try (InputStream in = ProviderWire.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A successful answer streaming a fixture. */
	ResponseDefinitionBuilder answer(String fixture) {
		return aResponse().withHeader("Content-Type", contentType()).withBody(fixture(fixture));
	}

}
