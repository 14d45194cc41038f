package dev.lcel.core.tracing;

/**
 * Receives the lifecycle of runs: passed in {@link dev.lcel.core.config.RunnableConfig#callbacks()}
 * and inherited by every child run of the run it was given to.
 *
 * <p>All methods have empty defaults so a handler implements only what it needs. Handlers are
 * called on whatever thread the run is on and must not block.
 */
public interface CallbackHandler {

	/**
	 * Called when a run starts.
	 * @param name the run's name
	 * @param input the run's input
	 */
	default void onRunStart(String name, Object input) {
	}

	/**
	 * Called when a run completes.
	 * @param name the run's name
	 * @param output the run's output
	 */
	default void onRunEnd(String name, Object output) {
	}

	/**
	 * Called when a run fails.
	 * @param name the run's name
	 * @param error the failure
	 */
	default void onRunError(String name, Throwable error) {
	}

}
