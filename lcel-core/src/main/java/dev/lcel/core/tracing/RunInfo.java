package dev.lcel.core.tracing;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One run in a run tree: a single execution of one runnable, with its id, the ids of the runs
 * above it, its name and type, and the tags and metadata it inherited. Handed to every
 * {@link CallbackHandler} method.
 *
 * <p>Immutable but for metadata that the run's work adds as it learns it
 * ({@link Runs#addMetadata}). Two runs are equal only if they are the same run (same id).
 */
public final class RunInfo {

	private final UUID runId;

	private final List<UUID> parentIds;

	private final String name;

	private final RunType runType;

	private final List<String> tags;

	private volatile Map<String, Object> metadata;

	private final String operation;

	private final Instant startTime;

	/**
	 * Make the description of a run that starts now. The run protocol makes one for every run;
	 * public so that a handler can be tested with runs of its own.
	 * @param runId the run's id
	 * @param parentIds the ids of the runs above it, root first (empty for a root run)
	 * @param name the run's name
	 * @param runType the type of its runnable
	 * @param tags its tags
	 * @param metadata its metadata
	 * @param operation {@code invoke} or {@code stream}
	 */
	public RunInfo(UUID runId, List<UUID> parentIds, String name, RunType runType, List<String> tags,
			Map<String, Object> metadata, String operation) {
		this.runId = Objects.requireNonNull(runId, "runId must not be null");
		this.parentIds = parentIds;
		this.name = name;
		this.runType = runType;
		this.tags = tags;
		this.metadata = metadata;
		this.operation = operation;
		this.startTime = Instant.now();
	}

	/**
	 * Return the id of this run.
	 * @return the run id
	 */
	public UUID runId() {
		return this.runId;
	}

	/**
	 * Return the ids of the runs this run is nested in.
	 * @return the ids, root first; empty for a root run
	 */
	public List<UUID> parentIds() {
		return this.parentIds;
	}

	/**
	 * Return the id of the run directly above this one.
	 * @return the parent's id, or {@code null} for a root run
	 */
	public @Nullable UUID parentRunId() {
		return this.parentIds.isEmpty() ? null : this.parentIds.get(this.parentIds.size() - 1);
	}

	/**
	 * Return the name of this run: the config's run name, or the runnable's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the type of the runnable of this run.
	 * @return the type
	 */
	public RunType runType() {
		return this.runType;
	}

	/**
	 * Return the tags of this run, inherited from its config.
	 * @return the tags
	 */
	public List<String> tags() {
		return this.tags;
	}

	/**
	 * Return the metadata of this run, inherited from its config.
	 * @return the metadata
	 */
	public Map<String, Object> metadata() {
		return this.metadata;
	}

	/**
	 * Add an entry to this run's metadata, for what the run learns as it works (a cache hit): what
	 * handlers are told from then on carries it.
	 */
	synchronized void addMetadata(String key, Object value) {
		Map<String, Object> merged = new LinkedHashMap<>(this.metadata);
		merged.put(key, value);
		this.metadata = Collections.unmodifiableMap(merged);
	}

	/**
	 * Return how the run was started: {@code invoke} or {@code stream}.
	 * @return the operation
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Return when the run started.
	 * @return the start time
	 */
	public Instant startTime() {
		return this.startTime;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof RunInfo run) && run.runId.equals(this.runId);
	}

	@Override
	public int hashCode() {
		return this.runId.hashCode();
	}

	@Override
	public String toString() {
		return this.runType.wireName() + " run '" + this.name + "' " + this.runId;
	}

}
