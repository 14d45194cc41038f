package dev.lcel.core.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Records the meters of run observations exactly as Micrometer's
 * {@link DefaultMeterObservationHandler} does (a {@link Timer} named after the observation with
 * its low-cardinality key values and an {@code error} tag, and a {@link LongTaskTimer}
 * {@code NAME.active} unless it is switched off), but keeps the meters it registered by their
 * name and tags instead of building their id and looking them up in the registry for every run.
 *
 * <p>Meters are registered through the registry the first time, so its {@code MeterFilter}s,
 * common tags and distribution settings apply as to any meter; a meter the filters deny is kept
 * as the no-op meter the registry returned. At most {@code capacity} meters of each kind are kept
 * (the starter sizes it by {@code lcel.metrics.max-tag-values}, the bound its name tags have anyway);
 * beyond that a meter is looked up in the registry on each use, as the default handler does. A
 * {@code MeterFilter} added to the registry after a meter was kept does not change that meter.
 *
 * <p>It supports {@link RunObservationContext}s only: put it ahead of the default handler in a
 * {@code FirstMatchingCompositeObservationHandler}, as the starter does among Spring Boot's meter
 * handlers. Needs {@code micrometer-core}.
 */
public final class RunMeterObservationHandler implements MeterObservationHandler<RunObservationContext> {

	private final MeterRegistry registry;

	private final boolean longTaskTimers;

	private final KeptMeters<Timer> timers;

	private final KeptMeters<LongTaskTimer> activeTimers;

	/**
	 * Create a handler.
	 * @param registry the registry the meters are registered in
	 * @param longTaskTimers whether to record a long-task timer per run, as the default handler
	 * does unless {@code LONG_TASK_TIMER} is among its ignored meters
	 * @param capacity the most meters of each kind kept
	 */
	public RunMeterObservationHandler(MeterRegistry registry, boolean longTaskTimers, int capacity) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.longTaskTimers = longTaskTimers;
		this.timers = new KeptMeters<>((key) -> this.registry.timer(key.name(), key.tags()), capacity);
		// Kept by the observation's name, so that a run's start builds no name: the meter's is the default handler's.
		this.activeTimers = new KeptMeters<>(
				(key) -> this.registry.more().longTaskTimer(key.name() + ".active", key.tags()), capacity);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof RunObservationContext;
	}

	@Override
	public void onStart(RunObservationContext context) {
		if (this.longTaskTimers) {
			LongTaskTimer active = this.activeTimers
				.get(new MeterKey(context.getName(), context.getLowCardinalityKeyValues(), null));
			context.put(LongTaskTimer.Sample.class, active.start());
		}
		context.put(Timer.Sample.class, Timer.start(this.registry));
	}

	@Override
	public void onStop(RunObservationContext context) {
		Throwable error = context.getError();
		String errorValue = (error != null) ? error.getClass().getSimpleName() : "none";
		Timer timer = this.timers.get(new MeterKey(context.getName(), context.getLowCardinalityKeyValues(), errorValue));
		Timer.Sample sample = context.getRequired(Timer.Sample.class);
		sample.stop(timer);
		if (this.longTaskTimers) {
			LongTaskTimer.Sample active = context.getRequired(LongTaskTimer.Sample.class);
			active.stop();
		}
	}

	@Override
	public void onEvent(Observation.Event event, RunObservationContext context) {
		// Rare, as in the default handler: a counter per event, looked up each time.
		Counter.builder(context.getName() + "." + event.getName())
			.tags(new MeterKey(context.getName(), context.getLowCardinalityKeyValues(), null).tags())
			.register(this.registry)
			.increment();
	}

	/**
	 * A meter's name, the observation's low-cardinality key values and, for the timer, the value
	 * of its {@code error} tag.
	 */
	private record MeterKey(String name, KeyValues keyValues, @Nullable String error) {

		List<Tag> tags() {
			List<Tag> tags = new ArrayList<>();
			for (KeyValue keyValue : this.keyValues) {
				tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
			}
			if (this.error != null) {
				tags.add(Tag.of("error", this.error));
			}
			return tags;
		}

	}

	/** The meters of one kind by their keys, at most {@code capacity} of them. */
	private static final class KeptMeters<M extends Meter> {

		private final Map<MeterKey, M> meters = new ConcurrentHashMap<>();

		private final Function<MeterKey, M> register;

		private final int capacity;

		KeptMeters(Function<MeterKey, M> register, int capacity) {
			this.register = register;
			this.capacity = capacity;
		}

		M get(MeterKey key) {
			M meter = this.meters.get(key);
			if (meter == null) {
				meter = this.register.apply(key);
				if (this.meters.size() < this.capacity) {
					this.meters.putIfAbsent(key, meter);
				}
			}
			return meter;
		}

	}

}
