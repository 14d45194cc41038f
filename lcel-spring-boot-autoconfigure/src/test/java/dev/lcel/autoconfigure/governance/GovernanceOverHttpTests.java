package dev.lcel.autoconfigure.governance;

import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.autoconfigure.support.ChainHttp;
import dev.lcel.autoconfigure.web.LcelServerAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.lcel.autoconfigure.support.ChainHttp.client;
import static dev.lcel.autoconfigure.support.ChainHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quota and rate-limit refusals over HTTP: a 429 problem naming the limit, with
 * {@code Retry-After}, from {@code /invoke} and {@code /batch}, and an {@code error} event with
 * status 429 from {@code /stream}.
 */
class GovernanceOverHttpTests {

	private final ReactiveWebApplicationContextRunner contextRunner = ChainHttp
		.runner(ModelAutoConfiguration.class, GovernanceAutoConfiguration.class, LcelServerAutoConfiguration.class)
		.withPropertyValues("lcel.models.gpt.provider=fake", "lcel.models.gpt.responses=one two three four",
				"lcel.chains.ask.steps[0].model=gpt", "lcel.chains.ask.steps[1].parser=str");

	private static WebTestClient.ResponseSpec post(ApplicationContext context, String route, String tenant, String body) {
		return client(context).post()
			.uri("/chains/ask/" + route)
			.header("X-Tenant", tenant)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	@Test
	void aTenantPastItsQuotaGetsA429ProblemNamingTheQuotaAndWhenItRenews() {
		this.contextRunner
			.withPropertyValues("lcel.governance.quotas.enabled=true", "lcel.governance.quotas.tokens-per-window=10",
					"lcel.governance.quotas.window=1h", "lcel.governance.quotas.key.source=header",
					"lcel.governance.quotas.key.name=X-Tenant")
			.run((context) -> {
				// each call spends 2 input words + 4 output chunks = 6 tokens
				post(context, "invoke", "acme", "{\"input\": \"hello there\"}").expectStatus().isOk();
				post(context, "invoke", "acme", "{\"input\": \"hello there\"}").expectStatus().isOk();
				post(context, "invoke", "acme", "{\"input\": \"hello there\"}").expectStatus().isEqualTo(429)
					.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectHeader().value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L))
					.expectBody()
					.jsonPath("$.status").isEqualTo(429)
					.jsonPath("$.title").isEqualTo("Too Many Requests")
					.jsonPath("$.detail").value((detail) -> assertThat((String) detail)
						.contains("quota of 10 tokens per PT1H").doesNotContain("acme"))
					.jsonPath("$.errors[0].limit").isEqualTo("quotas.tokens-per-window");
				post(context, "batch", "acme", "{\"inputs\": [\"a\", \"b\"]}").expectStatus().isEqualTo(429)
					.expectHeader().exists("Retry-After")
					.expectBody().jsonPath("$.errors[0].limit").isEqualTo("quotas.tokens-per-window");
				String stream = post(context, "stream", "acme", "{\"input\": \"hello there\"}").expectStatus().isOk()
					.expectBody(String.class).returnResult().getResponseBody();
				assertThat(stream).contains("event:error").contains("\"status_code\":429").contains("quota of 10 tokens");
				// another tenant has its own budget
				post(context, "invoke", "globex", "{\"input\": \"hello there\"}").expectStatus().isOk()
					.expectBody().jsonPath("$.output").isEqualTo("one two three four");
			});
	}

	@Test
	void requestsWithoutAKeyShareTheAnonymousBudget() {
		this.contextRunner
			.withPropertyValues("lcel.governance.quotas.enabled=true", "lcel.governance.quotas.tokens-per-window=5")
			.run((context) -> {
				postJson(client(context), "/chains/ask/invoke", "{\"input\": \"hi\"}").expectStatus().isOk();
				postJson(client(context), "/chains/ask/invoke", "{\"input\": \"hi\"}").expectStatus().isEqualTo(429);
			});
	}

	@Test
	void aClientCannotChooseItsQuotaKeyThroughMetadata() {
		this.contextRunner
			.withPropertyValues("lcel.governance.quotas.enabled=true", "lcel.governance.quotas.tokens-per-window=5",
					"lcel.governance.quotas.key.source=header", "lcel.governance.quotas.key.name=X-Tenant")
			.run((context) -> {
				post(context, "invoke", "acme", "{\"input\": \"hi\"}").expectStatus().isOk();
				post(context, "invoke", "acme",
						"{\"input\": \"hi\", \"config\": {\"metadata\": {\"__lcel_quota_key\": \"other\"}}}")
					.expectStatus().isEqualTo(429);
			});
	}

	@Test
	void aRateLimitRefusalIsA429ProblemNamingTheLimit() {
		this.contextRunner
			.withPropertyValues("lcel.governance.rate-limits.models.gpt.requests-per-interval=1",
					"lcel.governance.rate-limits.max-wait=0s")
			.run((context) -> {
				post(context, "invoke", "acme", "{\"input\": \"hi\"}").expectStatus().isOk();
				post(context, "invoke", "acme", "{\"input\": \"hi\"}").expectStatus().isEqualTo(429)
					.expectHeader().value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
					.expectBody()
					.jsonPath("$.errors[0].limit").isEqualTo("rate-limits.models.gpt.requests-per-interval")
					.jsonPath("$.detail").value((detail) -> assertThat((String) detail)
						.contains("Rate limit 'rate-limits.models.gpt' of 1 requests per PT1M is spent"));
			});
	}

}
