package dev.lcel.core.tracing;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

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
 *
 * <p>The low-cardinality key values of a kind of run (its metric name, type, operation, outcome
 * and, for a chat model, provider and model) are built once and then reused: {@link KeyValues} are
 * immutable, and building them sorts them. At most {@value #MAX_CACHED_KEY_VALUES} kinds are
 * kept; the key values of a kind beyond that are built for each observation, as before. A run's
 * stop is given the key values its start was (kept in its {@link RunObservationContext}) unless its
 * outcome changed, so only the start looks its kind up.
 */
public class DefaultRunObservationConvention implements RunObservationConvention {

	/** The name of run observations. */
	public static final String NAME = "lcel.run";

	/**
	 * The metadata key under which a server puts the registered name of the chain a request runs,
	 * which names the root run in metrics in place of a client's {@code run_name}.
	 */
	public static final String CHAIN_METADATA_KEY = "lcel_chain";

	/** The most kinds of runs whose low-cardinality key values are kept. */
	public static final int MAX_CACHED_KEY_VALUES = 1024;

	private final Map<Kind, KeyValues> lowCardinality = new ConcurrentHashMap<>();

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
		String outcome = outcome(context);
		// A run's stop asks again for the key values its start got: the same ones, unless it failed.
		KeyValues keys = context.conventionKeyValues(this, outcome);
		if (keys != null) {
			return keys;
		}
		RunInfo run = context.getRun();
		String provider = null;
		String model = null;
		if (run.runType() == RunType.CHAT_MODEL) {
			// OpenTelemetry's GenAI attributes, from the model's own run metadata.
			provider = String.valueOf(run.metadata().getOrDefault("ls_provider", "unknown"));
			model = String.valueOf(run.metadata().getOrDefault("ls_model_name", run.name()));
		}
		Kind kind = new Kind(metricName(run), run.runType(), run.operation(), outcome, provider, model);
		keys = this.lowCardinality.get(kind);
		if (keys == null) {
			keys = kind.keyValues();
			if (this.lowCardinality.size() < MAX_CACHED_KEY_VALUES) {
				this.lowCardinality.putIfAbsent(kind, keys);
			}
		}
		context.keepConventionKeyValues(this, outcome, keys);
		return keys;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RunObservationContext context) {
		return context.runIdKeyValues();
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

	/**
	 * What tells apart the low-cardinality key values of runs; its equality written out, as a
	 * record's would go through a method handle on each lookup.
	 */
	private static final class Kind {

		private final String name;

		private final RunType type;

		private final String operation;

		private final String outcome;

		private final @Nullable String provider;

		private final @Nullable String model;

		private final int hash;

		Kind(String name, RunType type, String operation, String outcome, @Nullable String provider,
				@Nullable String model) {
			this.name = name;
			this.type = type;
			this.operation = operation;
			this.outcome = outcome;
			this.provider = provider;
			this.model = model;
			this.hash = ((name.hashCode() * 31 + type.ordinal()) * 31 + operation.hashCode()) * 31 + outcome.hashCode()
					+ Objects.hashCode(provider) * 17 + Objects.hashCode(model);
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof Kind kind) && kind.hash == this.hash && kind.type == this.type
					&& kind.name.equals(this.name) && kind.operation.equals(this.operation)
					&& kind.outcome.equals(this.outcome) && Objects.equals(kind.provider, this.provider)
					&& Objects.equals(kind.model, this.model);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		KeyValues keyValues() {
			KeyValues keys = KeyValues.of(LowCardinalityKeyNames.RUN_NAME.withValue(this.name),
					LowCardinalityKeyNames.RUN_TYPE.withValue(this.type.wireName()),
					LowCardinalityKeyNames.OPERATION.withValue(this.operation),
					LowCardinalityKeyNames.OUTCOME.withValue(this.outcome));
			if (this.provider != null && this.model != null) {
				keys = keys.and(LowCardinalityKeyNames.GEN_AI_OPERATION.withValue("chat"),
						LowCardinalityKeyNames.GEN_AI_PROVIDER.withValue(this.provider),
						LowCardinalityKeyNames.GEN_AI_MODEL.withValue(this.model));
			}
			return keys;
		}

	}

}
