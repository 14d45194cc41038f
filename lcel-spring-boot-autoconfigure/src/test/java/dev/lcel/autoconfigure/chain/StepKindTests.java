package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.binding.PropertyNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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

	/** A step bound from properties that set one kind's key, as a chain's YAML sets it. */
	private static StepDefinition stepWith(String key) {
		Map<String, String> properties = switch (key) {
			case "prompt" -> Map.of("prompt", "about {topic}");
			case "messages" -> Map.of("messages[0].human", "{question}");
			case "model" -> Map.of("model", "gpt");
			case "parser" -> Map.of("parser", "str");
			case "chain" -> Map.of("chain", "joke");
			case "bean" -> Map.of("bean", "upper");
			case "parallel" -> Map.of("parallel.a.prompt", "about {topic}");
			case "passthrough" -> Map.of("passthrough", "true");
			case "assign" -> Map.of("assign.a.prompt", "about {topic}");
			case "pick" -> Map.of("pick[0]", "a");
			case "branch" -> Map.of("branch.otherwise[0].passthrough", "true");
			case "agent" -> Map.of("agent.model", "gpt");
			default -> throw new IllegalArgumentException("A kind this test does not know: " + key);
		};
		return new Binder(new MapConfigurationPropertySource(properties)).bind("", StepDefinition.class).get();
	}

}
