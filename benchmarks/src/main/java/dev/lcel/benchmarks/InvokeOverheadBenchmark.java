package dev.lcel.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Workload 1 of the benchmark plan: the cost of running a sequence of ten
 * {@code RunnableLambda(x -> x + 1)} steps, synchronously and through {@code ainvoke().block()},
 * against the baseline of the same ten functions composed with {@link Function#andThen}.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar InvokeOverhead}; report the
 * chain's score as a ratio to {@code baselineFunctions} from the same run.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InvokeOverheadBenchmark extends AverageTimeBenchmark {

	private static final int STEPS = 10;

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

}
