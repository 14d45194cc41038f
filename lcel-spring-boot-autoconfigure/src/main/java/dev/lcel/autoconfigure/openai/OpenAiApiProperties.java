package dev.lcel.autoconfigure.openai;

import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenAI-compatible routes that serve chains as chat models, under {@code lcel.openai-api}:
 * {@code GET BASE-PATH/models} and {@code POST BASE-PATH/chat/completions}.
 *
 * @param enabled Whether to serve chains in OpenAI's chat completions protocol.
 * @param basePath The path under which the routes are served: BASE-PATH/models and
 * BASE-PATH/chat/completions.
 * @param sessionHeader The request header whose value is the conversation's session id; the
 * request's user field is used when it is absent.
 * @param sessionKey The key of config.configurable that receives the session id (what a chain's
 * history reads).
 * @param userKey The key of config.configurable that receives the request's user field.
 * @param maxMessages The most messages one request may carry; more are refused with 400.
 * @param chains Chains served as chat models, by the model id clients send: each says how the
 * messages become its input.
 */
@ConfigurationProperties("lcel.openai-api")
public record OpenAiApiProperties(boolean enabled, @DefaultValue("/v1") String basePath,
		@DefaultValue("X-Session-Id") String sessionHeader, @DefaultValue("session_id") String sessionKey,
		@DefaultValue("user") String userKey, @DefaultValue("1000") int maxMessages,
		@DefaultValue Map<String, ChatChainProperties> chains) {

	/**
	 * Create the properties, keeping an unmodifiable copy of the chains, in their order.
	 */
	public OpenAiApiProperties {
		chains = Unmodifiable.map(chains);
	}

	/**
	 * How one chain is served as a chat model.
	 *
	 * @param enabled Whether the chain is served; false hides a chain that would be recognised by
	 * its input.
	 * @param chain The chain to run, by name; the model id when not set.
	 * @param inputKey The key of the chain's input map that receives the text of the last user
	 * message (the chain keeps its own history).
	 * @param messagesKey The key of the chain's input map that receives the whole conversation as
	 * messages.
	 * @param inputs The other keys of the chain's input map, with the values they always have.
	 * @param options Request parameters (temperature, max_tokens, stop, top_p), each to the key of
	 * config.configurable that sets it; found from the chain's configurable model fields when not
	 * set.
	 */
	public record ChatChainProperties(@DefaultValue("true") boolean enabled, @Nullable String chain,
			@Nullable String inputKey, @Nullable String messagesKey, @DefaultValue Map<String, Object> inputs,
			@DefaultValue Map<String, String> options) {

		/**
		 * Create a chain's settings, keeping unmodifiable copies of the maps, in their order.
		 */
		public ChatChainProperties {
			inputs = Unmodifiable.map(inputs);
			options = Unmodifiable.map(options);
		}

	}

}
