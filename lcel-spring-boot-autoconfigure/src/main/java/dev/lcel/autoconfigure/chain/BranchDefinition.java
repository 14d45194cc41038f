package dev.lcel.autoconfigure.chain;

import java.util.List;

import dev.lcel.autoconfigure.binding.Unmodifiable;
import org.jspecify.annotations.Nullable;

/**
 * A {@code branch} step: cases tried in order, and the steps taken when no case holds. Each
 * outcome is a list of steps, run as a sequence.
 *
 * @param cases The cases, tried in order.
 * @param otherwise The steps taken when no case holds, run as a sequence.
 */
public record BranchDefinition(List<Case> cases, List<StepDefinition> otherwise) {

	/** Copy the lists. */
	public BranchDefinition {
		cases = Unmodifiable.list(cases);
		otherwise = Unmodifiable.list(otherwise);
	}

	/**
	 * One case of a branch: a condition and the step taken when it holds.
	 *
	 * @param when A SpEL expression over the input, available as #input, such as
	 * "#input['topic'] == 'cats'".
	 * @param predicate A Spring bean, by name, that is a java.util.function.Predicate of the input.
	 * @param then The steps taken when the condition holds, run as a sequence.
	 */
	public record Case(@Nullable String when, @Nullable String predicate, List<StepDefinition> then) {

		/** Copy the steps. */
		public Case {
			then = Unmodifiable.list(then);
		}

	}

}
