package dev.lcel.core.tracing;

import io.micrometer.common.KeyValues;

import dev.lcel.core.tracing.RunObservationDocumentation.HighCardinalityKeyNames;
import dev.lcel.core.tracing.RunObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link RunObservationConvention}: an observation named {@code lcel.run} (a timer
 * {@code lcel.run} in metrics), the run's name as the span name, and the keys of
 * {@link RunObservationDocumentation}.
 *
 * <p>Metric tags take their values from the application's own vocabulary only: the
 * {@code lcel.run.name} of a root run started for a served chain is the name the chain is
 * registered under (the {@value #CHAIN_METADATA_KEY} metadata that the server sets), never a
 * {@code run_name} a client chose; a step's is its name from the chain's definition.
 */
public class DefaultRunObservationConvention implements RunObservationConvention {

	/** The name of run observations. */
	public static final String NAME = "lcel.run";

	/**
	 * The metadata key under which a server puts the registered name of the chain a request runs,
	 * which names the root run in metrics in place of a client's {@code run_name}.
	 */
	public static final String CHAIN_METADATA_KEY = "lcel_chain";

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
		KeyValues keys = KeyValues.of(LowCardinalityKeyNames.RUN_NAME.withValue(metricName(run)),
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

	/**
	 * Return the name a run has in metrics: the served chain's registered name for a root run that
	 * has one, else the run's name.
	 * @param run the run
	 * @return the name
	 */
	protected String metricName(RunInfo run) {
		Object chain = run.parentIds().isEmpty() ? run.metadata().get(CHAIN_METADATA_KEY) : null;
		return (chain instanceof String name) ? name : run.name();
	}

	private static String outcome(RunObservationContext context) {
		if (context.isCancelled()) {
			return "cancelled";
		}
		return (context.getError() != null) ? "error" : "success";
	}

}
