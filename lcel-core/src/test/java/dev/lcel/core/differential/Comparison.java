package dev.lcel.core.differential;

import java.util.List;

/**
 * The outcome of comparing one aspect of one case: the lines each side reported after normalising and
 * applying the listed departures, the diff, and the departures that applied.
 *
 * @param caseId the case
 * @param aspect the aspect
 * @param expected the reference's lines (LangChain Python's behaviour)
 * @param actual lcel's lines
 * @param departures the listed exceptions applied to either side
 * @param problem why lcel could not be compared at all (no Java twin, the twin threw), or {@code null}
 * @param staleDepartures the departures listed for the case that no longer change anything
 * @param agreesUnedited whether both sides agree with no departure applied to either
 */
record Comparison(String caseId, Aspect aspect, List<String> expected, List<String> actual, List<Departure> departures,
		String problem, List<String> staleDepartures, boolean agreesUnedited) {

	boolean agrees() {
		return this.problem == null && this.expected.equals(this.actual);
	}

	List<String> diff() {
		return LineDiff.of(this.expected, this.actual);
	}

	String failureMessage() {
		if (this.problem != null) {
			return this.caseId + " / " + this.aspect.id() + ": " + this.problem;
		}
		return this.caseId + " / " + this.aspect.id() + " differs from LangChain (- reference, + lcel):\n"
				+ String.join("\n", diff());
	}

}
