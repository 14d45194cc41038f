package dev.lcel.autoconfigure.governance.usage;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.lcel.autoconfigure.observation.MeterCache;
import dev.lcel.core.governance.usage.ModelCallUsage;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.DefaultRunObservationConvention;
import dev.lcel.core.tracing.RunInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the tokens each chain's model calls use: the counter {@code lcel.run.tokens} tagged
 * {@code lcel.run.name} (the chain: the name it is served under, else its root run's name),
 * {@code gen_ai.request.model} (the model's name at its provider) and {@code gen_ai.token.type}
 * ({@code input}, {@code output}). Every tag value comes from the application's own names, and
 * {@code lcel.metrics.max-tag-values} bounds the chain names as it does for {@code lcel.run}.
 * Calls answered from the response cache count nothing.
 */
public class ChainTokenMetrics implements CallbackHandler {

	/** The default of {@code lcel.metrics.max-tag-values}, which bounds the counters kept. */
	private static final int DEFAULT_MAX_TAG_VALUES = 500;

	private final Map<UUID, String> roots = new ConcurrentHashMap<>();

	private final MeterCache<Key, Counter> counters;

	/**
	 * Create a handler that records into {@code registry}, keeping up to 500 counters for reuse.
	 * @param registry the registry
	 */
	public ChainTokenMetrics(MeterRegistry registry) {
		this(registry, DEFAULT_MAX_TAG_VALUES);
	}

	/**
	 * Create a handler that records into {@code registry}.
	 * @param registry the registry
	 * @param maxCounters how many counters (chain, model and token type) are kept for reuse
	 * ({@code lcel.metrics.max-tag-values}); further ones are registered on each call
	 */
	public ChainTokenMetrics(MeterRegistry registry, int maxCounters) {
		this.counters = new MeterCache<>((key) -> Counter.builder("lcel.run.tokens")
			.description("Tokens used by the model calls of chains' runs")
			.baseUnit("tokens")
			.tag("lcel.run.name", key.chain())
			.tag("gen_ai.request.model", key.model())
			.tag("gen_ai.token.type", key.type())
			.register(registry), maxCounters);
	}

	@Override
	public void onRunStart(RunInfo run, Object input) {
		if (run.parentIds().isEmpty()) {
			Object served = run.metadata().get(DefaultRunObservationConvention.CHAIN_METADATA_KEY);
			this.roots.put(run.runId(), (served != null) ? served.toString() : run.name());
		}
	}

	@Override
	public void onRunEnd(RunInfo run, Object input, Object output) {
		UsageMetadata usage = ModelCallUsage.of(run, output);
		if (usage != null) {
			String chain = run.parentIds().isEmpty() ? run.name() : this.roots.getOrDefault(run.parentIds().get(0), "unknown");
			tokens(chain, ModelCallUsage.model(run), "input", usage.inputTokens());
			tokens(chain, ModelCallUsage.model(run), "output", usage.outputTokens());
		}
		if (run.parentIds().isEmpty()) {
			this.roots.remove(run.runId());
		}
	}

	@Override
	public void onRunError(RunInfo run, Throwable error) {
		if (run.parentIds().isEmpty()) {
			this.roots.remove(run.runId());
		}
	}

	@Override
	public boolean needsChunks() {
		return false;
	}

	private void tokens(String chain, String model, String type, int count) {
		this.counters.get(new Key(chain, model, type)).increment(count);
	}

	/** The tag values of one counter. */
	private record Key(String chain, String model, String type) {
	}

}
