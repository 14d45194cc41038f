package dev.lcel.autoconfigure.web;

import java.time.Duration;
import java.util.List;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.InvalidChainDefinitionException;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model step with alternatives ({@code model: {alternatives: ..., key: llm, default: gpt}}), the
 * alternative chosen per request in {@code config.configurable}.
 */
class ConfigurableAlternativesOverHttpTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class, ChainAutoConfiguration.class,
				ModelAutoConfiguration.class, LcelServerAutoConfiguration.class))
		.withPropertyValues("lcel.models.gpt.provider=fake", "lcel.models.gpt.responses[0]=from gpt",
				"lcel.models.claude.provider=fake", "lcel.models.claude.responses[0]=from claude",
				"lcel.chains.ask.steps[0].prompt={question}", "lcel.chains.ask.steps[1].model.alternatives.gpt=gpt",
				"lcel.chains.ask.steps[1].model.alternatives.claude=claude", "lcel.chains.ask.steps[1].model.key=llm",
				"lcel.chains.ask.steps[1].model.default=gpt",
				"lcel.chains.ask.steps[1].model.configurable.temperature=llm_temperature",
				"lcel.chains.ask.steps[2].parser=str", "lcel.chains.plain.steps[0].model=claude");

	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).configureClient().responseTimeout(Duration.ofSeconds(10)).build();
	}

	private static WebTestClient.ResponseSpec invoke(ApplicationContext context, String chain, String body) {
		return client(context).post()
			.uri("/chains/" + chain + "/invoke")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	@Test
	void requestChoosesTheAlternativeInConfigurable() {
		this.contextRunner.run((context) -> {
			invoke(context, "ask", "{\"input\": {\"question\": \"hi\"}}").expectStatus().isOk()
				.expectBody().jsonPath("$.output").isEqualTo("from gpt");
			invoke(context, "ask", "{\"input\": {\"question\": \"hi\"}, \"config\": {\"configurable\": {\"llm\": \"claude\"}}}")
				.expectStatus().isOk()
				.expectBody().jsonPath("$.output").isEqualTo("from claude");
			invoke(context, "ask", "{\"input\": {\"question\": \"hi\"}, \"config\": {\"configurable\": "
					+ "{\"llm\": \"claude\", \"llm_temperature\": 0.3}}}")
				.expectStatus().isOk()
				.expectBody().jsonPath("$.output").isEqualTo("from claude");
			invoke(context, "plain", "{\"input\": \"hi\"}").expectStatus().isOk()
				.expectBody().jsonPath("$.output.content").isEqualTo("from claude");
		});
	}

	@Test
	void unknownAlternativeIsA400NamingTheKeyAndTheChoices() {
		this.contextRunner.run((context) -> invoke(context, "ask",
				"{\"input\": {\"question\": \"hi\"}, \"config\": {\"configurable\": {\"llm\": \"gemini\"}}}")
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.message").value((String message) -> assertThat(message).contains("'gemini'", "'llm'", "gpt, claude")));
	}

	@Test
	void configSchemaListsTheChoicesAndTheConfigurableFields() {
		this.contextRunner.run((context) -> client(context).get()
			.uri("/chains/ask/config_schema")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.properties.configurable.properties.llm.enum").isEqualTo(List.of("gpt", "claude"))
			.jsonPath("$.properties.configurable.properties.llm.default").isEqualTo("gpt")
			.jsonPath("$.properties.configurable.properties.llm_temperature.type").isEqualTo("number"));
	}

	@Test
	void unknownModelAmongTheAlternativesFailsStartup() {
		this.contextRunner.withPropertyValues("lcel.chains.ask.steps[1].model.alternatives.claude=claud",
				"lcel.chains.bad.steps[0].model.alternatives.a=gpt", "lcel.chains.bad.steps[0].model.default=b")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable cause = context.getStartupFailure();
				while (!(cause instanceof InvalidChainDefinitionException) && cause.getCause() != null) {
					cause = cause.getCause();
				}
				assertThat(((InvalidChainDefinitionException) cause).getProblems()).contains(
						"lcel.chains.ask.steps[1].model.alternatives.claude: unknown model 'claud'; configured models: [claude, gpt]",
						"lcel.chains.bad.steps[0].model.default: 'b' is not one of the alternatives [a]");
			});
	}

}
