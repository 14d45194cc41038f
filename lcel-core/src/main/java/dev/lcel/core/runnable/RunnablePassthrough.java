package dev.lcel.core.runnable;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.ObjectNode;

/**
 * Passes its input through unchanged, optionally showing it to a consumer: the way to carry the
 * original input into a parallel beside computed keys.
 *
 * <p>To pass a map through with computed keys added, use {@link RunnableAssign#of(Map)}.
 *
 * <p>It streams: each input chunk is emitted as it arrives. The consumer, if any, sees the whole
 * input once (the aggregate of the chunks, when streaming). Its output schema is its input schema.
 *
 * @param <T> the input and output type
 */
public final class RunnablePassthrough<T> extends AbstractTransformingRunnable<T, T> {

	private final Consumer<? super T> consumer;

	private RunnablePassthrough(Consumer<? super T> consumer) {
		this.consumer = consumer;
	}

	/**
	 * Return a passthrough.
	 * @param <T> the input type
	 * @return the passthrough
	 */
	public static <T> RunnablePassthrough<T> create() {
		return new RunnablePassthrough<>(null);
	}

	/**
	 * Return a passthrough that also gives its input to {@code consumer}.
	 * @param <T> the input type
	 * @param consumer called once per run with the whole input
	 * @return the passthrough
	 */
	public static <T> RunnablePassthrough<T> create(Consumer<? super T> consumer) {
		return new RunnablePassthrough<>(Objects.requireNonNull(consumer, "consumer must not be null"));
	}

	@Override
	protected boolean mayBlock() {
		// The consumer is the user's code, which may block.
		return this.consumer != null;
	}

	@Override
	protected T doInvoke(T input, RunManager run) {
		if (this.consumer != null) {
			this.consumer.accept(input);
		}
		return input;
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Flux<T> doTransform(Flux<T> input, RunManager run) {
		if (this.consumer == null) {
			return input;
		}
		ChunkAggregator whole = new ChunkAggregator();
		return input.doOnNext(whole::add).doOnComplete(() -> {
			if (!whole.isEmpty()) {
				this.consumer.accept((T) whole.current());
			}
		});
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		return inputSchema.deepCopy();
	}

}
