package dev.lcel.core.tracing;

import java.util.Iterator;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

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
 * both read the same instance. Handlers on other threads may change and read them, as with any
 * context: changes take this context's lock, reads of the whole take none.
 */
public class RunObservationContext extends Observation.Context {

	private static final String RUN_ID = RunObservationDocumentation.HighCardinalityKeyNames.RUN_ID.asString();

	private final RunInfo run;

	private boolean cancelled;

	private @Nullable KeyValues runIdKeyValues;

	// The key values held as a whole while they are not in the context's map ({@code null} when there
	// are none, or once they are); guarded by this context, the wholes also read without the lock.

	private volatile @Nullable KeyValues lowWhole;

	private boolean lowInMap;

	private volatile @Nullable KeyValues highWhole;

	private boolean highInMap;

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
			keys = KeyValues.of(RUN_ID, this.run.runId().toString());
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
		synchronized (this) {
			lowToMap();
			return super.addLowCardinalityKeyValue(keyValue);
		}
	}

	@Override
	public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
		if (keyValues == this.lowWhole) {
			return this;
		}
		synchronized (this) {
			if (!this.lowInMap && takes(this.lowWhole, keyValues)) {
				this.lowWhole = keyValues;
				return this;
			}
		}
		// One by one, through addLowCardinalityKeyValue: into the map.
		return super.addLowCardinalityKeyValues(keyValues);
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValue(String keyName) {
		synchronized (this) {
			lowToMap();
			return super.removeLowCardinalityKeyValue(keyName);
		}
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
		synchronized (this) {
			lowToMap();
			return super.removeLowCardinalityKeyValues(keyNames);
		}
	}

	@Override
	public KeyValues getLowCardinalityKeyValues() {
		KeyValues whole = this.lowWhole;
		if (whole != null) {
			return whole;
		}
		synchronized (this) {
			if (!this.lowInMap) {
				return (this.lowWhole != null) ? this.lowWhole : KeyValues.empty();
			}
		}
		return super.getLowCardinalityKeyValues();
	}

	@Override
	public @Nullable KeyValue getLowCardinalityKeyValue(String key) {
		KeyValues whole = this.lowWhole;
		return (whole != null) ? find(whole, key) : super.getLowCardinalityKeyValue(key);
	}

	@Override
	public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
		synchronized (this) {
			highToMap();
			return super.addHighCardinalityKeyValue(keyValue);
		}
	}

	@Override
	public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
		if (keyValues == this.highWhole) {
			return this;
		}
		synchronized (this) {
			if (!this.highInMap && takes(this.highWhole, keyValues)) {
				this.highWhole = keyValues;
				return this;
			}
		}
		return super.addHighCardinalityKeyValues(keyValues);
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValue(String keyName) {
		synchronized (this) {
			highToMap();
			return super.removeHighCardinalityKeyValue(keyName);
		}
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
		synchronized (this) {
			highToMap();
			return super.removeHighCardinalityKeyValues(keyNames);
		}
	}

	@Override
	public KeyValues getHighCardinalityKeyValues() {
		KeyValues whole = this.highWhole;
		if (whole != null) {
			return whole;
		}
		synchronized (this) {
			if (!this.highInMap) {
				return (this.highWhole != null) ? this.highWhole : KeyValues.empty();
			}
		}
		return super.getHighCardinalityKeyValues();
	}

	@Override
	public @Nullable KeyValue getHighCardinalityKeyValue(String key) {
		KeyValues whole = this.highWhole;
		return (whole != null) ? find(whole, key) : super.getHighCardinalityKeyValue(key);
	}

	/** Put the low-cardinality key values held as a whole into the context's map; holding the lock. */
	private void lowToMap() {
		if (!this.lowInMap) {
			this.lowInMap = true;
			KeyValues whole = this.lowWhole;
			this.lowWhole = null;
			if (whole != null) {
				for (KeyValue keyValue : whole) {
					super.addLowCardinalityKeyValue(keyValue);
				}
			}
		}
	}

	private void highToMap() {
		if (!this.highInMap) {
			this.highInMap = true;
			KeyValues whole = this.highWhole;
			this.highWhole = null;
			if (whole != null) {
				for (KeyValue keyValue : whole) {
					super.addHighCardinalityKeyValue(keyValue);
				}
			}
		}
	}

	/**
	 * Whether {@code keyValues} can replace the whole: there is none yet, or it has the same keys
	 * (adding them would replace every value).
	 */
	private static boolean takes(@Nullable KeyValues whole, KeyValues keyValues) {
		if (whole == null) {
			return true;
		}
		// Both are sorted by key, without duplicate keys.
		Iterator<KeyValue> others = keyValues.iterator();
		for (KeyValue keyValue : whole) {
			if (!others.hasNext() || !others.next().getKey().equals(keyValue.getKey())) {
				return false;
			}
		}
		return !others.hasNext();
	}

	private static @Nullable KeyValue find(KeyValues keyValues, String key) {
		for (KeyValue keyValue : keyValues) {
			if (keyValue.getKey().equals(key)) {
				return keyValue;
			}
		}
		return null;
	}

}
