package dev.lcel.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs the demo from the command line: {@code --run=NAME JSON} streams one chain's output chunk by
 * chunk; {@code --tour} runs every chain once. Without either, the application serves its chains
 * over HTTP and this runner only says where.
 */
@Component
class ChainCommandLineRunner implements ApplicationRunner {

	private static final Map<String, Object> SAMPLES = Map.ofEntries(Map.entry("shout", "  hello, chains  "),
			Map.entry("stats", "streams of tokens flow"),
			Map.entry("typewriter", "every chunk arrives as soon as it is ready"),
			Map.entry("headline", "chains declared in yaml"), Map.entry("joke", Map.of("topic", "bears")),
			Map.entry("poem", Map.of("topic", "bears")), Map.entry("combined", Map.of("topic", "bears")),
			Map.entry("countries",
					"output a list of the countries france, spain and japan and their populations in JSON format"),
			Map.entry("chat", Map.of("question", "Hello, I am Ada.")), Map.entry("extract",
					Map.of("text", "Ada Lovelace, 36, was good at mathematics, poetical science and writing programs.")));

	/** The config of every call: a session id, for the chains that keep a conversation. */
	private static final RunnableConfig CONFIG = RunnableConfig.builder().configurable("session_id", "terminal").build();

	private final ChainRegistry chains;

	private final JsonMapper json = JsonMapper.shared();

	private final PrintStream out = System.out;

	ChainCommandLineRunner(ChainRegistry chains) {
		this.chains = chains;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption("run")) {
			// Both --run=joke '{"topic":"bears"}' and --run joke '{"topic":"bears"}'.
			List<String> values = args.getOptionValues("run");
			List<String> rest = new java.util.ArrayList<>(args.getNonOptionArgs());
			String name = (values != null && !values.isEmpty() && !values.get(0).isEmpty()) ? values.get(0)
					: (rest.isEmpty() ? "joke" : rest.remove(0));
			Object input = rest.isEmpty() ? SAMPLES.getOrDefault(name, "") : this.json.readValue(rest.get(0), Object.class);
			stream(chain(name), input);
			return;
		}
		if (args.containsOption("tour")) {
			tour();
		}
	}

	private void tour() {
		this.out.println("lcel demo: chains " + this.chains.getChains().keySet());
		for (String name : this.chains.getChains().keySet()) {
			Runnable<Object, Object> chain = chain(name);
			Object sample = SAMPLES.getOrDefault(name, "sample");
			this.out.println();
			this.out.println("== " + name + " ==" + this.chains.description(name).map((d) -> " (" + d + ")").orElse(""));
			this.out.println("invoke: " + this.json.writeValueAsString(chain.invoke(sample, CONFIG)));
			this.out.println("batch:  " + this.json.writeValueAsString(chain.batch(List.of(sample, sample), CONFIG)));
			this.out.print("stream: ");
			stream(chain, sample);
		}
		this.out.println();
		this.out.println("The graph of 'shout':");
		this.out.println(chain("shout").getGraph().drawAscii());
	}

	private void stream(Runnable<Object, Object> chain, Object input) {
		try (var chunks = chain.stream(input, CONFIG)) {
			chunks.forEach((chunk) -> {
				this.out.print((chunk instanceof String text) ? text : this.json.writeValueAsString(chunk) + " ");
				this.out.flush();
			});
		}
		this.out.println();
	}

	@SuppressWarnings("unchecked")
	private Runnable<Object, Object> chain(String name) {
		return (Runnable<Object, Object>) this.chains.get(name);
	}

}
