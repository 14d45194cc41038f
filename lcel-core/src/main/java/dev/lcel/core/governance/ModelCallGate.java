package dev.lcel.core.governance;

import java.util.List;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.ChatModel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Decides whether a model call may start, and learns what it spent when it ends: the shape that a
 * {@link RateLimiter} and a {@link TokenQuota} share. {@link #guard(ChatModel)} puts a gate around
 * every call of a model, streamed or invoked.
 */
public interface ModelCallGate {

	/**
	 * Admit one call: complete with an admission once the call may start (possibly after a
	 * non-blocking wait), or fail (typically with a {@link LimitExceededException}) to refuse it.
	 * Cancelling the returned publisher while it waits gives back what it reserved.
	 * @param messages the call's conversation
	 * @param config the config of the call's run (with the run's metadata)
	 * @return the admission, lazily
	 */
	Mono<Admission> admit(List<BaseMessage> messages, RunnableConfig config);

	/**
	 * Return a model that passes every call through this gate: a call starts once admitted, and
	 * its admission is released when the call completes, fails or is cancelled, with the usage the
	 * provider reported until then.
	 * @param model the model to guard
	 * @return the guarded model, with the same name, provider and model name
	 */
	default ChatModel guard(ChatModel model) {
		return new GatedChatModel(model, this);
	}

	/**
	 * A call's permission to run, released once when the call ends.
	 */
	@FunctionalInterface
	interface Admission {

		/**
		 * The call ended: record what it spent.
		 * @param usage the usage the provider reported, {@code null} if it reported none
		 * @return completes when recorded
		 */
		Mono<Void> release(@Nullable UsageMetadata usage);

	}

}
