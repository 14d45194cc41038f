package dev.lcel.core.runnable;

import java.util.Arrays;
import java.util.Optional;

/**
 * Names the step of a chain in which an exception was raised, without wrapping the exception.
 *
 * <p>A chain rethrows a step's exception as it was thrown, so callers can catch their own
 * exception types. To tell them where it happened, the innermost sequence or parallel that sees
 * the exception attaches a {@code FailedStep} to it as a suppressed exception (as Reactor's
 * checkpoints do), which also makes the step show in the stack trace. Read it back with
 * {@link #of(Throwable)}.
 */
public final class FailedStep extends RuntimeException {

	private final String stepName;

	private final int stepIndex;

	private FailedStep(String stepName, int stepIndex, String container) {
		super("failed in step " + stepIndex + " '" + stepName + "' of " + container, null, false, false);
		this.stepName = stepName;
		this.stepIndex = stepIndex;
	}

	/**
	 * Return the name of the runnable that failed.
	 * @return the step's name
	 */
	public String stepName() {
		return this.stepName;
	}

	/**
	 * Return the position of the failed step in its sequence, or of the branch in its parallel.
	 * @return the zero-based index
	 */
	public int stepIndex() {
		return this.stepIndex;
	}

	/**
	 * Return the innermost step recorded on an exception.
	 * @param error an exception that came out of a chain
	 * @return the step that raised it, or empty if no chain recorded one
	 */
	public static Optional<FailedStep> of(Throwable error) {
		return Arrays.stream(error.getSuppressed())
			.filter(FailedStep.class::isInstance)
			.map(FailedStep.class::cast)
			.findFirst();
	}

	static void record(Throwable error, String stepName, int stepIndex, String container) {
		if (of(error).isEmpty()) {
			error.addSuppressed(new FailedStep(stepName, stepIndex, container));
		}
	}

}
