package dev.lcel.core.models.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lcel.core.models.anthropic.AnthropicChatModel;
import dev.lcel.core.models.ollama.OllamaChatModel;
import dev.lcel.core.models.openai.OpenAiChatModel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each provider's wire as the WireMock tests serve it: the paths WireMock sees, the fixtures
 * (under {@code src/test/resources/fixtures/PROVIDER}) and their content type, and the client that
 * calls it.
 */
enum ProviderWire {

	OPENAI("/v1", "/v1/chat/completions", "/v1/models", "openai", ".sse", "text/event-stream",
			() -> OpenAiChatModel.builder().model("gpt-test")),

	ANTHROPIC("", "/v1/messages", "/v1/models", "anthropic", ".sse", "text/event-stream",
			() -> AnthropicChatModel.builder().model("claude-test")),

	OLLAMA("", "/api/chat", "/api/tags", "ollama", ".ndjson", "application/x-ndjson",
			() -> OllamaChatModel.builder().model("llama-test"));

	/** The key every test client sends, which no message may quote. */
	static final String API_KEY = "sk-test-0123456789-secret";

	private final String basePath;

	private final String chatPath;

	private final String healthPath;

	private final String fixtures;

	private final String extension;

	private final String contentType;

	private final Supplier<HttpChatModel.Builder<?>> client;

	ProviderWire(String basePath, String chatPath, String healthPath, String fixtures, String extension,
			String contentType, Supplier<HttpChatModel.Builder<?>> client) {
		this.basePath = basePath;
		this.chatPath = chatPath;
		this.healthPath = healthPath;
		this.fixtures = fixtures;
		this.extension = extension;
		this.contentType = contentType;
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

	String contentType() {
		return this.contentType;
	}

	/** The text of a fixture, such as {@code text} for {@code fixtures/openai/text.sse}. */
	String fixture(String name) {
		String path = "/fixtures/" + this.fixtures + "/" + name + this.extension;
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
