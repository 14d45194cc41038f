package dev.lcel.autoconfigure.support;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lcel.autoconfigure.model.ProviderStreams;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Base of the tests of a running application whose model {@code gpt} is OpenAI, played by
 * WireMock: the server starts before the class's tests and stops after them, its {@code /v1} is
 * {@code lcel.models.gpt.base-url}, and its stubs are reset before each test. The subclass is a
 * {@code @SpringBootTest} on a random port that configures the rest of the model.
 */
public abstract class AbstractFakeOpenAiTests {

	/** The fake OpenAI. */
	@RegisterExtension
	protected static final WireMockExtension openAi = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().gzipDisabled(true))
		.build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void openAiBaseUrl(DynamicPropertyRegistry registry) {
		registry.add("lcel.models.gpt.base-url", () -> openAi.baseUrl() + "/v1");
	}

	/**
	 * Return a client of the application under test, over HTTP on its port.
	 * @return the client
	 */
	protected WebTestClient client() {
		return ChainHttp.client(this.port);
	}

	/**
	 * Answer every chat completion with an OpenAI stream of the given pieces of content.
	 * @param pieces the content, piece by piece
	 */
	protected static void streamCompletions(List<String> pieces) {
		openAi.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(ProviderStreams.openAi(pieces))));
	}

}
