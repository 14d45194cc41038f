package dev.lcel.core.config;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.internal.RunCallbacks;
import org.jspecify.annotations.Nullable;

/**
 * The settings one call of a runnable runs with: tags, metadata, callbacks, a run name and id,
 * a concurrency limit, a recursion limit and per-call {@code configurable} values.
 *
 * <p>A runnable passes its config to the runnables it calls as {@link #forChild()}: tags, metadata,
 * callbacks, limits and {@code configurable} are inherited, while {@code runName} and
 * {@code runId} name only the run they were given to. {@link #merge(RunnableConfig)} layers one
 * config over another, as {@code withConfig} does.
 *
 * <p>Immutable; the collections it returns are unmodifiable.
 *
 * @param tags labels for this run and its children
 * @param metadata key-value data for this run and its children
 * @param callbacks handlers told about this run and its children; in the config a run gives its
 * children, a {@link RunCallbacks} that also names that run as their parent
 * @param runName the name of this run, or {@code null} for the runnable's own name
 * @param runId the id of this run, or {@code null} to have one generated
 * @param maxConcurrency the most parallel work this run may start at once, or {@code null} for the
 * default
 * @param recursionLimit how many more levels of dynamically returned runnables this run may call
 * @param configurable per-call values read by configurable runnables (a model name, a session id)
 */
public record RunnableConfig(List<String> tags, Map<String, Object> metadata, List<CallbackHandler> callbacks,
		@Nullable String runName, @Nullable UUID runId, @Nullable Integer maxConcurrency, int recursionLimit, Map<String, Object> configurable) {

	/** The recursion limit a config has unless told otherwise. */
	public static final int DEFAULT_RECURSION_LIMIT = 25;

	/** A config with nothing set. */
	public static final RunnableConfig EMPTY = new RunnableConfig(List.of(), Map.of(), List.of(), null, null, null,
			DEFAULT_RECURSION_LIMIT, Map.of());

	public RunnableConfig {
		tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
		metadata = unmodifiableCopy(metadata);
		callbacks = (callbacks instanceof RunCallbacks) ? callbacks
				: List.copyOf(Objects.requireNonNullElse(callbacks, List.of()));
		configurable = unmodifiableCopy(configurable);
		if (maxConcurrency != null && maxConcurrency < 1) {
			throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
		}
	}

	/**
	 * Return a builder for a config.
	 * @return a builder starting from {@link #EMPTY}
	 */
	public static Builder builder() {
		return new Builder(EMPTY);
	}

	/**
	 * Return a builder starting from this config.
	 * @return a builder with this config's values
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Return the config that a child run of this run gets: everything but the run name and id.
	 * @return the child's config
	 */
	public RunnableConfig forChild() {
		if (this.runName == null && this.runId == null) {
			return this;
		}
		return new RunnableConfig(this.tags, this.metadata, this.callbacks, null, null, this.maxConcurrency,
				this.recursionLimit, this.configurable);
	}

	/**
	 * Return the config of a child run with other callbacks: as {@link #forChild()}, with
	 * {@code callbacks} in place of this config's (LangChain's {@code patch_config(callbacks=...)}).
	 * @param callbacks the child's callbacks
	 * @return the child's config
	 */
	public RunnableConfig withCallbacks(List<CallbackHandler> callbacks) {
		return new RunnableConfig(this.tags, this.metadata, callbacks, null, null, this.maxConcurrency,
				this.recursionLimit, this.configurable);
	}

	/**
	 * Layer {@code override} over this config: tags and callbacks are joined (without duplicates;
	 * the run that callbacks name as the parent is kept),
	 * metadata and {@code configurable} merged with {@code override}'s values winning, and every
	 * other value taken from {@code override} where it is set.
	 * @param override the config whose values take precedence
	 * @return the merged config
	 */
	public RunnableConfig merge(RunnableConfig override) {
		Objects.requireNonNull(override, "override must not be null");
		if (override == EMPTY || override.isEmpty()) {
			return this;
		}
		if (this == EMPTY) {
			return override;
		}
		return new RunnableConfig(mergeTags(this.tags, override.tags), mergeMaps(this.metadata, override.metadata),
				RunCallbacks.join(this.callbacks, override.callbacks),
				(override.runName != null) ? override.runName : this.runName,
				(override.runId != null) ? override.runId : this.runId,
				(override.maxConcurrency != null) ? override.maxConcurrency : this.maxConcurrency,
				(override.recursionLimit != DEFAULT_RECURSION_LIMIT) ? override.recursionLimit : this.recursionLimit,
				mergeMaps(this.configurable, override.configurable));
	}

	/**
	 * Return a copy of this config with another run name.
	 * @param runName the run name
	 * @return the new config
	 */
	public RunnableConfig withRunName(@Nullable String runName) {
		return toBuilder().runName(runName).build();
	}

	/**
	 * Return a copy of this config with another recursion limit.
	 * @param recursionLimit the recursion limit
	 * @return the new config
	 */
	public RunnableConfig withRecursionLimit(int recursionLimit) {
		return toBuilder().recursionLimit(recursionLimit).build();
	}

	/** Whether this config sets nothing: {@code equals(EMPTY)}, without comparing collections. */
	private boolean isEmpty() {
		return this.tags.isEmpty() && this.metadata.isEmpty() && this.callbacks.isEmpty() && this.runName == null
				&& this.runId == null && this.maxConcurrency == null && this.recursionLimit == DEFAULT_RECURSION_LIMIT
				&& this.configurable.isEmpty();
	}

	private static List<String> mergeTags(List<String> base, List<String> override) {
		if (override.isEmpty()) {
			return base;
		}
		if (base.isEmpty()) {
			return override;
		}
		LinkedHashSet<String> merged = new LinkedHashSet<>(base);
		merged.addAll(override);
		return new ArrayList<>(merged);
	}

	private static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> override) {
		if (override.isEmpty()) {
			return base;
		}
		if (base.isEmpty()) {
			return override;
		}
		LinkedHashMap<String, Object> merged = new LinkedHashMap<>(base);
		merged.putAll(override);
		return new Frozen(merged);
	}

	private static Map<String, Object> unmodifiableCopy(@Nullable Map<String, Object> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		if (map instanceof Frozen) {
			// Already a copy that only configs hold: a child's or a merged config shares it.
			return map;
		}
		// LinkedHashMap keeps the caller's order; Map.copyOf would not, and rejects null values.
		return new Frozen(new LinkedHashMap<>(map));
	}

	/** The builder's own copy, handed over without copying it again. */
	private static Map<String, Object> frozen(Map<String, Object> copy) {
		return copy.isEmpty() ? Map.of() : new Frozen((LinkedHashMap<String, Object>) copy);
	}

	/**
	 * An unmodifiable map over a copy that no one else holds, so that configs made from configs
	 * ({@link #forChild()}, {@link #withCallbacks}, {@link #merge}) share it instead of copying it
	 * once more per run.
	 */
	private static final class Frozen extends AbstractMap<String, Object> {

		private final Map<String, Object> map;

		private final Map<String, Object> view;

		private Frozen(LinkedHashMap<String, Object> map) {
			this.map = map;
			this.view = Collections.unmodifiableMap(map);
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return this.view.entrySet();
		}

		@Override
		public int size() {
			return this.map.size();
		}

		@Override
		public boolean containsKey(Object key) {
			return this.map.containsKey(key);
		}

		@Override
		public @Nullable Object get(Object key) {
			return this.map.get(key);
		}

		@Override
		public Set<String> keySet() {
			return this.view.keySet();
		}

		@Override
		public Collection<Object> values() {
			return this.view.values();
		}

		@Override
		public void forEach(BiConsumer<? super String, ? super Object> action) {
			this.map.forEach(action);
		}

		// Every change refused, as Collections.unmodifiableMap refuses it (Map's defaults would not
		// always, such as a compute that changes nothing).

		@Override
		public Object put(String key, Object value) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void putAll(Map<? extends String, ?> map) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object remove(Object key) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void clear() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object putIfAbsent(String key, Object value) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean remove(Object key, Object value) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean replace(String key, Object oldValue, Object newValue) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object replace(String key, Object value) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object computeIfAbsent(String key, Function<? super String, ?> function) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> function) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object compute(String key, BiFunction<? super String, ? super @Nullable Object, ?> function) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> function) {
			throw new UnsupportedOperationException();
		}

	}

	/**
	 * Builds a {@link RunnableConfig}.
	 */
	public static final class Builder {

		// Copied on the first change only: a builder that sets a run id copies no collection, and
		// build() hands its copies to the config (the next change copies again).

		private List<String> tags;

		private boolean ownTags;

		private Map<String, Object> metadata;

		private boolean ownMetadata;

		private final List<CallbackHandler> inheritedCallbacks;

		private @Nullable List<CallbackHandler> callbacks;

		private @Nullable String runName;

		private @Nullable UUID runId;

		private @Nullable Integer maxConcurrency;

		private int recursionLimit;

		private Map<String, Object> configurable;

		private boolean ownConfigurable;

		private Builder(RunnableConfig from) {
			this.tags = from.tags;
			this.metadata = from.metadata;
			this.inheritedCallbacks = from.callbacks;
			this.runName = from.runName;
			this.runId = from.runId;
			this.maxConcurrency = from.maxConcurrency;
			this.recursionLimit = from.recursionLimit;
			this.configurable = from.configurable;
		}

		private List<String> tagsToChange() {
			if (!this.ownTags) {
				this.tags = new ArrayList<>(this.tags);
				this.ownTags = true;
			}
			return this.tags;
		}

		private Map<String, Object> metadataToChange() {
			if (!this.ownMetadata) {
				this.metadata = new LinkedHashMap<>(this.metadata);
				this.ownMetadata = true;
			}
			return this.metadata;
		}

		private Map<String, Object> configurableToChange() {
			if (!this.ownConfigurable) {
				this.configurable = new LinkedHashMap<>(this.configurable);
				this.ownConfigurable = true;
			}
			return this.configurable;
		}

		/**
		 * Add tags.
		 * @param tags the tags to add
		 * @return this builder
		 */
		public Builder tags(String... tags) {
			tagsToChange().addAll(List.of(tags));
			return this;
		}

		/**
		 * Add a metadata entry.
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public Builder metadata(String key, Object value) {
			metadataToChange().put(key, value);
			return this;
		}

		/**
		 * Add metadata entries.
		 * @param metadata the entries
		 * @return this builder
		 */
		public Builder metadata(Map<String, ?> metadata) {
			if (!metadata.isEmpty()) {
				metadataToChange().putAll(metadata);
			}
			return this;
		}

		/**
		 * Add callback handlers.
		 * @param callbacks the handlers
		 * @return this builder
		 */
		public Builder callbacks(CallbackHandler... callbacks) {
			if (this.callbacks == null) {
				this.callbacks = new ArrayList<>(callbacks.length);
			}
			for (CallbackHandler callback : callbacks) {
				this.callbacks.add(Objects.requireNonNull(callback, "callbacks must not contain null"));
			}
			return this;
		}

		/**
		 * Set the run name.
		 * @param runName the name, or {@code null} for the runnable's own
		 * @return this builder
		 */
		public Builder runName(@Nullable String runName) {
			this.runName = runName;
			return this;
		}

		/**
		 * Set the run id.
		 * @param runId the id, or {@code null} to have one generated
		 * @return this builder
		 */
		public Builder runId(@Nullable UUID runId) {
			this.runId = runId;
			return this;
		}

		/**
		 * Set the concurrency limit.
		 * @param maxConcurrency at least 1, or {@code null} for the default
		 * @return this builder
		 */
		public Builder maxConcurrency(@Nullable Integer maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
			return this;
		}

		/**
		 * Set the recursion limit.
		 * @param recursionLimit the limit
		 * @return this builder
		 */
		public Builder recursionLimit(int recursionLimit) {
			this.recursionLimit = recursionLimit;
			return this;
		}

		/**
		 * Add a configurable value.
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public Builder configurable(String key, Object value) {
			configurableToChange().put(key, value);
			return this;
		}

		/**
		 * Build the config.
		 * @return the config
		 */
		public RunnableConfig build() {
			if (this.ownTags) {
				this.tags = List.copyOf(this.tags);
				this.ownTags = false;
			}
			if (this.ownMetadata) {
				this.metadata = frozen(this.metadata);
				this.ownMetadata = false;
			}
			if (this.ownConfigurable) {
				this.configurable = frozen(this.configurable);
				this.ownConfigurable = false;
			}
			List<CallbackHandler> callbacks = this.inheritedCallbacks;
			if (this.callbacks != null) {
				// Joined to the inherited ones into a new list, so copied only when there are none.
				callbacks = RunCallbacks.join(callbacks,
						this.inheritedCallbacks.isEmpty() ? List.copyOf(this.callbacks) : this.callbacks);
			}
			return new RunnableConfig(this.tags, this.metadata, callbacks,
					this.runName, this.runId, this.maxConcurrency, this.recursionLimit, this.configurable);
		}

	}

}
