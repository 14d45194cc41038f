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
 * streams, the fixtures (under {@code src/test/resources/fixtures/PROVIDER}), and the client that
 * calls it.
 */
enum ProviderWire {

	OPENAI("/v1", "/v1/chat/completions", "/v1/models", Framing.SERVER_SENT_EVENTS,
			() -> OpenAiChatModel.builder().model("gpt-test")),

	ANTHROPIC("", "/v1/messages", "/v1/models", Framing.SERVER_SENT_EVENTS,
			() -> AnthropicChatModel.builder().model("claude-test")),

	OLLAMA("", "/api/chat", "/api/tags", Framing.JSON_LINES, () -> OllamaChatModel.builder().model("llama-test"));

	/** The key every test client sends, which no message may quote. */
	static final String API_KEY = "sk-test-0123456789-secret";

	private final String basePath;

	private final String chatPath;

	private final String healthPath;

	private final Framing framing;

	private final Supplier<HttpChatModel.Builder<?>> client;

	ProviderWire(String basePath, String chatPath, String healthPath, Framing framing,
			Supplier<HttpChatModel.Builder<?>> client) {
		this.basePath = basePath;
		this.chatPath = chatPath;
		this.healthPath = healthPath;
		this.framing = framing;
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
		return aResponse().withHeader("Content-Type", this.contentType).withBody(fixture(fixture));
	}

}
