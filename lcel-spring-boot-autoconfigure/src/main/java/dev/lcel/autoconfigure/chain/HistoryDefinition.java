package dev.lcel.autoconfigure.chain;

import java.time.Duration;

/**
 * The {@code history} of a configured chain: the chain runs as a turn of a conversation whose
 * messages are kept in a store, by the session id each call gives in
 * {@code config.configurable.session_id}.
 */
public class HistoryDefinition {

	/** Where conversations are kept: memory (this instance only) or redis (shared by instances). */
	private String store = "memory";

	/** The key of the input map that holds the new message; empty when the input is the message itself. */
	private String inputKey;

	/** The key under which the history is given to the chain, the variable of a placeholder; empty to prepend it to the new message. */
	private String historyKey;

	/** The key of the output map that holds the answer; empty when the output is the answer itself. */
	private String outputKey;

	/** The key of config.configurable that holds the session id. */
	private String sessionIdKey = "session_id";

	/** How long a conversation is kept after its last message; empty to keep it for ever. */
	private Duration ttl;

	/** The most messages kept per conversation, the oldest dropped first; 0 for no limit. */
	private int maxMessages;

	public String getStore() {
		return this.store;
	}

	public void setStore(String store) {
		this.store = store;
	}

	public String getInputKey() {
		return this.inputKey;
	}

	public void setInputKey(String inputKey) {
		this.inputKey = inputKey;
	}

	public String getHistoryKey() {
		return this.historyKey;
	}

	public void setHistoryKey(String historyKey) {
		this.historyKey = historyKey;
	}

	public String getOutputKey() {
		return this.outputKey;
	}

	public void setOutputKey(String outputKey) {
		this.outputKey = outputKey;
	}

	public String getSessionIdKey() {
		return this.sessionIdKey;
	}

	public void setSessionIdKey(String sessionIdKey) {
		this.sessionIdKey = sessionIdKey;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	public int getMaxMessages() {
		return this.maxMessages;
	}

	public void setMaxMessages(int maxMessages) {
		this.maxMessages = maxMessages;
	}

}
