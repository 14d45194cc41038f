package dev.lcel.autoconfigure.chain;

import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;
import dev.lcel.autoconfigure.model.RetryProperties;
import org.jspecify.annotations.Nullable;

/**
 * One step of a configured chain. Exactly one of the step kinds is set; {@code retry} and
 * {@code fallbacks} may accompany any of them.
 *
 * @param prompt A prompt template with {variables}, rendered as one human message.
 * @param messages A chat prompt: entries of role to template (system, human, ai), or placeholder /
 * optional-placeholder to a variable holding messages.
 * @param model A chat model by name under lcel.models (empty for the default model), or
 * alternatives chosen per call.
 * @param bind Arguments bound to the model for this step: temperature, max_tokens, stop, top_p.
 * @param output On a model step: answer with values of a Java type or a JSON Schema, streamed as
 * they fill in.
 * @param parser An output parser: str, json, or list.
 * @param chain Another chain, by name: a configured chain or a Runnable bean.
 * @param bean A Spring bean, by name, that is a Runnable or a java.util.function.Function.
 * @param parallel Named steps run at once on this step's input, producing a map by name.
 * @param passthrough Pass the input through unchanged.
 * @param assign Keys added to a map input, each computed by a step from that input.
 * @param pick Keys picked from a map input: the value for one key, a map for several.
 * @param branch Conditions tried in order, and the step taken when none holds.
 * @param agent A tool-calling loop: a model, the tools it may call, and the most model calls in
 * one run.
 * @param retry Retry the step when it fails.
 * @param fallbacks Steps tried in order when this step fails.
 */
public record StepDefinition(@Nullable String prompt, List<Map<String, String>> messages, @Nullable ModelChoice model,
		Map<String, Object> bind, @Nullable OutputDefinition output, @Nullable String parser, @Nullable String chain,
		@Nullable String bean, Map<String, StepDefinition> parallel, @Nullable Boolean passthrough,
		Map<String, StepDefinition> assign, List<String> pick, @Nullable BranchDefinition branch,
		@Nullable AgentDefinition agent, @Nullable RetryProperties retry, List<StepDefinition> fallbacks) {

	/** Copy the collections, in their order. */
	public StepDefinition {
		messages = Unmodifiable.list(messages);
		bind = Unmodifiable.map(bind);
		parallel = Unmodifiable.map(parallel);
		assign = Unmodifiable.map(assign);
		pick = Unmodifiable.list(pick);
		fallbacks = Unmodifiable.list(fallbacks);
	}

}
