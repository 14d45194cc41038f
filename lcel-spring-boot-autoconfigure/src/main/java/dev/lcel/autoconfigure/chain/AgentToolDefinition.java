package dev.lcel.autoconfigure.chain;

import org.jspecify.annotations.Nullable;

/**
 * One tool of an {@code agent} step: exactly one of {@code chain} and {@code bean}.
 *
 * @param chain A chain, by name, as a tool: its input schema is the tool's arguments.
 * @param bean A bean, by name, whose methods annotated with @Tool are tools.
 * @param name The tool's name, for a chain tool; the chain's name when unset.
 * @param description What the tool does, for a chain tool; the chain's description when unset.
 */
public record AgentToolDefinition(@Nullable String chain, @Nullable String bean, @Nullable String name,
		@Nullable String description) {
}
