package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code branch} step: cases tried in order, and the steps taken when no case holds. Each
 * outcome is a list of steps, run as a sequence.
 */
public class BranchDefinition {

	/** The cases, tried in order. */
	private List<Case> cases = new ArrayList<>();

	/** The steps taken when no case holds, run as a sequence. */
	private List<StepDefinition> otherwise = new ArrayList<>();

	public List<Case> getCases() {
		return this.cases;
	}

	public void setCases(List<Case> cases) {
		this.cases = cases;
	}

	public List<StepDefinition> getOtherwise() {
		return this.otherwise;
	}

	public void setOtherwise(List<StepDefinition> otherwise) {
		this.otherwise = otherwise;
	}

	/**
	 * One case of a branch: a condition and the step taken when it holds.
	 */
	public static class Case {

		/** A SpEL expression over the input, available as #input, such as "#input['topic'] == 'cats'". */
		private String when;

		/** A Spring bean, by name, that is a java.util.function.Predicate of the input. */
		private String predicate;

		/** The steps taken when the condition holds, run as a sequence. */
		private List<StepDefinition> then = new ArrayList<>();

		public String getWhen() {
			return this.when;
		}

		public void setWhen(String when) {
			this.when = when;
		}

		public String getPredicate() {
			return this.predicate;
		}

		public void setPredicate(String predicate) {
			this.predicate = predicate;
		}

		public List<StepDefinition> getThen() {
			return this.then;
		}

		public void setThen(List<StepDefinition> then) {
			this.then = then;
		}

	}

}
