package dev.lcel.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.parsers.JsonOutputParser;
import dev.lcel.core.parsers.StructuredOutputParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import reactor.core.publisher.Flux;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed streaming ({@code StructuredOutputParser}) over JSON documents of 25, 50 and 100 KB
 * delivered in 10-character chunks, emitting every partial record, beside the naive way of typed
 * streaming: binding each partial value of {@code JsonOutputParser} to the record with Jackson, and
 * the untyped {@code JsonOutputParser} alone, the floor.
 * Linear cost shows as time proportional to size; the naive way grows with its square.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TypedStreamingBenchmark extends AverageTimeBenchmark {

	/** A country of the document. */
	public record Country(String name, long population, List<String> tags) {
	}

	/** The document. */
	public record Catalog(List<Country> countries) {
	}

	@Param({ "25", "50", "100" })
	public int kilobytes;

	private List<Object> chunks;

	private final StructuredOutputParser<Catalog> typed = StructuredOutputParser.of(Catalog.class);

	private final JsonOutputParser json = new JsonOutputParser();

	/** Partial values lack fields: bind a missing primitive as zero, as the typed parser does. */
	private final JsonMapper lenient = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	@Setup
	public void setUp() {
		this.chunks = List.copyOf(CountriesDocument.chunks(this.kilobytes));
	}

	@Benchmark
	public Long untypedJsonStreamed() {
		return this.json.transform(Flux.fromIterable(this.chunks), RunnableConfig.EMPTY).count().block();
	}

	@Benchmark
	public Catalog typedStreamed() {
		return this.typed.transform(Flux.fromIterable(this.chunks), RunnableConfig.EMPTY).blockLast();
	}

	@Benchmark
	public Catalog naiveRebindEachPartial() {
		return this.json.transform(Flux.fromIterable(this.chunks), RunnableConfig.EMPTY)
			.map((partial) -> this.lenient.convertValue(partial, Catalog.class))
			.blockLast();
	}

}
