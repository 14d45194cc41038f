package dev.lcel.autoconfigure.chain;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problems a failed startup reports: those of the {@link InvalidChainDefinitionException} in
 * its causes, which the tests of a bad configuration assert on.
 */
public final class StartupProblems {

	private StartupProblems() {
	}

	/**
	 * Return the problems of a startup failure, asserting that it has them.
	 * @param failure the context's startup failure
	 * @return the problems, each starting with its property path
	 */
	public static List<String> of(Throwable failure) {
		assertThat(failure).isNotNull();
		Throwable cause = failure;
		while (!(cause instanceof InvalidChainDefinitionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(InvalidChainDefinitionException.class);
		return ((InvalidChainDefinitionException) cause).getProblems();
	}

}
