package dev.lcel.core.governance.usage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunInfo;
import dev.lcel.core.tracing.RunType;

/**
 * Adds up the token usage of every chat model call in the runs it is given to, per model
 * (LangChain's {@code UsageMetadataCallbackHandler}): pass a new one in a call's config, then read
 * {@link #usage()} once the call is done.
 *
 * <pre class="code">
 * UsageCallbackHandler usage = new UsageCallbackHandler();
 * chain.invoke(input, usage.addTo(RunnableConfig.EMPTY));
 * RunUsage spent = usage.usage();   // per model, and total()
 * </pre>
 *
 * <p>Every model call counts, in sequences, parallels, nested chains, retries and tool loops: the
 * usage its answer reports (see {@link ModelCallUsage}), under the model's name at its
 * provider ({@code ls_model_name}). A call that failed or was cancelled reports none. A call
 * answered from a response cache spent no tokens and counts none. Thread-safe: the branches of a
 * parallel end at the same time.
 */
public final class UsageCallbackHandler implements CallbackHandler {

	/** Sized for the one or two models a call usually has. */
	private final Map<String, UsageMetadata> models = new ConcurrentHashMap<>(2);

	@Override
	public void onRunEnd(RunInfo run, Object input, Object output) {
		UsageMetadata usage = ModelCallUsage.of(run, output);
		if (usage != null) {
			this.models.merge(ModelCallUsage.model(run), usage, UsageMetadata::add);
		}
	}

	@Override
	public boolean needsChunks() {
		return false;
	}

	/**
	 * Only a chat model's output is read (its token usage): the other runs of a call do not
	 * collect theirs for this handler.
	 */
	@Override
	public boolean needsInputsAndOutputs(RunInfo run) {
		return run.runType() == RunType.CHAT_MODEL;
	}

	/**
	 * Return the given config with this handler added to its callbacks, to hear the runs made with it.
	 * @param config the config of a call
	 * @return the config with this handler
	 */
	public RunnableConfig addTo(RunnableConfig config) {
		// As config.merge(a config with this handler) makes it, without building that config first.
		return config.toBuilder().callbacks(this).build();
	}

	/**
	 * Return the usage added up so far.
	 * @return the usage, per model
	 */
	public RunUsage usage() {
		return new RunUsage(this.models);
	}

}
