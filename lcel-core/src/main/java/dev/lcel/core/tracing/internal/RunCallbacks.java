package dev.lcel.core.tracing.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunInfo;
import org.jspecify.annotations.Nullable;

/**
 * The callbacks a run hands its children: the handlers that hear the run, the run itself as the
 * children's parent, and a tag for the child run only (such as {@code seq:step:2}), as LangChain's
 * child callback manager carries them. It is what {@link dev.lcel.core.tracing.RunManager#child(String)} puts in
 * {@link dev.lcel.core.config.RunnableConfig#callbacks()}; as a list it holds just the handlers.
 *
 * <p>Immutable. Internal: public only so that {@code dev.lcel.core.config} and
 * {@link dev.lcel.core.tracing.Runs} can reach it; not an API.
 */
public final class RunCallbacks extends AbstractList<CallbackHandler> implements RandomAccess {

	private final List<CallbackHandler> handlers;

	private final @Nullable RunInfo parent;

	private final @Nullable String childTag;

	RunCallbacks(List<CallbackHandler> handlers, @Nullable RunInfo parent, @Nullable String childTag) {
		this.handlers = handlers;
		this.parent = parent;
		this.childTag = childTag;
	}

	/**
	 * Return the callbacks of {@code callbacks} with more handlers, inherited by every run below:
	 * the parent run is kept when {@code callbacks} is a {@link RunCallbacks}.
	 * @param callbacks the callbacks to add to
	 * @param more the handlers to add
	 * @return the joined callbacks, without duplicate handlers
	 */
	public static List<CallbackHandler> join(List<CallbackHandler> callbacks, List<CallbackHandler> more) {
		if (more.isEmpty()) {
			return callbacks;
		}
		if (callbacks.isEmpty() && !(more instanceof RunCallbacks)) {
			return more;
		}
		List<CallbackHandler> handlers = distinct(callbacks, more);
		if (more instanceof RunCallbacks run) {
			return new RunCallbacks(handlers, run.parent, run.childTag);
		}
		if (callbacks instanceof RunCallbacks run) {
			return new RunCallbacks(handlers, run.parent, run.childTag);
		}
		return handlers;
	}

	/**
	 * The handlers of both lists, each once, in order: a config's handlers are a few, so a search
	 * of the array costs less than a set.
	 */
	private static List<CallbackHandler> distinct(List<CallbackHandler> callbacks, List<CallbackHandler> more) {
		CallbackHandler[] all = new CallbackHandler[callbacks.size() + more.size()];
		int count = add(callbacks, all, 0);
		count = add(more, all, count);
		return List.of((count == all.length) ? all : Arrays.copyOf(all, count));
	}

	private static int add(List<CallbackHandler> handlers, CallbackHandler[] all, int count) {
		for (CallbackHandler handler : handlers) {
			if (!contains(all, count, handler)) {
				all[count++] = handler;
			}
		}
		return count;
	}

	private static boolean contains(CallbackHandler[] handlers, int count, CallbackHandler handler) {
		for (int i = 0; i < count; i++) {
			if (handlers[i].equals(handler)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the run that runs receiving these callbacks are children of.
	 * @return the parent run, or {@code null} at the root
	 */
	public @Nullable RunInfo parent() {
		return this.parent;
	}

	/**
	 * Return the tag of the child run only, or {@code null}.
	 */
	@Nullable String childTag() {
		return this.childTag;
	}

	/**
	 * Return the handlers, without the parent and tag.
	 * @return the handlers
	 */
	public List<CallbackHandler> handlers() {
		return this.handlers;
	}

	@Override
	public CallbackHandler get(int index) {
		return this.handlers.get(index);
	}

	@Override
	public int size() {
		return this.handlers.size();
	}

}
