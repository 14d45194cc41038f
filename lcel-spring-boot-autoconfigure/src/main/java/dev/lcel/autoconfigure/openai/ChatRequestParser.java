package dev.lcel.autoconfigure.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.wire.WireValues;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a chat completion request body: the model, the messages (roles {@code system},
 * {@code developer}, {@code user}, {@code assistant} with its {@code tool_calls}, {@code tool}; text
 * content as a string or as {@code text} content parts), {@code stream} and
 * {@code stream_options.include_usage}, the sampling parameters and {@code user}. Each mistake is
 * a 400 naming the parameter, as OpenAI's {@code param}; unknown fields are ignored.
 */
final class ChatRequestParser {

	private final JsonMapper json;

	private final int maxMessages;

	ChatRequestParser(JsonMapper json, int maxMessages) {
		this.json = json;
		this.maxMessages = maxMessages;
	}

	ChatRequest parse(JsonNode body) {
		JsonNode model = body.get("model");
		if (model == null || !model.isString() || model.asString().isBlank()) {
			throw OpenAiApiException.invalid("model", "'model' is required: the name of a chain (see GET /models)");
		}
		JsonNode n = body.get("n");
		if (n != null && !n.isNull() && !(n.canConvertToInt() && n.asInt() == 1)) {
			throw OpenAiApiException.invalid("n", "Only n=1 is supported: a chain answers once per request");
		}
		JsonNode streamOptions = body.path("stream_options");
		return new ChatRequest(model.asString(), messages(body.get("messages")), bool(body, "stream"),
				streamOptions.isObject() && bool(streamOptions, "include_usage"), options(body),
				optionalString(body, "user"));
	}

	private List<BaseMessage> messages(JsonNode messages) {
		if (messages == null || !messages.isArray() || messages.isEmpty()) {
			throw OpenAiApiException.invalid("messages", "'messages' is required: a non-empty array of messages");
		}
		if (messages.size() > this.maxMessages) {
			throw OpenAiApiException.invalid("messages", "At most " + this.maxMessages
					+ " messages are accepted (lcel.openai-api.max-messages); this request has " + messages.size());
		}
		List<BaseMessage> read = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			read.add(message(messages.get(i), "messages[" + i + "]"));
		}
		return read;
	}

	private BaseMessage message(JsonNode message, String param) {
		if (!message.isObject()) {
			throw OpenAiApiException.invalid(param, param + " must be an object with 'role' and 'content'");
		}
		String role = message.path("role").asString("");
		String name = optionalString(message, "name");
		return switch (role) {
			case "system", "developer" -> new SystemMessage(text(message.get("content"), param, false), null, name);
			case "user" -> new HumanMessage(text(message.get("content"), param, false), null, name);
			case "assistant" -> {
				List<ToolCall> toolCalls = toolCalls(message.get("tool_calls"), param + ".tool_calls");
				yield new AIMessage(text(message.get("content"), param, !toolCalls.isEmpty()), toolCalls, null, null, null,
						name);
			}
			case "tool" -> {
				String toolCallId = optionalString(message, "tool_call_id");
				if (toolCallId == null) {
					throw OpenAiApiException.invalid(param + ".tool_call_id", "A tool message needs its 'tool_call_id'");
				}
				yield new ToolMessage(text(message.get("content"), param, false), toolCallId, null, name);
			}
			default -> throw OpenAiApiException.invalid(param + ".role", "Unknown role '" + role
					+ "'; the roles are system, developer, user, assistant, tool");
		};
	}

	private static String text(JsonNode content, String param, boolean mayBeAbsent) {
		if (content == null || content.isNull()) {
			if (mayBeAbsent) {
				return "";
			}
			throw OpenAiApiException.invalid(param + ".content", param + " has no 'content'");
		}
		if (content.isString()) {
			return content.asString();
		}
		if (content.isArray()) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < content.size(); i++) {
				JsonNode part = content.get(i);
				String type = part.path("type").asString("");
				if (!"text".equals(type) || !part.path("text").isString()) {
					throw OpenAiApiException.invalid(param + ".content[" + i + "]", "Only text content parts are "
							+ "supported ({\"type\": \"text\", \"text\": ...}); this one is of type '" + type + "'");
				}
				text.append(part.get("text").asString());
			}
			return text.toString();
		}
		throw OpenAiApiException.invalid(param + ".content", "'content' must be a string or an array of text parts");
	}

	private List<ToolCall> toolCalls(JsonNode toolCalls, String param) {
		if (toolCalls == null || toolCalls.isNull()) {
			return List.of();
		}
		if (!toolCalls.isArray()) {
			throw OpenAiApiException.invalid(param, "'tool_calls' must be an array");
		}
		List<ToolCall> calls = new ArrayList<>();
		for (int i = 0; i < toolCalls.size(); i++) {
			JsonNode function = toolCalls.get(i).path("function");
			String name = function.path("name").asString(null);
			if (name == null) {
				throw OpenAiApiException.invalid(param + "[" + i + "].function.name", "A tool call needs a function name");
			}
			calls.add(new ToolCall(optionalString(toolCalls.get(i), "id"), name,
					arguments(function.path("arguments").asString("{}"), param + "[" + i + "].function.arguments")));
		}
		return calls;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> arguments(String arguments, String param) {
		try {
			JsonNode node = this.json.readTree(arguments.isBlank() ? "{}" : arguments);
			if (!node.isObject()) {
				throw OpenAiApiException.invalid(param, "A tool call's arguments must be a JSON object");
			}
			return (Map<String, Object>) WireValues.toJava(this.json, node);
		}
		catch (JacksonException ex) {
			throw OpenAiApiException.invalid(param, "A tool call's arguments are not JSON: " + ex.getOriginalMessage());
		}
	}

	private static Map<String, Object> options(JsonNode body) {
		Map<String, Object> options = new LinkedHashMap<>();
		number(body, "temperature", 0, 2).ifPresent((value) -> options.put("temperature", value));
		number(body, "top_p", 0, 1).ifPresent((value) -> options.put("top_p", value));
		JsonNode maxTokens = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens")
				: body.get("max_tokens");
		if (maxTokens != null && !maxTokens.isNull()) {
			if (!maxTokens.canConvertToInt() || !maxTokens.isIntegralNumber() || maxTokens.asInt() < 1) {
				throw OpenAiApiException.invalid("max_tokens", "'max_tokens' must be a positive integer, was " + maxTokens);
			}
			options.put("max_tokens", maxTokens.asInt());
		}
		JsonNode stop = body.get("stop");
		if (stop != null && !stop.isNull()) {
			List<String> stops = new ArrayList<>();
			if (stop.isString()) {
				stops.add(stop.asString());
			}
			else if (stop.isArray() && stop.size() <= 4) {
				stop.forEach((item) -> {
					if (!item.isString()) {
						throw OpenAiApiException.invalid("stop", "'stop' must hold only strings");
					}
					stops.add(item.asString());
				});
			}
			else {
				throw OpenAiApiException.invalid("stop", "'stop' must be a string or an array of at most 4 strings");
			}
			options.put("stop", stops);
		}
		return options;
	}

	private static java.util.Optional<Double> number(JsonNode body, String name, double min, double max) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return java.util.Optional.empty();
		}
		if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
			throw OpenAiApiException.invalid(name, "'" + name + "' must be a number from " + (int) min + " to " + (int) max
					+ ", was " + value);
		}
		return java.util.Optional.of(value.asDouble());
	}

	private static boolean bool(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw OpenAiApiException.invalid(name, "'" + name + "' must be true or false, was " + value);
		}
		return value.asBoolean();
	}

	private static String optionalString(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}

}
