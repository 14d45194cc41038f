package dev.lcel.autoconfigure.chain;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code history} of a configured chain: the chain runs as a turn of a conversation whose
 * messages are kept in a store, by the session id each call gives in
 * {@code config.configurable.session_id}.
 *
 * @param store Where conversations are kept: memory (this instance only) or redis (shared by
 * instances).
 * @param inputKey The key of the input map that holds the new message; empty when the input is the
 * message itself.
 * @param historyKey The key under which the history is given to the chain, the variable of a
 * placeholder; empty to prepend it to the new message.
 * @param outputKey The key of the output map that holds the answer; empty when the output is the
 * answer itself.
 * @param sessionIdKey The key of config.configurable that holds the session id.
 * @param ttl How long a conversation is kept after its last message; empty to keep it for ever.
 * @param maxMessages The most messages kept per conversation, the oldest dropped first; 0 for no
 * limit.
 */
public record HistoryDefinition(@DefaultValue("memory") String store, @Nullable String inputKey,
		@Nullable String historyKey, @Nullable String outputKey, @DefaultValue("session_id") String sessionIdKey,
		@Nullable Duration ttl, int maxMessages) {
}
