package dev.lcel.autoconfigure.governance;

import java.util.List;

import dev.lcel.core.LcelException;

/**
 * Thrown at startup when {@code lcel.governance.rate-limits} or {@code lcel.governance.quotas} is
 * wrong; lists every problem, each with its property path and what is valid there.
 */
public class InvalidGovernanceConfigurationException extends LcelException {

	private final List<String> problems;

	/**
	 * Create an exception listing the given problems.
	 * @param problems each problem, starting with its property path
	 */
	public InvalidGovernanceConfigurationException(List<String> problems) {
		super("Invalid lcel.governance configuration:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return the problems found.
	 * @return each problem, starting with its property path
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
