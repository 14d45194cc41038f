package dev.lcel.autoconfigure.chain;

import java.util.List;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableBranch;

/**
 * The {@code branch} step: cases tried in order, each a {@link BranchCondition} and the steps
 * taken when it holds, and the steps taken when none holds.
 */
final class BranchStep extends StepKind {

	BranchStep() {
		super("branch", (step) -> step.branch() != null);
	}

	@Override
	Runnable<Object, Object> build(String stepPath, StepDefinition step, Steps steps) {
		String path = stepPath + ".branch";
		BranchDefinition branch = step.branch();
		Problems problems = steps.problems();
		int before = problems.count();
		if (branch.cases().isEmpty()) {
			problems.add(path + ".cases", "a branch needs at least one case");
		}
		if (branch.otherwise().isEmpty()) {
			problems.add(path + ".otherwise", "a branch needs the steps taken when no case holds");
		}
		RunnableBranch.Builder<Object, Object> builder = RunnableBranch.builder();
		for (int i = 0; i < branch.cases().size(); i++) {
			String casePath = path + ".cases[" + i + "]";
			BranchDefinition.Case branchCase = branch.cases().get(i);
			Runnable<Object, Boolean> condition = BranchCondition.of(casePath, branchCase, steps);
			builder.when(condition, outcome(casePath + ".then", branchCase.then(), steps));
		}
		Runnable<Object, Object> otherwise = branch.otherwise().isEmpty() ? null
				: outcome(path + ".otherwise", branch.otherwise(), steps);
		return (problems.count() > before) ? problems.standIn(path) : builder.otherwise(otherwise);
	}

	private static Runnable<Object, Object> outcome(String path, List<StepDefinition> outcome, Steps steps) {
		if (outcome.isEmpty()) {
			return steps.problems().invalid(path, "no steps; list the steps to take, as under 'steps'");
		}
		return steps.sequence(path, outcome);
	}

}
