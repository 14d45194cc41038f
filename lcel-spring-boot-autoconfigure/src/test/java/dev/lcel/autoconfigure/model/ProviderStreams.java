package dev.lcel.autoconfigure.model;

import java.util.List;
import java.util.function.Function;

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
		String finish = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
				+ "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":" + tokens.size() + ",\"total_tokens\":"
				+ (9 + tokens.size()) + "}}\n\ndata: [DONE]\n\n";
		return stream("", tokens, (token) -> "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
				+ "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(token)
				+ "},\"finish_reason\":null}],\"usage\":null}\n\n", end ? finish : "");
	}

	public static String anthropic(List<String> tokens) {
		return anthropic(tokens, true);
	}

	/** The tokens, then the end ({@code message_delta}, {@code message_stop}) only if {@code end}. */
	public static String anthropic(List<String> tokens, boolean end) {
		String start = event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-test\","
				+ "\"content\":[],\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}")
				+ event("content_block_start",
						"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
		String finish = event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
				+ event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
						+ "\"usage\":{\"output_tokens\":" + tokens.size() + "}}")
				+ event("message_stop", "{\"type\":\"message_stop\"}");
		return stream(start, tokens, (token) -> event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
				+ "\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(token) + "}}"), end ? finish : "");
	}

	public static String ollama(List<String> tokens) {
		return ollama(tokens, true);
	}

	/** The tokens, then the {@code "done": true} line only if {@code end}. */
	public static String ollama(List<String> tokens, boolean end) {
		String finish = "{\"model\":\"llama-test\",\"created_at\":\"2026-11-25T10:00:01Z\",\"message\":{\"role\":\"assistant\","
				+ "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":9,\"eval_count\":"
				+ tokens.size() + "}\n";
		return stream("", tokens, (token) -> "{\"model\":\"llama-test\",\"created_at\":\"2026-11-25T10:00:00Z\","
				+ "\"message\":{\"role\":\"assistant\",\"content\":" + quote(token) + "},\"done\":false}\n", end ? finish : "");
	}

	/** A stream: what comes before the tokens, each token as the provider writes it, and its end. */
	private static String stream(String start, List<String> tokens, Function<String, String> chunk, String end) {
		StringBuilder body = new StringBuilder(start);
		tokens.forEach((token) -> body.append(chunk.apply(token)));
		return body.append(end).toString();
	}

	private static String event(String name, String data) {
		return "event: " + name + "\ndata: " + data + "\n\n";
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
