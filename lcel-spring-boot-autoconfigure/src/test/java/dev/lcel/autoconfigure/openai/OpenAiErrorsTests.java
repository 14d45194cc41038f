package dev.lcel.autoconfigure.openai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lcel.core.config.InvalidConfigurableException;
import dev.lcel.core.models.AuthenticationException;
import dev.lcel.core.models.ModelOverloadedException;
import dev.lcel.core.models.ModelTimeoutException;
import dev.lcel.core.models.ProviderException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each failure of a chat completion means for the client, in OpenAI's error shape.
 */
class OpenAiErrorsTests {

	private final UUID runId = UUID.randomUUID();

	@Test
	void providerTimeoutIsA504AndAFailureA502WithoutTheProvidersMessage() {
		OpenAiErrors.Outcome timeout = OpenAiErrors.outcome(
				new ModelTimeoutException("openai", 0, "read timed out at 10.0.0.7 with key sk-secret", true, null, null),
				this.runId);
		assertThat(timeout.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(error(timeout)).containsEntry("type", "server_error").containsEntry("code", "upstream_timeout");
		assertThat(error(timeout).get("message").toString()).contains(this.runId.toString()).doesNotContain("sk-secret");
		OpenAiErrors.Outcome failed = OpenAiErrors.outcome(new RuntimeException("wrapped",
				new ProviderException("openai", 500, "upstream trace with sk-secret", true, null, null)), this.runId);
		assertThat(failed.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(error(failed)).containsEntry("code", "upstream_error");
		assertThat(error(failed).get("message").toString()).doesNotContain("sk-secret");
		OpenAiErrors.Outcome refused = OpenAiErrors.outcome(
				new AuthenticationException("openai", 401, "bad key sk-secret", false, null, null), this.runId);
		assertThat(refused.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
	}

	@Test
	void overloadedProviderIsA429WithItsRetryAfterRoundedUp() {
		OpenAiErrors.Outcome overloaded = OpenAiErrors.outcome(
				new ModelOverloadedException("anthropic", 529, "Overloaded", true, Duration.ofMillis(1500), null), this.runId);
		assertThat(overloaded.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(overloaded.retryAfter()).isEqualTo(Duration.ofMillis(1500));
		assertThat(error(overloaded)).containsEntry("type", "rate_limit_error").containsEntry("code", "rate_limit_exceeded");
		assertThat(error(overloaded).get("message").toString()).contains("in 2 s");
	}

	@Test
	void unexpectedFailureIsA500ThatSaysOnlyThat() {
		OpenAiErrors.Outcome outcome = OpenAiErrors.outcome(new IllegalStateException("password=hunter2"), this.runId);
		assertThat(outcome.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(error(outcome)).containsEntry("message", "Internal Server Error (run " + this.runId + ")")
			.containsEntry("type", "server_error")
			.containsEntry("param", null)
			.containsEntry("code", null);
	}

	@Test
	void aMissingOrUnknownConfigurableIsA400NamingIt() {
		OpenAiErrors.Outcome outcome = OpenAiErrors.outcome(
				new InvalidConfigurableException("session_id", List.of(), "Missing configurable 'session_id'"), this.runId);
		assertThat(outcome.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error(outcome)).containsEntry("type", "invalid_request_error")
			.containsEntry("message", "Missing configurable 'session_id'");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> error(OpenAiErrors.Outcome outcome) {
		return (Map<String, Object>) outcome.body().get("error");
	}

}
