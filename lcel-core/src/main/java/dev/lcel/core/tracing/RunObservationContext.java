package dev.lcel.core.tracing;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.lcel.core.tracing.RunObservationDocumentation.HighCardinalityKeyNames;

/**
 * The {@link Observation.Context} of one run: the run it observes and how it ended.
 */
public class RunObservationContext extends Observation.Context {

	private final RunInfo run;

	private boolean cancelled;

	private @Nullable KeyValues runIdKeyValues;

	/**
	 * Create a context for a run.
	 * @param run the observed run
	 */
	public RunObservationContext(RunInfo run) {
		this.run = run;
	}

	/**
	 * Return the observed run.
	 * @return the run
	 */
	public RunInfo getRun() {
		return this.run;
	}

	/**
	 * Return whether the caller cancelled the run.
	 * @return {@code true} if the run was cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

	/**
	 * Return the run's id as a high-cardinality key value, made once for the observation's start
	 * and stop.
	 */
	KeyValues runIdKeyValues() {
		KeyValues keys = this.runIdKeyValues;
		if (keys == null) {
			keys = KeyValues.of(HighCardinalityKeyNames.RUN_ID.withValue(this.run.runId().toString()));
			this.runIdKeyValues = keys;
		}
		return keys;
	}

}
