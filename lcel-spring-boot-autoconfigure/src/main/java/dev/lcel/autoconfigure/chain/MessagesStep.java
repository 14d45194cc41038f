package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.prompts.MessagesPlaceholder;
import dev.lcel.core.runnable.Runnable;

/**
 * The {@code messages} step: a chat prompt of role-to-template entries and placeholders for
 * variables that hold messages.
 */
final class MessagesStep extends StepKind {

	/** The keys of a chat prompt's entry; the JSON Schema of the grammar reads them too. */
	static final List<String> ROLES = List.of("system", "human", "ai", "placeholder", "optional-placeholder");

	MessagesStep() {
		super("messages", (step) -> !step.messages().isEmpty());
	}

	@Override
	Runnable<Object, Object> build(String stepPath, StepDefinition step, Steps steps) {
		String path = stepPath + ".messages";
		List<Map<String, String>> entries = step.messages();
		List<Object> parts = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Map<String, String> entry = entries.get(i);
			if (entry.size() != 1) {
				return steps.problems().invalid(path + "[" + i + "]", "an entry is one of system, human, ai (a template), "
						+ "placeholder or optional-placeholder (a variable holding messages), found " + entry.keySet());
			}
			Map.Entry<String, String> only = entry.entrySet().iterator().next();
			switch (only.getKey()) {
				case "placeholder" -> parts.add(MessagesPlaceholder.of(only.getValue()));
				case "optional-placeholder" -> parts.add(MessagesPlaceholder.optional(only.getValue()));
				case "system", "human", "ai" -> parts.add(Map.entry(only.getKey(), only.getValue()));
				default -> {
					return steps.problems().invalid(path + "[" + i + "]." + only.getKey(), "unknown role; roles: " + ROLES);
				}
			}
		}
		try {
			return Steps.erase(ChatPromptTemplate.fromMessages(parts));
		}
		catch (RuntimeException ex) {
			return steps.problems().invalid(path, ex.getMessage());
		}
	}

}
