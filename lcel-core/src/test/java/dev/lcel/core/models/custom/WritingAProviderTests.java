package dev.lcel.core.models.custom;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.models.BadRequestException;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ProviderException;
import dev.lcel.core.models.StructuredOutputMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A provider written as {@code docs/models.md} shows, from outside lcel's packages: the skeleton
 * brings the streaming, the end event, errors and the key header.
 */
class WritingAProviderTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().gzipDisabled(true))
		.build();

	@Test
	void aProviderOfItsOwnStreamsItsLinesAndSendsItsBodyAndKey() {
		serve(200, "{\"text\":\"Hel\"}\n{\"text\":\"lo\"}\n{\"text\":\"\",\"done\":true}\n");
		ChatModel model = model().bind(Map.of("temperature", 0.5));

		assertThat(model.astream("Hi").map(AIMessage::content).filter((text) -> !text.isEmpty()).collectList().block())
			.containsExactly("Hel", "lo");
		LoggedRequest request = wireMock.getAllServeEvents().get(0).getRequest();
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer acme-key");
		JsonNode body = JsonMapper.shared().readTree(request.getBodyAsString());
		assertThat(body.toString())
			.isEqualTo("{\"model\":\"acme-1\",\"messages\":[{\"role\":\"Human\",\"content\":\"Hi\"}],\"temperature\":0.5}");
	}

	@Test
	void aStreamWithoutItsEndLineFailsNamingIt() {
		serve(200, "{\"text\":\"Hel\"}\n");
		StepVerifier.create(model().astream("Hi").map(AIMessage::content))
			.expectNext("Hel")
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderException.class)
				.hasMessage("acme's answer ended without its \"done\" line: the stream was cut off"))
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void errorsInTheStreamAndStatusesBecomeTypedExceptions() {
		serve(200, "{\"text\":\"Hel\"}\n{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"too long\"}}\n");
		StepVerifier.create(model().astream("Hi").then())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(BadRequestException.class)
				.hasMessageContaining("too long"))
			.verify(Duration.ofSeconds(30));
		serve(400, "{\"error\":{\"message\":\"no such model\"}}");
		StepVerifier.create(model().astream("Hi").then())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(BadRequestException.class)
				.hasMessage("acme answered 400: no such model"))
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void structuredOutputIsInstructionsAloneAndOtherMethodsAreRefused() {
		assertThat(model().defaultStructuredOutputMethod()).isEqualTo(StructuredOutputMethod.INSTRUCTIONS);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> model().withStructuredOutput(Map.class).withMethod(StructuredOutputMethod.JSON_SCHEMA))
			.withMessageContaining("supported: instructions");
	}

	private static AcmeChatModel model() {
		return AcmeChatModel.builder().baseUrl(wireMock.baseUrl()).apiKey("acme-key").model("acme-1").build();
	}

	private static void serve(int status, String body) {
		wireMock.stubFor(post(urlEqualTo("/v1/chat")).willReturn(
				aResponse().withStatus(status).withHeader("Content-Type", "application/x-ndjson").withBody(body)));
	}

}
