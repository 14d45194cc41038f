package dev.lcel.autoconfigure.chain;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidChainDefinitionException} into a startup report that lists every problem
 * with its property path.
 */
class InvalidChainDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<InvalidChainDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidChainDefinitionException cause) {
		StringBuilder description = new StringBuilder("The lcel configuration (lcel.models, lcel.chains) is invalid:\n");
		cause.getProblems().forEach((problem) -> description.append("\n    ").append(problem));
		return new FailureAnalysis(description.toString(),
				"Correct the properties named above. The whole grammar of lcel.models and lcel.chains is the JSON Schema "
						+ "META-INF/lcel/lcel-chains.schema.json in the lcel-spring-boot-autoconfigure jar: point your "
						+ "editor's YAML support at it to check application.yml as you type.", cause);
	}

}
