package dev.lcel.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.parsers.JsonOutputParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import reactor.core.publisher.Flux;

/**
 * Workload 4 of the benchmark plan: {@code JsonOutputParser} over JSON documents of 25, 50 and
 * 100 KB delivered in 10-character chunks, emitting every partial value. Linear cost shows as
 * time proportional to size.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JsonStreamingBenchmark extends AverageTimeBenchmark {

	@Param({ "25", "50", "100" })
	public int kilobytes;

	private List<String> chunks;

	private final JsonOutputParser parser = new JsonOutputParser();

	@Setup
	public void setUp() {
		this.chunks = CountriesDocument.chunks(this.kilobytes);
	}

	@Benchmark
	public Long parseStreamed() {
		return this.parser.transform(Flux.fromIterable(this.chunks), RunnableConfig.EMPTY).count().block();
	}

}
