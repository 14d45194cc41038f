package dev.lcel.core.tracing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultRunObservationConventionTests {

	private final DefaultRunObservationConvention convention = new DefaultRunObservationConvention();

	@Test
	void runsOfOneKindShareTheirKeyValues() {
		KeyValues first = this.convention.getLowCardinalityKeyValues(context(model("gpt-test")));
		KeyValues second = this.convention.getLowCardinalityKeyValues(context(model("gpt-test")));

		assertThat(second).isSameAs(first);
		assertThat(first.stream().map(KeyValue::getValue)).containsExactlyInAnyOrder("ChatOpenAI", "chat_model",
				"invoke", "success", "chat", "openai", "gpt-test");
	}

	@Test
	void keyValuesFollowTheOutcomeModelAndChainName() {
		RunObservationContext failed = context(model("gpt-test"));
		failed.setError(new IllegalStateException("down"));
		RunObservationContext cancelled = context(model("gpt-test"));
		cancelled.setCancelled(true);
		RunInfo chain = new RunInfo(UUID.randomUUID(), List.of(), "/chains/joke", RunType.CHAIN, List.of(),
				Map.of(DefaultRunObservationConvention.CHAIN_METADATA_KEY, "joke"), "stream");

		assertThat(value(context(model("gpt-test")), "outcome")).isEqualTo("success");
		assertThat(value(failed, "outcome")).isEqualTo("error");
		assertThat(value(cancelled, "outcome")).isEqualTo("cancelled");
		assertThat(value(context(model("gpt-other")), "gen_ai.request.model")).isEqualTo("gpt-other");
		assertThat(value(new RunObservationContext(chain), "lcel.run.name")).isEqualTo("joke");
		assertThat(value(new RunObservationContext(chain), "lcel.operation")).isEqualTo("stream");
		assertThat(this.convention.getLowCardinalityKeyValues(new RunObservationContext(chain)).stream()
			.map(KeyValue::getKey)).doesNotContain("gen_ai.request.model");
	}

	@Test
	void aRunsStopIsGivenTheKeyValuesOfItsStartUnlessItsOutcomeChanged() {
		RunObservationContext succeeded = context(model("gpt-test"));
		KeyValues started = this.convention.getLowCardinalityKeyValues(succeeded);
		RunObservationContext failed = context(model("gpt-test"));
		KeyValues failedAtStart = this.convention.getLowCardinalityKeyValues(failed);
		failed.setError(new IllegalStateException("down"));

		assertThat(this.convention.getLowCardinalityKeyValues(succeeded)).isSameAs(started);
		assertThat(this.convention.getLowCardinalityKeyValues(failed)).isNotEqualTo(failedAtStart)
			.contains(KeyValue.of("outcome", "error"));
		assertThat(new DefaultRunObservationConvention().getLowCardinalityKeyValues(succeeded)).isEqualTo(started);
	}

	@Test
	void theRunIdIsTheHighCardinalityKeyOfItsOwnRun() {
		RunObservationContext context = context(model("gpt-test"));

		assertThat(this.convention.getHighCardinalityKeyValues(context).stream().map(KeyValue::getValue))
			.containsExactly(context.getRun().runId().toString());
		assertThat(this.convention.getHighCardinalityKeyValues(context(model("gpt-test"))))
			.isNotEqualTo(this.convention.getHighCardinalityKeyValues(context));
	}

	@Test
	void theRunIdKeyValueIsEqualToMicrometersWithTheSameKeyAndValue() {
		RunObservationContext context = context(model("gpt-test"));
		KeyValue runId = this.convention.getHighCardinalityKeyValues(context).stream().findFirst().orElseThrow();
		KeyValue micrometers = KeyValue.of("lcel.run.id", context.getRun().runId().toString());

		assertThat(runId).isEqualTo(micrometers).hasSameHashCodeAs(micrometers).hasToString(micrometers.toString());
		assertThat(runId.getKey()).isEqualTo("lcel.run.id");
	}

	private String value(RunObservationContext context, String key) {
		return this.convention.getLowCardinalityKeyValues(context).stream().filter((kv) -> kv.getKey().equals(key))
			.findFirst().orElseThrow().getValue();
	}

	private static RunObservationContext context(RunInfo run) {
		return new RunObservationContext(run);
	}

	private static RunInfo model(String model) {
		return new RunInfo(UUID.randomUUID(), List.of(UUID.randomUUID()), "ChatOpenAI", RunType.CHAT_MODEL, List.of(),
				Map.of("ls_provider", "openai", "ls_model_name", model), "invoke");
	}

}
