package dev.lcel.core.runnable;

import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;

/**
 * The base of a runnable that can work on its input as a stream (a sequence, a parallel, a
 * parser, a generator, a lambda): {@code astream} and {@code transform} run {@link #doTransform},
 * as one run that starts when the first input chunk arrives and reports every output chunk, as
 * LangChain's {@code _transform_stream_with_config} does. {@code invoke} and {@code ainvoke} still
 * run {@link #doInvoke} and {@link #doAinvoke} on the whole input.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public abstract class AbstractTransformingRunnable<I, O> extends AbstractRunnable<I, O> {

	/**
	 * Do the work of one call on an input that arrives in chunks, emitting output chunks as soon as
	 * it can.
	 * @param input the input chunks
	 * @param run the run of this call
	 * @return the output chunks, lazily
	 */
	protected abstract Flux<O> doTransform(Flux<I> input, RunManager run);

}
