package dev.lcel.core.tools;

import java.util.Objects;

import dev.lcel.core.messages.ToolMessage;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ToolCallApprover} decided about one tool call: run it, or refuse it with a reason
 * that the model is told in the call's {@link ToolMessage}.
 *
 * @param approved whether the call may run
 * @param reason why it was refused, or {@code null} when approved
 */
public record ToolCallDecision(boolean approved, @Nullable String reason) {

	private static final ToolCallDecision APPROVED = new ToolCallDecision(true, null);

	/**
	 * Create a decision, checking that a refusal has a reason.
	 * @param approved whether the call may run
	 * @param reason why it was refused, or {@code null} when approved
	 */
	public ToolCallDecision {
		if (!approved) {
			Objects.requireNonNull(reason, "a refusal needs a reason");
		}
	}

	/**
	 * Return the decision to run the call.
	 * @return an approval
	 */
	public static ToolCallDecision approve() {
		return APPROVED;
	}

	/**
	 * Return the decision not to run the call.
	 * @param reason why, as the model will read it
	 * @return a refusal
	 */
	public static ToolCallDecision refuse(String reason) {
		return new ToolCallDecision(false, reason);
	}

}
