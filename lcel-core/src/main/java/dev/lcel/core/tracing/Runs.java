package dev.lcel.core.tracing;

import java.util.Objects;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.internal.RunCallbacks;
import org.jspecify.annotations.Nullable;

/**
 * Events of a user's own inside a run: {@link #dispatchCustomEvent} tells the handlers of the
 * current run about progress inside a long lambda, as LangChain's {@code dispatch_custom_event}.
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

}
