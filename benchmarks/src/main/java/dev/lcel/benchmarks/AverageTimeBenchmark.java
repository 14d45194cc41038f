package dev.lcel.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The measurement settings that the figures in {@code docs/performance.md} are taken with: the
 * average time of one operation, on one state shared by the benchmark's threads, in one fork, after
 * 3 warm-up iterations of 1 s, over 5 measured iterations of 1 s.
 *
 * <p>JMH reads its annotations through the superclass, so a benchmark extends this class and
 * declares only the {@code @OutputTimeUnit} its figures are read in; one that needs other iteration
 * counts declares its own {@code @Warmup} or {@code @Measurement}, which JMH takes before these.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class AverageTimeBenchmark {

}
