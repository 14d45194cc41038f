package dev.lcel.benchmarks.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one load run does, from {@code --name=value} flags.
 *
 * @param mode {@code stream} (concurrent SSE streams), {@code soak} (the same, with the soak's
 * defaults and a heap-growth verdict) or {@code invoke} (throughput of {@code /invoke} against the
 * baseline handler)
 * @param url the server's base URL
 * @param chain the chain to call
 * @param input the chain's input as JSON
 * @param clients concurrent clients: open streams, or connections for {@code invoke}
 * @param duration how long new requests are started
 * @param ramp over how long the clients start, so they do not all connect in the same instant
 * @param warmup how long a smaller load runs first, unmeasured, so the server's JIT has compiled
 * the hot paths; for {@code stream}, how long each endpoint is warmed up at the full load, in
 * alternating rounds
 * @param pid the server's process id, for heap and RSS; 0 for none
 * @param baselinePath the path of the plain handler to compare {@code /invoke} ({@code /baseline/invoke}) or
 * {@code /stream} ({@code /baseline/stream}) with
 * @param attackChain for {@code amplification}: the chain whose input schema the invalid requests
 * violate in every element (its input must be a list, as a model's messages are)
 * @param attackBytes for {@code amplification}: the size of each invalid request
 * @param message the user message of an OpenAI chat completion ({@code openai} mode), the same
 * text as {@code input}'s
 */
record LoadOptions(String mode, String url, String chain, String input, int clients, Duration duration, Duration ramp,
		Duration warmup, long pid, String baselinePath, String attackChain, int attackBytes, String message) {

	static final String USAGE = """
			usage: LoadDriver [--mode=stream|soak|invoke|amplification|openai] [--url=http://127.0.0.1:8080] [--chain=joke]
			                  [--input={"topic":"bears"}] [--clients=N] [--duration=SECONDS] [--ramp=SECONDS]
			                  [--warmup=SECONDS] [--pid=SERVER_PID] [--baseline-path=/baseline/invoke|/baseline/stream]
			                  [--attack-chain=countries] [--attack-bytes=900000] [--message=bears]
			defaults: stream 2000 clients for 30 s against /baseline/stream (2 alternating rounds of 15 s each, after 70 s of warm-up each); soak 1000 for 60 s; invoke 64 connections for 30 s;
			amplification 20 attackers for 30 s (beside 8 clients of --chain);
			openai 64 streams for 30 s per route (/v1/chat/completions against /chains/CHAIN/stream)""";

	/**
	 * Reads the flags; unknown flags are refused, so that a typo never silently runs the default.
	 * @param args {@code --name=value} flags
	 * @return the options
	 * @throws IllegalArgumentException naming the flag that is not understood
	 */
	static LoadOptions parse(String... args) {
		Map<String, String> flags = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("expected --name=value, got '" + arg + "'\n" + USAGE);
			}
			flags.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		String mode = flags.getOrDefault("mode", "stream");
		boolean soak = mode.equals("soak");
		int defaultClients = switch (mode) {
			case "stream" -> 2000;
			case "soak" -> 1000;
			case "invoke", "openai" -> 64;
			case "amplification" -> 20;
			default -> throw new IllegalArgumentException(
					"unknown mode '" + mode + "'; the modes are stream, soak, invoke, amplification, openai");
		};
		LoadOptions options = new LoadOptions(mode, take(flags, "url", "http://127.0.0.1:8080"), take(flags, "chain", "joke"),
				take(flags, "input", "{\"topic\":\"bears\"}"), Integer.parseInt(take(flags, "clients", "" + defaultClients)),
				seconds(take(flags, "duration", soak ? "60" : "30")), seconds(take(flags, "ramp", "5")),
				seconds(take(flags, "warmup", mode.equals("stream") ? "70" : "10")), Long.parseLong(take(flags, "pid", "0")),
				take(flags, "baseline-path", mode.equals("stream") ? "/baseline/stream" : "/baseline/invoke"), take(flags, "attack-chain", "countries"),
				Integer.parseInt(take(flags, "attack-bytes", "900000")), take(flags, "message", "bears"));
		flags.remove("mode");
		if (!flags.isEmpty()) {
			throw new IllegalArgumentException("unknown flags " + flags.keySet() + "\n" + USAGE);
		}
		return options;
	}

	private static String take(Map<String, String> flags, String name, String fallback) {
		String value = flags.remove(name);
		return (value != null) ? value : fallback;
	}

	private static Duration seconds(String value) {
		return Duration.ofMillis(Math.round(Double.parseDouble(value.replaceAll("s$", "")) * 1000));
	}

	/** The JSON body of a streamed OpenAI chat completion of {@link #chain} for {@link #message}. */
	String openAiRequestBody() {
		return "{\"model\":\"" + this.chain + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"" + this.message + "\"}]}";
	}

	/** The JSON body of a LangServe request for {@link #input}. */
	String requestBody() {
		return "{\"input\":" + this.input + "}";
	}

}
