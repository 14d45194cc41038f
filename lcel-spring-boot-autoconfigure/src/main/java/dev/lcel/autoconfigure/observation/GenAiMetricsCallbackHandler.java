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

	private final MeterRegistry registry;

	private final Map<UUID, Long> modelStarts = new ConcurrentHashMap<>();

	private final Map<UUID, Boolean> awaitingFirstChunk = new ConcurrentHashMap<>();

	private final Map<UUID, Boolean> openStreams = new ConcurrentHashMap<>();

	private final AtomicInteger activeStreams = new AtomicInteger();

	/**
	 * Create a handler that records into {@code registry}.
	 * @param registry the registry
	 */
	public GenAiMetricsCallbackHandler(MeterRegistry registry) {
		this.registry = registry;
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
				Timer.builder("gen_ai.client.operation.time_to_first_chunk")
					.description("Time from a chat model request to its first streamed chunk")
					.tags(tags(run))
					.register(this.registry)
					.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
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
		duration(run, start, tags(run));
		if (output instanceof AIMessage message && message.usageMetadata() != null) {
			UsageMetadata usage = message.usageMetadata();
			tokens(run, "input", usage.inputTokens());
			tokens(run, "output", usage.outputTokens());
		}
	}

	@Override
	public void onRunError(RunInfo run, Throwable error) {
		closeStream(run);
		Long start = this.modelStarts.remove(run.runId());
		if (start != null) {
			this.awaitingFirstChunk.remove(run.runId());
			duration(run, start, tags(run).and("error.type", error.getClass().getName()));
		}
	}

	private void closeStream(RunInfo run) {
		if (this.openStreams.remove(run.runId()) != null) {
			this.activeStreams.decrementAndGet();
		}
	}

	private void duration(RunInfo run, long start, Tags tags) {
		Timer.builder("gen_ai.client.operation.duration")
			.description("Duration of chat model calls")
			.tags(tags)
			.register(this.registry)
			.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

	private void tokens(RunInfo run, String type, int count) {
		DistributionSummary.builder("gen_ai.client.token.usage")
			.description("Tokens used by chat model calls")
			// OpenTelemetry writes the unit {token}; Prometheus would make that gen_ai_client_token_usage__token__count.
			.baseUnit("tokens")
			.tags(tags(run).and("gen_ai.token.type", type))
			.register(this.registry)
			.record(count);
	}

	private static Tags tags(RunInfo run) {
		return Tags.of("gen_ai.operation.name", "chat", "gen_ai.provider.name",
				String.valueOf(run.metadata().getOrDefault("ls_provider", "unknown")), "gen_ai.request.model",
				String.valueOf(run.metadata().getOrDefault("ls_model_name", run.name())));
	}

}
