package dev.lcel.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.Runnable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Workload 2 of the benchmark plan: {@code prompt | FakeListChatModel | StrOutputParser} over 1,000
 * inputs with {@code batch}; divide the score by 1,000 for the time per item.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchBenchmark extends AverageTimeBenchmark {

	private Runnable<Map<String, ?>, String> chain;

	private List<Map<String, ?>> inputs;

	@Setup
	public void setUp() {
		this.chain = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}")
			.pipe(new FakeListChatModel("ok"))
			.pipe(new StrOutputParser());
		this.inputs = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			this.inputs.add(Map.of("topic", "t" + i));
		}
	}

	@Benchmark
	public List<String> batch() {
		return this.chain.batch(this.inputs);
	}

}
