package dev.lcel.core.governance.usage;

import dev.lcel.core.governance.cache.CachingChatModel;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.tracing.RunInfo;
import dev.lcel.core.tracing.RunType;
import org.jspecify.annotations.Nullable;

/**
 * The rule that says what one model call spent, for a {@link dev.lcel.core.tracing.CallbackHandler}
 * that counts tokens: the usage reported by a chat model run's answer, under the model's name at
 * its provider. {@link UsageCallbackHandler} sums it per run; metrics record it per chain.
 */
public final class ModelCallUsage {

	private ModelCallUsage() {
	}

	/**
	 * Return the tokens a finished run spent: the usage its answer reports, when it is a chat model
	 * run whose answer did not come from a response cache.
	 * @param run the run, as {@code onRunEnd} is given it
	 * @param output the run's output
	 * @return the usage, or {@code null} for a run that is not a model call or spent nothing known
	 */
	public static @Nullable UsageMetadata of(RunInfo run, @Nullable Object output) {
		if (run.runType() != RunType.CHAT_MODEL || !(output instanceof AIMessage message)
				|| CachingChatModel.HIT.equals(run.metadata().get(CachingChatModel.METADATA_KEY))) {
			return null;
		}
		return message.usageMetadata();
	}

	/**
	 * Return the name a model call's usage is counted under: the model's name at its provider
	 * ({@code ls_model_name}), or the run's name for a model that does not say it.
	 * @param run the model's run
	 * @return the model's name
	 */
	public static String model(RunInfo run) {
		return String.valueOf(run.metadata().getOrDefault("ls_model_name", run.name()));
	}

}
