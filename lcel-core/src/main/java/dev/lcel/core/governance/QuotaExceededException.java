package dev.lcel.core.governance;

import java.time.Duration;

/**
 * A caller's token quota for the current window is spent: its runs may call models again when the
 * next window starts, {@link #retryAfter()} from now. The exception never names the caller's key.
 */
public class QuotaExceededException extends LimitExceededException {

	private final long tokensPerWindow;

	/**
	 * Create an exception.
	 * @param limit the name of the quota, such as {@code quotas.tokens-per-window}
	 * @param tokensPerWindow the quota's size
	 * @param window the quota's window
	 * @param retryAfter how long until the next window
	 */
	public QuotaExceededException(String limit, long tokensPerWindow, Duration window, Duration retryAfter) {
		super("The token quota of " + tokensPerWindow + " tokens per " + window + " for this caller is spent; "
				+ "it renews in " + retryAfter.toSeconds() + " s", limit, retryAfter);
		this.tokensPerWindow = tokensPerWindow;
	}

	/**
	 * Return the size of the quota that is spent.
	 * @return the tokens per window
	 */
	public long tokensPerWindow() {
		return this.tokensPerWindow;
	}

}
