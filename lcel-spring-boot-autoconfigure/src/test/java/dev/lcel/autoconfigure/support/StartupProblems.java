package dev.lcel.autoconfigure.support;

import java.util.List;

import dev.lcel.autoconfigure.chain.InvalidChainDefinitionException;

import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problems a context reports when the lcel configuration is invalid: it fails to start, and the
 * root of the failure is one {@link InvalidChainDefinitionException} that lists every problem.
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
		Throwable root = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
		assertThat(root).isInstanceOf(InvalidChainDefinitionException.class);
		return ((InvalidChainDefinitionException) root).getProblems();
	}

}
