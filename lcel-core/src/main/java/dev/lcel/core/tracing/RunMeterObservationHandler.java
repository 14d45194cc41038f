package dev.lcel.core.tracing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
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
 * <p>A run's meters are found once, at its start, by the identity of its key values when its
 * convention keeps them (the default one does), else by their value; its stop records into the
 * same meters' timer when it succeeded with the key values it started with, and looks its timer
 * up by name, key values and {@code error} tag otherwise (a failed or cancelled run, key values an
 * {@code ObservationFilter} changed), as the default handler does for every run.
 *
 * <p>It supports {@link RunObservationContext}s only: put it ahead of the default handler in a
 * {@code FirstMatchingCompositeObservationHandler}, as the starter does among Spring Boot's meter
 * handlers. Needs {@code micrometer-core}.
 */
public final class RunMeterObservationHandler implements MeterObservationHandler<RunObservationContext> {

	private final MeterRegistry registry;

	private final boolean longTaskTimers;

	private final int capacity;

	/** The timers of the stops that differ from their starts: failed runs, changed key values. */
	private final KeptMeters<Timer> timers;

	/** The meters of a run's start and of its successful stop, by the start's name and key values. */
	private final KeptMeters<RunMeters> runMeters;

	/**
	 * The same, by the identity of the start's key values (a convention that keeps its key values,
	 * as the default one does, hands the same instance to every run of a kind): a run's start then
	 * neither hashes nor compares them. Copied on write, at most {@code capacity} entries.
	 */
	private volatile IdentityHashMap<KeyValues, RunMeters> byIdentity = new IdentityHashMap<>();

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
		this.capacity = capacity;
		this.timers = new KeptMeters<>((key) -> this.registry.timer(key.name(), key.tags()), capacity);
		this.runMeters = new KeptMeters<>((key) -> new RunMeters(key, longTaskTimers
				? this.registry.more().longTaskTimer(key.name() + ".active", key.tags()) : null), capacity);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof RunObservationContext;
	}

	@Override
	public void onStart(RunObservationContext context) {
		KeyValues keyValues = context.getLowCardinalityKeyValues();
		RunMeters meters = runMeters(context.getName(), keyValues);
		LongTaskTimer.Sample active = (meters.active != null) ? meters.active.start() : null;
		context.meterRecording(new Recording(meters, keyValues, Timer.start(this.registry), active));
	}

	private RunMeters runMeters(String name, KeyValues keyValues) {
		RunMeters meters = this.byIdentity.get(keyValues);
		if (meters != null && meters.key.name().equals(name)) {
			return meters;
		}
		meters = this.runMeters.get(new MeterKey(name, keyValues, null));
		IdentityHashMap<KeyValues, RunMeters> known = this.byIdentity;
		if (known.size() < this.capacity && !known.containsKey(keyValues)) {
			IdentityHashMap<KeyValues, RunMeters> more = new IdentityHashMap<>(known);
			more.put(keyValues, meters);
			this.byIdentity = more;
		}
		return meters;
	}

	@Override
	public void onStop(RunObservationContext context) {
		Recording recording = (Recording) context.meterRecording();
		if (recording == null) {
			throw new IllegalArgumentException("the run's observation was stopped without having been started");
		}
		Throwable error = context.getError();
		KeyValues keyValues = context.getLowCardinalityKeyValues();
		Timer timer;
		if (error == null && keyValues == recording.keyValues && recording.meters.key.name().equals(context.getName())) {
			timer = recording.meters.success(this.timers);
		}
		else {
			String errorValue = (error != null) ? error.getClass().getSimpleName() : "none";
			timer = this.timers.get(new MeterKey(context.getName(), keyValues, errorValue));
		}
		recording.timer.stop(timer);
		if (recording.active != null) {
			recording.active.stop();
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
	 * of its {@code error} tag; its equality written out, as a record's would go through a method
	 * handle on each lookup.
	 */
	private static final class MeterKey {

		private final String name;

		private final KeyValues keyValues;

		private final @Nullable String error;

		private final int hash;

		MeterKey(String name, KeyValues keyValues, @Nullable String error) {
			this.name = name;
			this.keyValues = keyValues;
			this.error = error;
			this.hash = (name.hashCode() * 31 + keyValues.hashCode()) * 31 + Objects.hashCode(error);
		}

		String name() {
			return this.name;
		}

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

		@Override
		public boolean equals(Object other) {
			return (other instanceof MeterKey key) && key.hash == this.hash && key.name.equals(this.name)
					&& Objects.equals(key.error, this.error) && key.keyValues.equals(this.keyValues);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	/**
	 * The meters of runs whose starts had one name and key values: the long-task timer (if they are
	 * recorded) and the timer of those whose stops succeeded with the same key values.
	 */
	private static final class RunMeters {

		private final MeterKey key;

		private final @Nullable LongTaskTimer active;

		private volatile @Nullable Timer success;

		RunMeters(MeterKey key, @Nullable LongTaskTimer active) {
			this.key = key;
			this.active = active;
		}

		Timer success(KeptMeters<Timer> timers) {
			Timer timer = this.success;
			if (timer == null) {
				timer = timers.get(new MeterKey(this.key.name, this.key.keyValues, "none"));
				this.success = timer;
			}
			return timer;
		}

	}

	/** What a run's start recorded, for its stop. */
	private record Recording(RunMeters meters, KeyValues keyValues, Timer.Sample timer,
			LongTaskTimer.@Nullable Sample active) {
	}

	/** The meters of one kind by their keys, at most {@code capacity} of them. */
	private static final class KeptMeters<M> {

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
