package dev.lcel.core.runnable;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.config.RunnableConfig;

/**
 * A step for tests that passes its input on unchanged and records the config of every call it
 * receives.
 */
final class ConfigSpy {

	/** The configs of the calls, in the order they arrived. */
	final List<RunnableConfig> seen = new CopyOnWriteArrayList<>();

	/** The step. */
	final Runnable<String, String> runnable = RunnableLambda.configAware((String s, RunnableConfig config) -> {
		this.seen.add(config);
		return s;
	});

	/** Return the config of the last call. */
	RunnableConfig last() {
		return this.seen.get(this.seen.size() - 1);
	}

}
