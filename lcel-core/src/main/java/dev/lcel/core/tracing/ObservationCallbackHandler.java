package dev.lcel.core.tracing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Records a Micrometer {@link Observation} for every run: with Spring Boot, a timer and a tracing
 * span per chain, step, branch and model call. A run's observation is the child of its parent
 * run's, and a root run's is the child of the observation current when it starts, so a chain
 * called while handling a request nests under the request's span.
 *
 * <p>Pass it in {@link dev.lcel.core.config.RunnableConfig#callbacks()}; it is inherited by every
 * run beneath (Spring Boot binds it to every registered chain). With a no-op registry it does nothing.
 */
public class ObservationCallbackHandler implements CallbackHandler {

	private static final RunObservationConvention DEFAULT_CONVENTION = new DefaultRunObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable RunObservationConvention convention;

	private final Map<UUID, Observation> observations = new ConcurrentHashMap<>();

	/**
	 * Create a handler that records into {@code registry} with the default convention.
	 * @param registry the registry
	 */
	public ObservationCallbackHandler(ObservationRegistry registry) {
		this(registry, null);
	}

	/**
	 * Create a handler that records into {@code registry}.
	 * @param registry the registry
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public ObservationCallbackHandler(ObservationRegistry registry, @Nullable RunObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public void onRunStart(RunInfo run, @Nullable Object input) {
		if (this.registry.isNoop()) {
			return;
		}
		Observation parent = (run.parentRunId() != null) ? this.observations.get(run.parentRunId()) : null;
		Observation observation = RunObservationDocumentation.RUN
			.observation(this.convention, DEFAULT_CONVENTION, () -> new RunObservationContext(run), this.registry)
			.parentObservation((parent != null) ? parent : this.registry.getCurrentObservation())
			.start();
		this.observations.put(run.runId(), observation);
	}

	@Override
	public boolean needsInputsAndOutputs() {
		return false;
	}

	@Override
	public boolean needsChunks() {
		return false;
	}

	@Override
	public void onRunEnd(RunInfo run, @Nullable Object input, @Nullable Object output) {
		Observation observation = this.observations.remove(run.runId());
		if (observation != null) {
			observation.stop();
		}
	}

	@Override
	public void onRunError(RunInfo run, Throwable error) {
		Observation observation = this.observations.remove(run.runId());
		if (observation == null) {
			return;
		}
		if (error instanceof CancellationException) {
			((RunObservationContext) observation.getContext()).setCancelled(true);
		}
		else {
			observation.error(error);
		}
		observation.stop();
	}

}
