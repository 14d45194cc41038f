package dev.lcel.core.tracing;

import java.util.Iterator;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.lcel.core.tracing.RunObservationDocumentation.HighCardinalityKeyNames;

/**
 * The {@link Observation.Context} of one run: the run it observes and how it ended.
 *
 * <p>Its key values are those of any context, added and read through the same methods. What
 * differs is how they are held: the key values a convention adds as a whole at the start
 * ({@link #addLowCardinalityKeyValues}) are kept as that one immutable {@link KeyValues}, handed
 * back as they are by {@link #getLowCardinalityKeyValues()} and not added again when the stop adds
 * the very same ones. Only a change of another kind (one key value added or removed, or key values
 * with other keys) puts them into the context's map, after which it behaves as any context. So a
 * run's start and stop neither copy nor sort its key values, and the handlers that read them at
 * both read the same instance.
 */
public class RunObservationContext extends Observation.Context {

	private final RunInfo run;

	private boolean cancelled;

	private @Nullable KeyValues runIdKeyValues;

	private final Held low = new Held();

	private final Held high = new Held();

	/** The convention whose key values {@link #conventionKeyValues} are, and the outcome they are for. */
	private @Nullable Object keyValuesOwner;

	private @Nullable String keyValuesOutcome;

	private @Nullable KeyValues conventionKeyValues;

	/** What {@link RunMeterObservationHandler} recorded at the start, for the stop. */
	private @Nullable Object meterRecording;

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

	/**
	 * Return the low-cardinality key values {@code owner} made for this run with {@code outcome}, if
	 * it made them already: a run's stop asks its convention for the key values its start was given.
	 */
	@Nullable KeyValues conventionKeyValues(Object owner, String outcome) {
		return (this.keyValuesOwner == owner && outcome.equals(this.keyValuesOutcome)) ? this.conventionKeyValues : null;
	}

	void keepConventionKeyValues(Object owner, String outcome, KeyValues keyValues) {
		this.keyValuesOwner = owner;
		this.keyValuesOutcome = outcome;
		this.conventionKeyValues = keyValues;
	}

	@Nullable Object meterRecording() {
		return this.meterRecording;
	}

	void meterRecording(@Nullable Object recording) {
		this.meterRecording = recording;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
		synchronized (this.low) {
			toMap(this.low, true);
			return super.addLowCardinalityKeyValue(keyValue);
		}
	}

	@Override
	public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
		if (keyValues == this.low.whole) {
			return this;
		}
		synchronized (this.low) {
			if (!this.low.inMap && this.low.replaceWhole(keyValues)) {
				return this;
			}
		}
		// One by one, through addLowCardinalityKeyValue: into the map.
		return super.addLowCardinalityKeyValues(keyValues);
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValue(String keyName) {
		synchronized (this.low) {
			toMap(this.low, true);
			return super.removeLowCardinalityKeyValue(keyName);
		}
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
		synchronized (this.low) {
			toMap(this.low, true);
			return super.removeLowCardinalityKeyValues(keyNames);
		}
	}

	@Override
	public KeyValues getLowCardinalityKeyValues() {
		KeyValues whole = this.low.whole;
		if (whole != null) {
			return whole;
		}
		synchronized (this.low) {
			if (!this.low.inMap) {
				return (this.low.whole != null) ? this.low.whole : KeyValues.empty();
			}
		}
		return super.getLowCardinalityKeyValues();
	}

	@Override
	public @Nullable KeyValue getLowCardinalityKeyValue(String key) {
		KeyValues whole = this.low.whole;
		if (whole != null) {
			return find(whole, key);
		}
		return super.getLowCardinalityKeyValue(key);
	}

	@Override
	public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
		synchronized (this.high) {
			toMap(this.high, false);
			return super.addHighCardinalityKeyValue(keyValue);
		}
	}

	@Override
	public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
		if (keyValues == this.high.whole) {
			return this;
		}
		synchronized (this.high) {
			if (!this.high.inMap && this.high.replaceWhole(keyValues)) {
				return this;
			}
		}
		return super.addHighCardinalityKeyValues(keyValues);
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValue(String keyName) {
		synchronized (this.high) {
			toMap(this.high, false);
			return super.removeHighCardinalityKeyValue(keyName);
		}
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
		synchronized (this.high) {
			toMap(this.high, false);
			return super.removeHighCardinalityKeyValues(keyNames);
		}
	}

	@Override
	public KeyValues getHighCardinalityKeyValues() {
		KeyValues whole = this.high.whole;
		if (whole != null) {
			return whole;
		}
		synchronized (this.high) {
			if (!this.high.inMap) {
				return (this.high.whole != null) ? this.high.whole : KeyValues.empty();
			}
		}
		return super.getHighCardinalityKeyValues();
	}

	@Override
	public @Nullable KeyValue getHighCardinalityKeyValue(String key) {
		KeyValues whole = this.high.whole;
		if (whole != null) {
			return find(whole, key);
		}
		return super.getHighCardinalityKeyValue(key);
	}

	/** Put the key values held as a whole into the context's map; called holding {@code held}'s lock. */
	private void toMap(Held held, boolean lowCardinality) {
		if (held.inMap) {
			return;
		}
		held.inMap = true;
		KeyValues whole = held.whole;
		held.whole = null;
		if (whole == null) {
			return;
		}
		for (KeyValue keyValue : whole) {
			if (lowCardinality) {
				super.addLowCardinalityKeyValue(keyValue);
			}
			else {
				super.addHighCardinalityKeyValue(keyValue);
			}
		}
	}

	private static @Nullable KeyValue find(KeyValues keyValues, String key) {
		for (KeyValue keyValue : keyValues) {
			if (keyValue.getKey().equals(key)) {
				return keyValue;
			}
		}
		return null;
	}

	/**
	 * Key values held as one {@link KeyValues} until a change of another kind puts them into the
	 * context's map; guarded by itself, {@link #whole} read without the lock.
	 */
	private static final class Held {

		/** The key values, while they are not in the map; {@code null} when there are none or they are. */
		volatile @Nullable KeyValues whole;

		boolean inMap;

		/**
		 * Take {@code keyValues} as the whole if there are none yet or they have the same keys as
		 * the whole (adding them would replace every value): return whether they were taken.
		 */
		boolean replaceWhole(KeyValues keyValues) {
			KeyValues whole = this.whole;
			if (whole == null || sameKeys(whole, keyValues)) {
				this.whole = keyValues;
				return true;
			}
			return false;
		}

		/** Both are sorted by key, without duplicate keys. */
		private static boolean sameKeys(KeyValues one, KeyValues other) {
			Iterator<KeyValue> others = other.iterator();
			for (KeyValue keyValue : one) {
				if (!others.hasNext() || !others.next().getKey().equals(keyValue.getKey())) {
					return false;
				}
			}
			return !others.hasNext();
		}

	}

}
