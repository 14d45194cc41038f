package dev.lcel.autoconfigure.openai;

import java.util.Map;

import dev.lcel.core.governance.usage.RunUsage;
import dev.lcel.core.messages.UsageMetadata;

/**
 * A run's token usage as a completion's {@code usage} object: the total of every model call of the
 * run ({@code prompt_tokens}, {@code completion_tokens}, {@code total_tokens}).
 */
final class OpenAiUsage {

	private OpenAiUsage() {
	}

	static Map<String, Object> of(RunUsage usage) {
		UsageMetadata total = usage.total();
		long prompt = total.inputTokens();
		long completion = total.outputTokens();
		return Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion);
	}

}
