package dev.lcel.autoconfigure.observation;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunInfo;
import dev.lcel.core.tracing.RunType;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Records chat model calls with OpenTelemetry's GenAI metric names: the timer
 * {@code gen_ai.client.operation.duration}, the summary {@code gen_ai.client.token.usage} by
 * {@code gen_ai.token.type} ({@code input}, {@code output}), and the timer
 * {@code gen_ai.client.operation.time_to_first_chunk} for streams, each tagged with
 * {@code gen_ai.operation.name}, {@code gen_ai.provider.name} and {@code gen_ai.request.model}
 * (and {@code error.type} on failure). Also the gauge {@code lcel.streams.active}: chains streaming
 * right now.
 */
public class GenAiMetricsCallbackHandler implements CallbackHandler {

	/** The default of {@code lcel.metrics.max-tag-values}: how many models' meters are kept. */
	private static final int DEFAULT_MAX_TAG_VALUES = 500;

	private final Map<UUID, Long> modelStarts = new ConcurrentHashMap<>();

	private final Map<UUID, Boolean> awaitingFirstChunk = new ConcurrentHashMap<>();

	private final Map<UUID, Boolean> openStreams = new ConcurrentHashMap<>();

	private final AtomicInteger activeStreams = new AtomicInteger();

	private final MeterRegistry registry;

	private final MeterCache<Model, Timer> durations;

	private final MeterCache<Model, Timer> firstChunks;

	private final MeterCache<Model, DistributionSummary> inputTokens;

	private final MeterCache<Model, DistributionSummary> outputTokens;

	/**
	 * Create a handler that records into {@code registry}, keeping the meters of up to 500 models.
	 * @param registry the registry
	 */
	public GenAiMetricsCallbackHandler(MeterRegistry registry) {
		this(registry, DEFAULT_MAX_TAG_VALUES);
	}

	/**
	 * Create a handler that records into {@code registry}.
	 * @param registry the registry
	 * @param maxModels how many models' meters are kept for reuse ({@code lcel.metrics.max-tag-values});
	 * further models' meters are registered on each call
	 */
	public GenAiMetricsCallbackHandler(MeterRegistry registry, int maxModels) {
		this.registry = registry;
		this.durations = new MeterCache<>((model) -> durationTimer(model.tags()), maxModels);
		this.firstChunks = new MeterCache<>((model) -> Timer.builder("gen_ai.client.operation.time_to_first_chunk")
			.description("Time from a chat model request to its first streamed chunk")
			.tags(model.tags())
			.register(registry), maxModels);
		this.inputTokens = new MeterCache<>((model) -> tokenSummary(model, "input"), maxModels);
		this.outputTokens = new MeterCache<>((model) -> tokenSummary(model, "output"), maxModels);
		Gauge.builder("lcel.streams.active", this.activeStreams, AtomicInteger::get)
			.description("Chains streaming their output right now")
			.register(registry);
	}

	/**
	 * Only a chat model's output is read (its token usage): other runs do not collect theirs.
	 */
	@Override
	public boolean needsInputsAndOutputs(RunInfo run) {
		return run.runType() == RunType.CHAT_MODEL;
	}

	/**
	 * Only a streamed chat model's chunks are read (the first one, for the time to first chunk).
	 */
	@Override
	public boolean needsChunks(RunInfo run) {
		return run.runType() == RunType.CHAT_MODEL && "stream".equals(run.operation());
	}

	@Override
	public void onRunStart(RunInfo run, @Nullable Object input) {
		if (run.parentIds().isEmpty() && "stream".equals(run.operation())
				&& this.openStreams.putIfAbsent(run.runId(), Boolean.TRUE) == null) {
			this.activeStreams.incrementAndGet();
		}
		if (run.runType() == RunType.CHAT_MODEL) {
			this.modelStarts.put(run.runId(), System.nanoTime());
			if ("stream".equals(run.operation())) {
				this.awaitingFirstChunk.put(run.runId(), Boolean.TRUE);
			}
		}
	}

	@Override
	public void onRunStream(RunInfo run, Object chunk) {
		if (this.awaitingFirstChunk.remove(run.runId()) != null) {
			Long start = this.modelStarts.get(run.runId());
			if (start != null) {
				this.firstChunks.get(Model.of(run)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		}
	}

	@Override
	public void onRunEnd(RunInfo run, Object input, Object output) {
		closeStream(run);
		Long start = this.modelStarts.remove(run.runId());
		if (start == null) {
			return;
		}
		this.awaitingFirstChunk.remove(run.runId());
		Model model = Model.of(run);
		this.durations.get(model).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		if (output instanceof AIMessage message && message.usageMetadata() != null) {
			UsageMetadata usage = message.usageMetadata();
			this.inputTokens.get(model).record(usage.inputTokens());
			this.outputTokens.get(model).record(usage.outputTokens());
		}
	}

	@Override
	public void onRunError(RunInfo run, Throwable error) {
		closeStream(run);
		Long start = this.modelStarts.remove(run.runId());
		if (start != null) {
			this.awaitingFirstChunk.remove(run.runId());
			durationTimer(Model.of(run).tags().and("error.type", error.getClass().getName()))
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	private void closeStream(RunInfo run) {
		if (this.openStreams.remove(run.runId()) != null) {
			this.activeStreams.decrementAndGet();
		}
	}

	private Timer durationTimer(Tags tags) {
		return Timer.builder("gen_ai.client.operation.duration")
			.description("Duration of chat model calls")
			.tags(tags)
			.register(this.registry);
	}

	private DistributionSummary tokenSummary(Model model, String type) {
		return DistributionSummary.builder("gen_ai.client.token.usage")
			.description("Tokens used by chat model calls")
			// OpenTelemetry writes the unit {token}; Prometheus would make that gen_ai_client_token_usage__token__count.
			.baseUnit("tokens")
			.tags(model.tags().and("gen_ai.token.type", type))
			.register(this.registry);
	}

	/** The model a run called, as its meters' tags tell it: its provider and name. */
	private record Model(String provider, String name) {

		static Model of(RunInfo run) {
			return new Model(String.valueOf(run.metadata().getOrDefault("ls_provider", "unknown")),
					String.valueOf(run.metadata().getOrDefault("ls_model_name", run.name())));
		}

		Tags tags() {
			return Tags.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", this.provider,
					"gen_ai.request.model", this.name);
		}

	}

}
