package dev.lcel.autoconfigure.web;

import java.util.List;

import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.autoconfigure.support.ChainHttp;
import dev.lcel.autoconfigure.support.StartupProblems;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.lcel.autoconfigure.support.ChainHttp.client;
import static dev.lcel.autoconfigure.support.ChainHttp.getJson;
import static dev.lcel.autoconfigure.support.ChainHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model step with alternatives ({@code model: {alternatives: ..., key: llm, default: gpt}}), the
 * alternative chosen per request in {@code config.configurable}.
 */
class ConfigurableAlternativesOverHttpTests {

	private final ReactiveWebApplicationContextRunner contextRunner = ChainHttp
		.runner(ModelAutoConfiguration.class, LcelServerAutoConfiguration.class)
		.withPropertyValues("lcel.models.gpt.provider=fake", "lcel.models.gpt.responses[0]=from gpt",
				"lcel.models.claude.provider=fake", "lcel.models.claude.responses[0]=from claude",
				"lcel.chains.ask.steps[0].prompt={question}", "lcel.chains.ask.steps[1].model.alternatives.gpt=gpt",
				"lcel.chains.ask.steps[1].model.alternatives.claude=claude", "lcel.chains.ask.steps[1].model.key=llm",
				"lcel.chains.ask.steps[1].model.default=gpt",
				"lcel.chains.ask.steps[1].model.configurable.temperature=llm_temperature",
				"lcel.chains.ask.steps[2].parser=str", "lcel.chains.plain.steps[0].model=claude");

	private static WebTestClient.ResponseSpec invoke(ApplicationContext context, String chain, String body) {
		return postJson(client(context), "/chains/" + chain + "/invoke", body);
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
		this.contextRunner.run((context) -> getJson(client(context), "/chains/ask/config_schema")
			.jsonPath("$.properties.configurable.properties.llm.enum").isEqualTo(List.of("gpt", "claude"))
			.jsonPath("$.properties.configurable.properties.llm.default").isEqualTo("gpt")
			.jsonPath("$.properties.configurable.properties.llm_temperature.type").isEqualTo("number"));
	}

	@Test
	void unknownModelAmongTheAlternativesFailsStartup() {
		this.contextRunner.withPropertyValues("lcel.chains.ask.steps[1].model.alternatives.claude=claud",
				"lcel.chains.bad.steps[0].model.alternatives.a=gpt", "lcel.chains.bad.steps[0].model.default=b")
			.run((context) -> {
				assertThat(StartupProblems.of(context)).contains(
						"lcel.chains.ask.steps[1].model.alternatives.claude: unknown model 'claud'; configured models: [claude, gpt]",
						"lcel.chains.bad.steps[0].model.default: 'b' is not one of the alternatives [a]");
			});
	}

}
