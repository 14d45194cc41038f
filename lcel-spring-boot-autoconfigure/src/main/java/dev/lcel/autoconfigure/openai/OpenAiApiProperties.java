package dev.lcel.autoconfigure.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenAI-compatible routes that serve chains as chat models, under {@code lcel.openai-api}:
 * {@code GET BASE-PATH/models} and {@code POST BASE-PATH/chat/completions}.
 */
@ConfigurationProperties("lcel.openai-api")
public class OpenAiApiProperties {

	/** Whether to serve chains in OpenAI's chat completions protocol. */
	private boolean enabled = false;

	/** The path under which the routes are served: BASE-PATH/models and BASE-PATH/chat/completions. */
	private String basePath = "/v1";

	/** The request header whose value is the conversation's session id; the request's user field is used when it is absent. */
	private String sessionHeader = "X-Session-Id";

	/** The key of config.configurable that receives the session id (what a chain's history reads). */
	private String sessionKey = "session_id";

	/** The key of config.configurable that receives the request's user field. */
	private String userKey = "user";

	/** The most messages one request may carry; more are refused with 400. */
	private int maxMessages = 1000;

	/** Chains served as chat models, by the model id clients send: each says how the messages become its input. */
	private Map<String, ChatChainProperties> chains = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public String getSessionHeader() {
		return this.sessionHeader;
	}

	public void setSessionHeader(String sessionHeader) {
		this.sessionHeader = sessionHeader;
	}

	public String getSessionKey() {
		return this.sessionKey;
	}

	public void setSessionKey(String sessionKey) {
		this.sessionKey = sessionKey;
	}

	public String getUserKey() {
		return this.userKey;
	}

	public void setUserKey(String userKey) {
		this.userKey = userKey;
	}

	public int getMaxMessages() {
		return this.maxMessages;
	}

	public void setMaxMessages(int maxMessages) {
		this.maxMessages = maxMessages;
	}

	public Map<String, ChatChainProperties> getChains() {
		return this.chains;
	}

	public void setChains(Map<String, ChatChainProperties> chains) {
		this.chains = chains;
	}

	/**
	 * How one chain is served as a chat model.
	 */
	public static class ChatChainProperties {

		/** Whether the chain is served; false hides a chain that would be recognised by its input. */
		private boolean enabled = true;

		/** The chain to run, by name; the model id when not set. */
		private String chain;

		/** The key of the chain's input map that receives the text of the last user message (the chain keeps its own history). */
		private String inputKey;

		/** The key of the chain's input map that receives the whole conversation as messages. */
		private String messagesKey;

		/** The other keys of the chain's input map, with the values they always have. */
		private Map<String, Object> inputs = new LinkedHashMap<>();

		/** Request parameters (temperature, max_tokens, stop, top_p), each to the key of config.configurable that sets it; found from the chain's configurable model fields when not set. */
		private Map<String, String> options = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getChain() {
			return this.chain;
		}

		public void setChain(String chain) {
			this.chain = chain;
		}

		public String getInputKey() {
			return this.inputKey;
		}

		public void setInputKey(String inputKey) {
			this.inputKey = inputKey;
		}

		public String getMessagesKey() {
			return this.messagesKey;
		}

		public void setMessagesKey(String messagesKey) {
			this.messagesKey = messagesKey;
		}

		public Map<String, Object> getInputs() {
			return this.inputs;
		}

		public void setInputs(Map<String, Object> inputs) {
			this.inputs = inputs;
		}

		public Map<String, String> getOptions() {
			return this.options;
		}

		public void setOptions(Map<String, String> options) {
			this.options = options;
		}

	}

}
