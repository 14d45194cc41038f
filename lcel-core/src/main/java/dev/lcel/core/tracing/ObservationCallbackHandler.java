package dev.lcel.core.tracing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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

	/** Every run: each step of a chain as well as the chain. */
	public static final Predicate<RunInfo> ALL_RUNS = (run) -> true;

	/**
	 * A chain's call and the calls it makes out of the process: root runs, and the runs of chat
	 * models, tools and retrievers, but not the steps between them (prompts, parsers, lambdas,
	 * nested composites).
	 */
	public static final Predicate<RunInfo> CALLS = (run) -> run.parentIds().isEmpty()
			|| run.runType() == RunType.CHAT_MODEL || run.runType() == RunType.TOOL
			|| run.runType() == RunType.RETRIEVER;

	private final Map<UUID, Observation> observations = new ConcurrentHashMap<>();

	private final Predicate<RunInfo> observed;

	/**
	 * Create a handler that records every run into {@code registry} with the default convention.
	 * @param registry the registry
	 */
	public ObservationCallbackHandler(ObservationRegistry registry) {
		this(registry, null);
	}

	/**
	 * Create a handler that records every run into {@code registry}.
	 * @param registry the registry
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public ObservationCallbackHandler(ObservationRegistry registry, @Nullable RunObservationConvention convention) {
		this(registry, convention, ALL_RUNS);
	}

	/**
	 * Create a handler that records the runs {@code observed} accepts into {@code registry}; a
	 * run's observation is the child of its nearest observed ancestor's.
	 * @param registry the registry
	 * @param convention a convention replacing the default, or {@code null}
	 * @param observed which runs to observe, such as {@link #ALL_RUNS} or {@link #CALLS}
	 */
	public ObservationCallbackHandler(ObservationRegistry registry, @Nullable RunObservationConvention convention,
			Predicate<RunInfo> observed) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.convention = convention;
		this.observed = Objects.requireNonNull(observed, "observed must not be null");
	}

	@Override
	public void onRunStart(RunInfo run, @Nullable Object input) {
		if (this.registry.isNoop() || !this.observed.test(run)) {
			return;
		}
		Observation observation = RunObservationDocumentation.RUN.observation(this.convention, DEFAULT_CONVENTION,
				() -> new RunObservationContext(run), this.registry);
		Observation parent = nearestObservedAncestor(run);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		// Else the observation current when it starts, which a new observation takes as its parent already.
		observation.start();
		this.observations.put(run.runId(), observation);
	}

	private @Nullable Observation nearestObservedAncestor(RunInfo run) {
		List<UUID> ancestors = run.parentIds();
		for (int i = ancestors.size() - 1; i >= 0; i--) {
			Observation observation = this.observations.get(ancestors.get(i));
			if (observation != null) {
				return observation;
			}
		}
		return null;
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
