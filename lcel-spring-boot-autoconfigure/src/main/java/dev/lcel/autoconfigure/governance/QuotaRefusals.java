package dev.lcel.autoconfigure.governance;

import dev.lcel.core.governance.QuotaExceededException;

/**
 * Learns each model call that a spent quota refused, to count it (metrics).
 */
@FunctionalInterface
interface QuotaRefusals {

	/**
	 * A call was refused.
	 * @param refused the refusal
	 */
	void refused(QuotaExceededException refused);

}
