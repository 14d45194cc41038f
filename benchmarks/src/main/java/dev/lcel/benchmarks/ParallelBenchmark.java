package dev.lcel.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 5 of the benchmark plan: a parallel of ten branches that each wait 50 ms; the wall time
 * of one invoke shows whether they ran at once (about 50 ms) or in turn (500 ms).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ParallelBenchmark extends AverageTimeBenchmark {

	private RunnableParallel<Integer> parallel;

	@Setup
	public void setUp() {
		Map<String, Runnable<Integer, Integer>> branches = new LinkedHashMap<>();
		for (int i = 0; i < 10; i++) {
			branches.put("b" + i, RunnableLambda.of((Integer x) -> {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return x;
			}));
		}
		this.parallel = RunnableParallel.of(branches);
	}

	@Benchmark
	public Map<String, Object> invoke() {
		return this.parallel.invoke(0);
	}

}
