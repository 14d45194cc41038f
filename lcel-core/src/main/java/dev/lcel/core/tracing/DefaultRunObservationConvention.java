package dev.lcel.core.tracing;

import io.micrometer.common.KeyValues;

import dev.lcel.core.tracing.RunObservationDocumentation.HighCardinalityKeyNames;
import dev.lcel.core.tracing.RunObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link RunObservationConvention}: an observation named {@code lcel.run} (a timer
 * {@code lcel.run} in metrics), the run's name as the span name, and the keys of
 * {@link RunObservationDocumentation}.
 */
public class DefaultRunObservationConvention implements RunObservationConvention {

	/** The name of run observations. */
	public static final String NAME = "lcel.run";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(RunObservationContext context) {
		return context.getRun().name();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RunObservationContext context) {
		RunInfo run = context.getRun();
		KeyValues keys = KeyValues.of(LowCardinalityKeyNames.RUN_NAME.withValue(run.name()),
				LowCardinalityKeyNames.RUN_TYPE.withValue(run.runType().wireName()),
				LowCardinalityKeyNames.OPERATION.withValue(run.operation()),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome(context)));
		if (run.runType() == RunType.CHAT_MODEL) {
			// OpenTelemetry's GenAI attributes, from the model's own run metadata.
			keys = keys.and(LowCardinalityKeyNames.GEN_AI_OPERATION.withValue("chat"),
					LowCardinalityKeyNames.GEN_AI_PROVIDER.withValue(String.valueOf(run.metadata().getOrDefault("ls_provider", "unknown"))),
					LowCardinalityKeyNames.GEN_AI_MODEL.withValue(String.valueOf(run.metadata().getOrDefault("ls_model_name", run.name()))));
		}
		return keys;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RunObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.RUN_ID.withValue(context.getRun().runId().toString()));
	}

	private static String outcome(RunObservationContext context) {
		if (context.isCancelled()) {
			return "cancelled";
		}
		return (context.getError() != null) ? "error" : "success";
	}

}
