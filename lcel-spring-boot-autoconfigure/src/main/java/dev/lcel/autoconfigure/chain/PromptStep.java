package dev.lcel.autoconfigure.chain;

import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.Runnable;

/**
 * The {@code prompt} step: a template with {variables}, rendered as one human message.
 */
final class PromptStep extends StepKind {

	PromptStep() {
		super("prompt", (step) -> step.prompt() != null);
	}

	@Override
	Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		try {
			return Steps.erase(ChatPromptTemplate.fromTemplate(step.prompt()));
		}
		catch (RuntimeException ex) {
			return steps.problems().invalid(path + ".prompt", ex.getMessage());
		}
	}

}
