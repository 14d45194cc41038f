package dev.lcel.autoconfigure.support;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.lcel.core.tracing.RunObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records the runs a running application observes, as they start and as they stop, so that a test
 * can see which runs ended and whether any was left open. Register it as a bean; it is safe to use
 * from the application's threads and the test's at once.
 */
public final class RecordedRuns implements ObservationHandler<RunObservationContext> {

	private final Queue<RunObservationContext> started = new ConcurrentLinkedQueue<>();

	private final Queue<RunObservationContext> stopped = new ConcurrentLinkedQueue<>();

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof RunObservationContext;
	}

	@Override
	public void onStart(RunObservationContext context) {
		this.started.add(context);
	}

	@Override
	public void onStop(RunObservationContext context) {
		this.stopped.add(context);
	}

	/**
	 * Return the runs that started, in order.
	 * @return a live view
	 */
	public Queue<RunObservationContext> started() {
		return this.started;
	}

	/**
	 * Return the runs that stopped, in order.
	 * @return a live view
	 */
	public Queue<RunObservationContext> stopped() {
		return this.stopped;
	}

	/** Forget the runs recorded so far. */
	public void clear() {
		this.started.clear();
		this.stopped.clear();
	}

}
