package dev.lcel.autoconfigure.model;

import java.util.List;

/**
 * Writes streamed answers in each provider's wire format, for WireMock to serve: the tokens given,
 * then the provider's end event with usage.
 */
public final class ProviderStreams {

	private ProviderStreams() {
	}

	public static String openAi(List<String> tokens) {
		return openAi(tokens, true);
	}

	/** The tokens, then the end (usage and {@code [DONE]}) only if {@code end}: else a cut-off stream. */
	public static String openAi(List<String> tokens, boolean end) {
		StringBuilder body = new StringBuilder();
		for (String token : tokens) {
			body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\",")
				.append("\"choices\":[{\"index\":0,\"delta\":{\"content\":")
				.append(quote(token))
				.append("},\"finish_reason\":null}],\"usage\":null}\n\n");
		}
		if (!end) {
			return body.toString();
		}
		body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\",")
			.append("\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":")
			.append(tokens.size())
			.append(",\"total_tokens\":")
			.append(9 + tokens.size())
			.append("}}\n\ndata: [DONE]\n\n");
		return body.toString();
	}

	public static String anthropic(List<String> tokens) {
		return anthropic(tokens, true);
	}

	/** The tokens, then the end ({@code message_delta}, {@code message_stop}) only if {@code end}. */
	public static String anthropic(List<String> tokens, boolean end) {
		StringBuilder body = new StringBuilder();
		body.append(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-test\","
				+ "\"content\":[],\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}"));
		body.append(event("content_block_start",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
		for (String token : tokens) {
			body.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
					+ "{\"type\":\"text_delta\",\"text\":" + quote(token) + "}}"));
		}
		if (!end) {
			return body.toString();
		}
		body.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
		body.append(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
				+ "\"usage\":{\"output_tokens\":" + tokens.size() + "}}"));
		body.append(event("message_stop", "{\"type\":\"message_stop\"}"));
		return body.toString();
	}

	public static String ollama(List<String> tokens) {
		return ollama(tokens, true);
	}

	/** The tokens, then the {@code "done": true} line only if {@code end}. */
	public static String ollama(List<String> tokens, boolean end) {
		StringBuilder body = new StringBuilder();
		for (String token : tokens) {
			body.append("{\"model\":\"llama-test\",\"created_at\":\"2026-11-25T10:00:00Z\",\"message\":{\"role\":\"assistant\",")
				.append("\"content\":")
				.append(quote(token))
				.append("},\"done\":false}\n");
		}
		if (!end) {
			return body.toString();
		}
		body.append("{\"model\":\"llama-test\",\"created_at\":\"2026-11-25T10:00:01Z\",\"message\":{\"role\":\"assistant\",")
			.append("\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":9,\"eval_count\":")
			.append(tokens.size())
			.append("}\n");
		return body.toString();
	}

	private static String event(String name, String data) {
		return "event: " + name + "\ndata: " + data + "\n\n";
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
