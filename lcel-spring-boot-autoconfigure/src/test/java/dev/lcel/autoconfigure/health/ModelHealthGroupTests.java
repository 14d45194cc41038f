package dev.lcel.autoconfigure.health;

import java.time.Duration;

import dev.lcel.autoconfigure.health.LcelHealthAutoConfigurationTests.FlakyFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With one provider down, the instance stays UP (and so do its liveness and readiness probes);
 * the models' own group says which model is down; and the property that includes the models makes
 * the overall status DOWN.
 */
class ModelHealthGroupTests {


	private static WebTestClient client(int port) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = Server.class,
			properties = { "lcel.models.offline.provider=fake", "lcel.models.remote.provider=flaky",
					"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true" })
	class ByDefault {

		@LocalServerPort
		int port;

		@Test
		void aProviderDownLeavesTheInstanceAndItsProbesUpAndShowsInTheModelsGroup() {
			WebTestClient client = client(this.port);
			client.get().uri("/actuator/health").exchange().expectStatus().isOk()
				.expectBody()
				.jsonPath("$.status").isEqualTo("UP")
				.jsonPath("$.components.lcel").doesNotExist()
				.jsonPath("$.groups").value((groups) -> org.assertj.core.api.Assertions.assertThat(groups.toString())
					.contains("lcel-models", "liveness", "readiness"));
			client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
			client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
			client.get().uri("/actuator/health/lcel-models").exchange().expectStatus().isEqualTo(503)
				.expectBody()
				.jsonPath("$.status").isEqualTo("DOWN")
				.jsonPath("$.components.lcel.components.offline.status").isEqualTo("UP")
				.jsonPath("$.components.lcel.components.remote.status").isEqualTo("DOWN")
				.jsonPath("$.components.lcel.components.remote.details.error").value((error) -> org.assertj.core.api.Assertions
					.assertThat(error.toString()).contains("connection refused"));
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = Server.class,
			properties = { "lcel.models.offline.provider=fake", "lcel.models.remote.provider=flaky",
					"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true",
					"lcel.health.include-in-overall=true" })
	class IncludedInOverall {

		@LocalServerPort
		int port;

		@Test
		void aProviderDownTakesTheInstanceDownButNotItsLiveness() {
			WebTestClient client = client(this.port);
			client.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
				.expectBody()
				.jsonPath("$.status").isEqualTo("DOWN")
				.jsonPath("$.components.lcel.components.remote.status").isEqualTo("DOWN");
			client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		}

	}

	@SpringBootApplication
	static class Server {

		@Bean
		FlakyFactory flakyFactory() {
			return new FlakyFactory();
		}

	}

}
