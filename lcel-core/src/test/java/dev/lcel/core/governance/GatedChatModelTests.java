package dev.lcel.core.governance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.FakeStreamingChatModel;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Gates around a model's calls: the rate limiter and the quota, streamed and invoked.
 */
class GatedChatModelTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final ChatModel fake = FakeStreamingChatModel.builder().responses("one two three four").build();

	@Test
	void theGuardedModelKeepsTheModelsNames() {
		ChatModel guarded = RateLimiter.builder(new InMemoryRateLimitStore(10, this.time)).build().guard(this.fake);
		assertThat(guarded.getName()).isEqualTo(this.fake.getName());
		assertThat(guarded.providerName()).isEqualTo(this.fake.providerName());
	}

	@Test
	void aStreamedCallIsCountedByItsReportedUsage() {
		// the fake reports input: the words of the conversation (2), output: its chunks (4)
		ChatModel guarded = guardedBy(new RateLimit("fake", 0, 7, Duration.ofSeconds(7)));
		StepVerifier.create(guarded.astream("hello there")).expectNextCount(4).verifyComplete();
		// 6 of 7 tokens spent: a call estimated at 3 tokens ("hello there" is 11 characters) must wait 2 s
		StepVerifier.create(guarded.astream("hello there"))
			.verifyErrorSatisfies((error) -> assertThat(((RateLimitExceededException) error).retryAfter())
				.isEqualTo(Duration.ofSeconds(2)));
	}

	@Test
	void anInvokedCallIsRefusedBeforeTheModelIsCalled() {
		ChatModel guarded = guardedBy(new RateLimit("fake", 1, 0, Duration.ofMinutes(1)));
		assertThat(guarded.invoke("hi").content()).isEqualTo("one two three four");
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> guarded.invoke("hi"))
			.satisfies((error) -> assertThat(error.limit()).isEqualTo("fake.requests-per-interval"));
	}

	@Test
	void aQuotaSpendsTheReportedTokensOfTheRunsKey() {
		WindowedTokenQuota quota = new WindowedTokenQuota(new InMemoryQuotaStore(10), "quotas.tokens-per-window", 10,
				Duration.ofHours(1), this.time);
		ChatModel guarded = quota.gate().guard(this.fake);
		RunnableConfig ada = RunnableConfig.builder().metadata(Map.of(TokenQuota.KEY_METADATA, "ada")).build();
		AIMessage first = guarded.invoke("hello there", ada);
		assertThat(first.usageMetadata().totalTokens()).isEqualTo(6);
		guarded.invoke("hello there", ada);
		assertThatExceptionOfType(QuotaExceededException.class).isThrownBy(() -> guarded.invoke("hi", ada));
		// another key, and a run without one, are not affected
		RunnableConfig grace = RunnableConfig.builder().metadata(Map.of(TokenQuota.KEY_METADATA, "grace")).build();
		assertThat(guarded.invoke("hi", grace).content()).isEqualTo("one two three four");
		assertThat(guarded.invoke("hi").content()).isEqualTo("one two three four");
	}

	@Test
	void aCallWithoutReportedUsageKeepsItsEstimate() {
		WindowedTokenQuota quota = new WindowedTokenQuota(new InMemoryQuotaStore(10), "q", 100, Duration.ofHours(1),
				this.time);
		ChatModel silent = new dev.lcel.core.models.FakeListChatModel(List.of("ok"));
		RunnableConfig ada = RunnableConfig.builder().metadata(Map.of(TokenQuota.KEY_METADATA, "ada")).build();
		quota.gate((messages) -> 60).guard(silent).invoke(List.of(new dev.lcel.core.messages.HumanMessage("x")), ada);
		quota.gate((messages) -> 60).guard(silent).invoke("x", ada);
		assertThatExceptionOfType(QuotaExceededException.class)
			.isThrownBy(() -> quota.gate((messages) -> 60).guard(silent).invoke("x", ada));
	}

	/** The fake guarded by a rate limiter of one limit, on virtual time. */
	private ChatModel guardedBy(RateLimit limit) {
		return RateLimiter.builder(new InMemoryRateLimitStore(10, this.time))
			.limit(limit)
			.timer(this.time)
			.build()
			.guard(this.fake);
	}

}
