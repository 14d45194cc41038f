package dev.lcel.core.runnable;

import java.util.Objects;

import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a runnable that implements {@link Runnable} directly (a lambda, a class of the user's) as a
 * run of its own, so that it shows in the run tree like every other step. Composites adapt such
 * children when they are built; runnables built on {@link AbstractRunnable} or delegating ones
 * need no adapter.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
final class RunnableAdapter<I, O> extends AbstractTransformingRunnable<I, O> implements DelegatingRunnable<I, O> {

	private final Runnable<I, O> adapted;

	private RunnableAdapter(Runnable<I, O> adapted) {
		this.adapted = adapted;
	}

	/**
	 * Return {@code runnable} as a runnable that makes runs of its own.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable any runnable
	 * @return the runnable itself when it already makes its runs, else an adapter
	 */
	@SuppressWarnings("unchecked")
	static <I, O> Runnable<I, O> adapt(Runnable<? super I, ? extends O> runnable) {
		Objects.requireNonNull(runnable, "runnable must not be null");
		if (runnable instanceof AbstractRunnable<?, ?> || runnable instanceof DelegatingRunnable<?, ?>) {
			return (Runnable<I, O>) runnable;
		}
		return new RunnableAdapter<>((Runnable<I, O>) runnable);
	}

	@Override
	public Runnable<I, O> delegate() {
		return this.adapted;
	}

	@Override
	protected O doInvoke(I input, RunManager run) {
		return this.adapted.invoke(input, run.child());
	}

	@Override
	protected Mono<O> doAinvoke(I input, RunManager run) {
		return this.adapted.ainvoke(input, run.child());
	}

	@Override
	protected Flux<O> doTransform(Flux<I> input, RunManager run) {
		return this.adapted.transform(input, run.child());
	}

	@Override
	public String toString() {
		return this.adapted.toString();
	}

}
