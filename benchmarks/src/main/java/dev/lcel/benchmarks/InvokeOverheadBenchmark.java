package dev.lcel.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.governance.usage.UsageCallbackHandler;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tracing.ObservationCallbackHandler;
import dev.lcel.core.tracing.RunMeterObservationHandler;
import dev.lcel.core.wire.ConfigCodec;
import dev.lcel.core.wire.ConfigLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Workload 1 of the benchmark plan: the cost of running a sequence of ten
 * {@code RunnableLambda(x -> x + 1)} steps, synchronously and through {@code ainvoke().block()},
 * against the baseline of the same ten functions composed with {@link Function#andThen}.
 *
 * <p>Beside it, the pieces of a served {@code /invoke} (issue 23), each against a baseline in the
 * same run: the demo's joke chain (prompt, the fake model's 103-character reply in 3-character
 * chunks, string parser) invoked bare ({@code jokeChainBare}) and as the server runs it
 * ({@code jokeChainServed}: every step observed into a meter registry through the meter handlers
 * the server has, lcel's {@code RunMeterObservationHandler} ahead of Micrometer's default one, and
 * the request's usage handler), against formatting the prompt and returning the reply by
 * hand ({@code jokeBaseline}); and recording a model call's duration through a timer looked up in
 * a map ({@code meterCached}, what {@code MeterCache} does for the GenAI and token metrics) against
 * Micrometer's builder ({@code meterByBuilder}), as those metrics did for every run; and a
 * request's config read from its JSON and completed by the server in one builder
 * ({@code requestConfigOneBuilder}, what {@code ChainRequestReader} does) against building it three
 * times over ({@code requestConfigThreeBuilds}, as it did before).
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar InvokeOverhead}; report the
 * chain's score as a ratio to {@code baselineFunctions} from the same run, the joke chain's to
 * {@code jokeBaseline}, the cached timer's to {@code meterByBuilder} and the one-builder config's to
 * {@code requestConfigThreeBuilds}. The served chain needs a longer warm-up than the defaults on a
 * busy 2-core machine, where the compiler threads wait for a core: with 1 s iterations its first
 * 8 s measured the JIT (100 to 500 µs a call instead of about 20); {@code -wi 8 -w 5s -i 5 -r 5s}
 * measures it compiled.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InvokeOverheadBenchmark extends AverageTimeBenchmark {

	private static final int STEPS = 10;

	private static final String REPLY = "Why do bears have hairy coats? Fur protection! (a scripted reply from the offline fake model, streamed)";

	private Runnable<Integer, Integer> chain;

	private Function<Integer, Integer> functions;

	private Integer input;

	@Setup
	public void setUp() {
		Runnable<Integer, Integer> chain = RunnableLambda.of((Integer x) -> x + 1);
		Function<Integer, Integer> functions = (x) -> x + 1;
		for (int i = 1; i < STEPS; i++) {
			chain = chain.pipe(RunnableLambda.of((Integer x) -> x + 1));
			functions = functions.andThen((x) -> x + 1);
		}
		this.chain = chain;
		this.functions = functions;
		this.input = 1;
	}

	/**
	 * The joke chain and the meters, in a state of their own: only the benchmarks that use them load
	 * their classes, so the sequence's figures do not depend on what the others set up (built in the
	 * same state, they made {@code sequenceInvoke} measure about twice its time, 590 to 660 ns
	 * instead of 310 to 360, as the JIT saw more implementations of a runnable's methods).
	 */
	@State(Scope.Benchmark)
	public static class Served {

		private final Map<String, Object> topic = Map.of("topic", "bears");

		private Runnable<Map<String, ?>, String> jokeChain;

		private RunnableConfig config;

		private MeterRegistry meters;

		private final Map<String, Timer> timers = new ConcurrentHashMap<>();

		@Setup
		public void setUp() {
			this.jokeChain = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}")
				.pipe(FakeStreamingChatModel.builder().responses(REPLY).chunkSize(3).build())
				.pipe(new StrOutputParser());
			this.meters = new SimpleMeterRegistry();
			ObservationRegistry observations = ObservationRegistry.create();
			// As Boot groups the meter handlers: lcel's for runs first, Micrometer's for the rest.
			observations.observationConfig()
				.observationHandler(new FirstMatchingCompositeObservationHandler(
						new RunMeterObservationHandler(this.meters, true, 500), new DefaultMeterObservationHandler(this.meters)));
			this.config = RunnableConfig.builder()
				.callbacks(new ObservationCallbackHandler(observations, null, ObservationCallbackHandler.ALL_RUNS))
				.build();
		}

	}

	/**
	 * A request's {@code config} as the server reads it: the client's JSON, the allow-listed keys,
	 * and what the server adds (LangServe's run name and endpoint, a run id, the chain's name, the
	 * usage handler).
	 */
	@State(Scope.Benchmark)
	public static class Request {

		private final UUID runId = UUID.fromString("5b1d7a4e-0c2f-4c3e-9d1a-6f2b8e7c9a10");

		private final UsageCallbackHandler usage = new UsageCallbackHandler();

		private ConfigCodec codec;

		private JsonNode config;

		@Setup
		public void setUp() {
			JsonMapper json = JsonMapper.builder().build();
			this.codec = new ConfigCodec(List.of("tags", "metadata", "run_name", "configurable"),
					new ConfigLimits(20, 200, 16384, ""), json);
			this.config = json.readTree("{\"tags\": [\"web\"], \"metadata\": {\"user\": \"ada\"}}");
		}

	}

	private static Timer durationTimer(MeterRegistry meters, String model) {
		return Timer.builder("gen_ai.client.operation.duration")
			.description("Duration of chat model calls")
			.tags(Tags.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", "fake", "gen_ai.request.model", model))
			.register(meters);
	}

	@Benchmark
	public Integer baselineFunctions() {
		return this.functions.apply(this.input);
	}

	@Benchmark
	public Integer sequenceInvoke() {
		return this.chain.invoke(this.input);
	}

	@Benchmark
	public Integer sequenceAinvokeBlock() {
		return this.chain.ainvoke(this.input).block();
	}

	@Benchmark
	public String jokeBaseline(Served served) {
		String prompt = "tell me a joke about " + served.topic.get("topic");
		return (prompt.isEmpty()) ? "" : REPLY;
	}

	@Benchmark
	public String jokeChainBare(Served served) {
		return served.jokeChain.invoke(served.topic);
	}

	@Benchmark
	public String jokeChainServed(Served served) {
		return served.jokeChain.invoke(served.topic, new UsageCallbackHandler().addTo(served.config));
	}

	@Benchmark
	public RunnableConfig requestConfigOneBuilder(Request request) {
		RunnableConfig.Builder builder = RunnableConfig.builder();
		request.codec.read(request.config, "/config", builder);
		return builder.runName("/chains/joke")
			.metadata("__langserve_endpoint", "invoke")
			.runId(request.runId)
			.metadata("lcel.chain", "joke")
			.callbacks(request.usage)
			.build();
	}

	@Benchmark
	public RunnableConfig requestConfigThreeBuilds(Request request) {
		RunnableConfig config = request.codec.read(request.config, "/config");
		config = config.toBuilder().runName("/chains/joke").metadata("__langserve_endpoint", "invoke").build();
		return config.toBuilder().runId(request.runId).metadata("lcel.chain", "joke").callbacks(request.usage).build();
	}

	@Benchmark
	public Timer meterByBuilder(Served served) {
		Timer timer = durationTimer(served.meters, "fake-streaming");
		timer.record(1, TimeUnit.MILLISECONDS);
		return timer;
	}

	@Benchmark
	public Timer meterCached(Served served) {
		Timer timer = served.timers.computeIfAbsent("fake-streaming", (model) -> durationTimer(served.meters, model));
		timer.record(1, TimeUnit.MILLISECONDS);
		return timer;
	}

}
