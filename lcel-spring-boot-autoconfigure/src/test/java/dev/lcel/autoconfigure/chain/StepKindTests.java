package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.binding.PropertyNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step kinds are one list that matches the grammar: every key of a step is a kind or one of
 * the options any step (or a model step) may have, and each kind recognises only its own key.
 */
class StepKindTests {

	private static final List<String> OPTIONS = List.of("bind", "output", "retry", "fallbacks");

	@Test
	void everyKeyOfAStepIsAKindOrAnOption() {
		List<String> keys = new ArrayList<>(PropertyNode.of(StepDefinition.class).children().keySet());
		keys.removeAll(OPTIONS);

		assertThat(StepKind.keys()).containsExactlyElementsOf(keys);
	}

	@Test
	void aStepWithOneKindsKeyIsOfThatKindOnly() {
		for (StepKind kind : StepKind.ALL) {
			StepDefinition step = stepWith(kind.key());
			assertThat(StepKind.ALL.stream().filter((candidate) -> candidate.isIn(step)).map(StepKind::key))
				.as(kind.key())
				.containsExactly(kind.key());
		}
	}

	@Test
	void onlyAModelStepTakesAnOutput() {
		assertThat(StepKind.ALL.stream().filter(StepKind::takesOutput).map(StepKind::key)).containsExactly("model");
	}

	private static StepDefinition stepWith(String key) {
		StepDefinition step = new StepDefinition();
		switch (key) {
			case "prompt" -> step.setPrompt("about {topic}");
			case "messages" -> step.getMessages().add(Map.of("human", "{question}"));
			case "model" -> step.setModel(ModelChoice.valueOf("gpt"));
			case "parser" -> step.setParser("str");
			case "chain" -> step.setChain("joke");
			case "bean" -> step.setBean("upper");
			case "parallel" -> step.getParallel().put("a", new StepDefinition());
			case "passthrough" -> step.setPassthrough(true);
			case "assign" -> step.getAssign().put("a", new StepDefinition());
			case "pick" -> step.getPick().add("a");
			case "branch" -> step.setBranch(new BranchDefinition());
			case "agent" -> step.setAgent(new AgentDefinition());
			default -> throw new IllegalArgumentException("A kind this test does not know: " + key);
		}
		return step;
	}

}
