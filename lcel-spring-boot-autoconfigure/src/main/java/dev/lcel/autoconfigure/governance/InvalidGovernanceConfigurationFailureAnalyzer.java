package dev.lcel.autoconfigure.governance;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidGovernanceConfigurationException} into a startup report that lists every
 * problem with its property path.
 */
class InvalidGovernanceConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidGovernanceConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidGovernanceConfigurationException cause) {
		StringBuilder description = new StringBuilder(
				"The lcel configuration of rate limits and quotas (lcel.governance) is invalid:\n");
		cause.getProblems().forEach((problem) -> description.append("\n    ").append(problem));
		return new FailureAnalysis(description.toString(),
				"Correct the properties named above; docs/governance.md describes each of them.", cause);
	}

}
