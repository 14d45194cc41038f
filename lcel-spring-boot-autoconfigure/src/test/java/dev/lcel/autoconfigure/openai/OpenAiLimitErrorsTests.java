package dev.lcel.autoconfigure.openai;

import java.time.Duration;
import java.util.Map;

import dev.lcel.core.governance.QuotaExceededException;
import dev.lcel.core.governance.RateLimit;
import dev.lcel.core.governance.RateLimitExceededException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This application's own rate limits and quotas in OpenAI's error shape: 429 with the wait, and
 * OpenAI's codes for each.
 */
class OpenAiLimitErrorsTests {

	@Test
	@SuppressWarnings("unchecked")
	void aRateLimitIsA429WithRetryAfterAndRateLimitExceeded() {
		OpenAiErrors.Outcome outcome = OpenAiErrors.outcome(new RateLimitExceededException(
				new RateLimit("rate-limits.global", 5, 0, Duration.ofMinutes(1)), RateLimit.Dimension.REQUESTS,
				Duration.ofSeconds(12)), null);
		assertThat(outcome.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(12));
		Map<String, Object> error = (Map<String, Object>) outcome.body().get("error");
		assertThat(error).containsEntry("type", "rate_limit_error").containsEntry("code", "rate_limit_exceeded");
		assertThat((String) error.get("message")).contains("Rate limit 'rate-limits.global' of 5 requests");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSpentQuotaIsA429WithInsufficientQuota() {
		OpenAiErrors.Outcome outcome = OpenAiErrors.outcome(
				new IllegalStateException("wrapped", new QuotaExceededException("quotas.tokens-per-window", 10,
						Duration.ofHours(1), Duration.ofMinutes(5))), null);
		assertThat(outcome.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(outcome.retryAfter()).isEqualTo(Duration.ofMinutes(5));
		assertThat((Map<String, Object>) outcome.body().get("error")).containsEntry("code", "insufficient_quota");
	}

}
