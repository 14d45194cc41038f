package dev.lcel.autoconfigure.support;

import java.util.List;

import dev.lcel.autoconfigure.chain.InvalidChainDefinitionException;

import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problems a context reports when the lcel configuration is invalid: it fails to start, and one
 * {@link InvalidChainDefinitionException} among the failure's causes lists every problem.
 */
public final class StartupProblems {

	private StartupProblems() {
	}

	/**
	 * Assert that the context failed on an invalid lcel configuration and return its problems.
	 * @param context the context a runner started
	 * @return the problems, each naming a property path
	 */
	public static List<String> of(ApplicationContextAssertProvider<?> context) {
		assertThat(context).hasFailed();
		return of(context.getStartupFailure());
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
