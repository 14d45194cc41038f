package dev.lcel.core.governance.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.models.ChatOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The key of a chat model call in a response cache: the SHA-256, in hex, of the canonical JSON of
 * everything the provider is sent — the provider, the model, the messages, the tools and the
 * other options.
 *
 * <p>Canonical means that the order of keys in maps (options, tool schemas, tool-call arguments)
 * and the way numbers are written ({@code 0.5}, {@code 0.50}) do not change the key, while any
 * difference in what the provider would see does. A message's id, token usage and response
 * metadata are not sent to providers and are left out, so a conversation replayed from history
 * keys as it did the first time.
 */
public final class ResponseCacheKey {

	/** The version of the key's document; raising it retires every key written before. */
	private static final int VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final List<String> NOT_SENT = List.of("id", "usage_metadata", "response_metadata",
			"tool_call_chunks");

	private ResponseCacheKey() {
	}

	/**
	 * Return the key of a call.
	 * @param provider the provider's name, such as {@code openai}
	 * @param model the model's name at the provider
	 * @param messages the conversation
	 * @param options the call's options, tools included
	 * @return the key: 64 hex digits
	 */
	public static String of(String provider, String model, List<BaseMessage> messages, ChatOptions options) {
		Objects.requireNonNull(provider, "provider must not be null");
		Objects.requireNonNull(model, "model must not be null");
		Objects.requireNonNull(messages, "messages must not be null");
		Objects.requireNonNull(options, "options must not be null");
		return sha256(CanonicalJson.write(document(provider, model, messages, options)));
	}

	static ObjectNode document(String provider, String model, List<BaseMessage> messages, ChatOptions options) {
		ObjectNode document = JSON.createObjectNode();
		document.put("version", VERSION);
		document.put("provider", provider);
		document.put("model", model);
		ArrayNode sent = document.putArray("messages");
		for (BaseMessage message : messages) {
			JsonNode node = JSON.valueToTree(message);
			if (node instanceof ObjectNode object) {
				object.remove(NOT_SENT);
			}
			sent.add(node);
		}
		document.set("tools", JSON.valueToTree(options.tools()));
		ObjectNode parameters = document.putObject("options");
		parameters.set("temperature", JSON.valueToTree(options.temperature()));
		parameters.set("max_tokens", JSON.valueToTree(options.maxTokens()));
		parameters.set("stop", JSON.valueToTree(options.stop()));
		parameters.set("top_p", JSON.valueToTree(options.topP()));
		parameters.set("extra", JSON.valueToTree(options.extra()));
		return document;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
