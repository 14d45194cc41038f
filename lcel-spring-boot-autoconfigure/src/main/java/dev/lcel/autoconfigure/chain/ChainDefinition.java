package dev.lcel.autoconfigure.chain;

import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;
import org.jspecify.annotations.Nullable;

/**
 * One chain of {@code lcel.chains}: a sequence of {@code steps}, or a {@code parallel} of named
 * steps, optionally with a conversation {@code history}.
 *
 * @param description What the chain does, shown in listings.
 * @param steps The steps of the chain, run one after another.
 * @param parallel Named steps run at once on the same input, producing a map by name.
 * @param history Run the chain as a turn of a conversation, keeping its messages by session id.
 */
public record ChainDefinition(@Nullable String description, List<StepDefinition> steps,
		Map<String, StepDefinition> parallel, @Nullable HistoryDefinition history) {

	/** Copy the steps, in their order. */
	public ChainDefinition {
		steps = Unmodifiable.list(steps);
		parallel = Unmodifiable.map(parallel);
	}

}
