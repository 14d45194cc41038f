package dev.lcel.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.ObservationCallbackHandler;
import dev.lcel.core.tracing.RunFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Workloads 3 and 6 of the benchmark plan: a {@code FakeStreamingChatModel} streaming 1,000
 * one-character chunks (no delay) into a {@code StrOutputParser}, consumed through {@code astream}
 * (the baseline), {@code astreamEvents}, {@code astreamLog}, and {@code astream} with an
 * {@link ObservationCallbackHandler} whose registry has a handler. Report each as a ratio to
 * {@code astream} from the same run.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamingBenchmark extends AverageTimeBenchmark {

	private static final int CHUNKS = 1000;

	private Runnable<Object, String> chain;

	private RunnableConfig observed;

	@Setup
	public void setUp() {
		FakeStreamingChatModel model = FakeStreamingChatModel.builder().responses("x".repeat(CHUNKS)).chunkSize(1).build();
		this.chain = model.pipe(new StrOutputParser());
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new CountingHandler());
		this.observed = RunnableConfig.builder().callbacks(new ObservationCallbackHandler(registry)).build();
	}

	@Benchmark
	public Long astream() {
		return this.chain.astream("go").count().block();
	}

	@Benchmark
	public Long astreamEvents() {
		return this.chain.astreamEvents("go", RunnableConfig.EMPTY, RunFilter.ALL).count().block();
	}

	@Benchmark
	public Long astreamLog() {
		return this.chain.astreamLog("go", RunnableConfig.EMPTY, RunFilter.ALL).count().block();
	}

	@Benchmark
	public Long astreamObserved() {
		return this.chain.astream("go", this.observed).count().block();
	}

	/** A handler that accepts every observation, so that observations are really recorded. */
	static final class CountingHandler implements ObservationHandler<Observation.Context> {

		private long stopped;

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		@Override
		public void onStop(Observation.Context context) {
			this.stopped++;
		}

	}

}
