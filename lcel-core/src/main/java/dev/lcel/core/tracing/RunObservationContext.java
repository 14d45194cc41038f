package dev.lcel.core.tracing;

import io.micrometer.observation.Observation;

/**
 * The {@link Observation.Context} of one run: the run it observes and how it ended.
 */
public class RunObservationContext extends Observation.Context {

	private final RunInfo run;

	private boolean cancelled;

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

}
