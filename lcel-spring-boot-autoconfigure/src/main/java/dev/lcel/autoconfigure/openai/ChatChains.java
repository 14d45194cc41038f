package dev.lcel.autoconfigure.openai;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.chain.InvalidChainDefinitionException;
import dev.lcel.core.runnable.Runnable;
import tools.jackson.databind.JsonNode;

/**
 * The chains that act as chat models, by model id: those configured under
 * {@code lcel.openai-api.chains}, and every other served chain whose input is recognised as a
 * conversation (a list of messages, or a map whose only required key is {@code messages}).
 * Configuration mistakes fail at startup, each named by its property path.
 */
public final class ChatChains {

	private static final String PREFIX = "lcel.openai-api.chains.";

	private final Map<String, ChatChain> chains;

	private final Map<String, Map<String, String>> options = new ConcurrentHashMap<>();

	/**
	 * Find the chat chains among the registry's chains.
	 * @param registry the application's chains
	 * @param properties the configured chat chains
	 * @param served whether a chain of the given name is served over HTTP at all
	 * @throws InvalidChainDefinitionException naming every configuration problem
	 */
	ChatChains(ChainRegistry registry, OpenAiApiProperties properties, Predicate<String> served) {
		List<String> problems = new ArrayList<>();
		Map<String, ChatChain> found = new LinkedHashMap<>();
		Set<String> configuredChains = new HashSet<>();
		properties.chains().forEach((id, chain) -> {
			String name = (chain.chain() != null && !chain.chain().isBlank()) ? chain.chain() : id;
			configuredChains.add(name);
			if (!chain.enabled()) {
				return;
			}
			ChatChain resolved = configured(registry, id, name, chain, problems);
			if (resolved != null) {
				found.put(id, resolved);
			}
		});
		registry.getChains().forEach((name, chain) -> {
			if (!configuredChains.contains(name) && !found.containsKey(name) && served.test(name)) {
				ChatInput input = recognise(chain, Map.of());
				if (input != null) {
					found.put(name, new ChatChain(name, cast(chain), input, null));
				}
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidChainDefinitionException(problems);
		}
		this.chains = Collections.unmodifiableMap(found);
	}

	/**
	 * Return the chat chain of a model id.
	 * @param id the model id a client sent
	 * @return the chain, or empty
	 */
	Optional<ChatChain> find(String id) {
		return Optional.ofNullable(this.chains.get(id));
	}

	/**
	 * Return every chat chain, in the order listed.
	 * @return the chains
	 */
	Collection<ChatChain> all() {
		return this.chains.values();
	}

	/**
	 * Return the model ids there are.
	 * @return the ids
	 */
	public Set<String> ids() {
		return this.chains.keySet();
	}

	/**
	 * Return the request parameters a chain accepts, found once per chain.
	 * @param chain the chain
	 * @return the parameters, each to its {@code configurable} key
	 */
	Map<String, String> options(ChatChain chain) {
		return this.options.computeIfAbsent(chain.id(), (id) -> chain.acceptedOptions());
	}

	private static ChatChain configured(ChainRegistry registry, String id, String name,
			OpenAiApiProperties.ChatChainProperties chain, List<String> problems) {
		String path = PREFIX + id;
		Runnable<?, ?> runnable = registry.find(name).orElse(null);
		if (runnable == null) {
			problems.add(path + ".chain: no chain named '" + name + "'; the chains are " + registry.getChains().keySet());
			return null;
		}
		Map<String, String> options = null;
		if (!chain.options().isEmpty()) {
			for (String parameter : chain.options().keySet()) {
				if (!ChatChain.PARAMETERS.contains(parameter)) {
					problems.add(path + ".options." + parameter + ": not a request parameter; the parameters are "
							+ new java.util.TreeSet<>(ChatChain.PARAMETERS));
				}
			}
			options = Map.copyOf(chain.options());
		}
		boolean inputKey = chain.inputKey() != null && !chain.inputKey().isBlank();
		boolean messagesKey = chain.messagesKey() != null && !chain.messagesKey().isBlank();
		if (inputKey && messagesKey) {
			problems.add(path + ": either input-key or messages-key, not both");
			return null;
		}
		Map<String, Object> inputs = Map.copyOf(chain.inputs());
		ChatInput input;
		if (inputKey) {
			input = new ChatInput.LastUserMessage(chain.inputKey(), inputs);
		}
		else if (messagesKey) {
			input = new ChatInput.MessagesKey(chain.messagesKey(), inputs);
		}
		else {
			input = recognise(runnable, inputs);
			if (input == null) {
				problems.add(path + ": chain '" + name + "' takes neither a list of messages nor a map with a 'messages' "
						+ "key whose other required keys are in inputs; set input-key (the key that receives the last "
						+ "user message) or messages-key");
				return null;
			}
		}
		return new ChatChain(id, cast(runnable), input, options);
	}

	/**
	 * Recognise a conversation from a chain's input schema: a list of messages (or a union with
	 * one), or an object with a {@code messages} property whose other required properties the
	 * fixed inputs fill.
	 */
	static ChatInput recognise(Runnable<?, ?> chain, Map<String, Object> inputs) {
		JsonNode schema;
		try {
			schema = chain.inputSchema();
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (isArray(schema)) {
			return inputs.isEmpty() ? new ChatInput.Messages() : null;
		}
		JsonNode properties = schema.path("properties");
		if ("object".equals(schema.path("type").asString(null)) && properties.has("messages")
				&& isArray(properties.get("messages"))) {
			for (JsonNode required : schema.path("required")) {
				if (!"messages".equals(required.asString()) && !inputs.containsKey(required.asString())) {
					return null;
				}
			}
			return new ChatInput.MessagesKey("messages", inputs);
		}
		return null;
	}

	private static boolean isArray(JsonNode schema) {
		if ("array".equals(schema.path("type").asString(null))) {
			return true;
		}
		for (JsonNode option : schema.path("anyOf")) {
			if ("array".equals(option.path("type").asString(null))) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static Runnable<Object, Object> cast(Runnable<?, ?> chain) {
		return (Runnable<Object, Object>) chain;
	}

}
