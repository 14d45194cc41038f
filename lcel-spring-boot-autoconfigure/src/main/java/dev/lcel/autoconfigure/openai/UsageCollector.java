package dev.lcel.autoconfigure.openai;

import java.util.concurrent.atomic.AtomicLong;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunInfo;
import dev.lcel.core.tracing.RunType;

/**
 * Adds up the token usage of every chat model run of one request, in the request's config: what a
 * completion's {@code usage} reports. Thread-safe, since a chain's branches may call models at
 * the same time.
 */
final class UsageCollector implements CallbackHandler {

	private final AtomicLong promptTokens = new AtomicLong();

	private final AtomicLong completionTokens = new AtomicLong();

	@Override
	public void onRunEnd(RunInfo run, Object input, Object output) {
		if (run.runType() == RunType.CHAT_MODEL && output instanceof AIMessage message
				&& message.usageMetadata() != null) {
			this.promptTokens.addAndGet(message.usageMetadata().inputTokens());
			this.completionTokens.addAndGet(message.usageMetadata().outputTokens());
		}
	}

	@Override
	public boolean needsChunks() {
		return false;
	}

	/** The usage so far, as OpenAI's {@code usage} object. */
	java.util.Map<String, Object> usage() {
		long prompt = this.promptTokens.get();
		long completion = this.completionTokens.get();
		return java.util.Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens",
				prompt + completion);
	}

}
