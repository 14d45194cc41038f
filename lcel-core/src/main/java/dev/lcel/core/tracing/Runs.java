package dev.lcel.core.tracing;

import java.util.Objects;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.internal.RunCallbacks;
import org.jspecify.annotations.Nullable;

/**
 * What a run's work tells the handlers of its run while it works: {@link #dispatchCustomEvent}
 * reports progress inside a long lambda, as LangChain's {@code dispatch_custom_event};
 * {@link #addMetadata} adds what the work learns only as it goes (a cache hit) to the run's metadata.
 */
public final class Runs {

	private Runs() {
	}

	/**
	 * Tell the handlers of the current run about an event of the caller's own, such as progress
	 * inside a long lambda. Does nothing when nobody listens.
	 * @param name the event's name
	 * @param data the event's data
	 * @param config the config the calling runnable's work received ({@link RunManager#child()})
	 */
	public static void dispatchCustomEvent(String name, @Nullable Object data, RunnableConfig config) {
		Objects.requireNonNull(name, "name must not be null");
		if (!(config.callbacks() instanceof RunCallbacks callbacks) || callbacks.parent() == null) {
			return;
		}
		for (CallbackHandler handler : callbacks.handlers()) {
			handler.onCustomEvent(callbacks.parent(), name, data);
		}
	}

	/**
	 * Add an entry to the metadata of the current run, for what its work learns only as it goes
	 * (whether a model's answer came from a cache): the events and handler calls of that run from
	 * then on carry it, its start (already reported) does not. Does nothing when nobody listens.
	 * @param key the metadata key
	 * @param value the value
	 * @param config the config the calling runnable's work received ({@link RunManager#child()})
	 */
	public static void addMetadata(String key, Object value, RunnableConfig config) {
		Objects.requireNonNull(key, "key must not be null");
		if (config.callbacks() instanceof RunCallbacks callbacks && callbacks.parent() != null) {
			callbacks.parent().addMetadata(key, value);
		}
	}

}
