package dev.lcel.core.runnable;

import dev.lcel.core.LcelException;
import dev.lcel.core.config.RunnableConfig;

/**
 * Thrown when runnables returned by lambdas nest deeper than the config's
 * {@link RunnableConfig#recursionLimit() recursionLimit}.
 */
public class RecursionLimitException extends LcelException {

	public RecursionLimitException(String runnableName) {
		super("Recursion limit reached in '" + runnableName + "': lambdas returned runnables more levels deep than "
				+ "RunnableConfig.recursionLimit allows (" + RunnableConfig.DEFAULT_RECURSION_LIMIT
				+ " by default). If the nesting is intended, raise the limit; otherwise look for a lambda that "
				+ "returns a runnable that leads back to itself.");
	}

}
