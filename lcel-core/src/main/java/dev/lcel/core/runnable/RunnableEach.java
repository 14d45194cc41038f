package dev.lcel.core.runnable;

import java.util.List;
import java.util.Objects;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.schema.JsonSchemas;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a runnable on every element of a list input, concurrently, producing the list of outputs
 * in input order: what {@link Runnable#map()} builds. Concurrency is limited by the config's
 * {@code maxConcurrency}.
 *
 * @param <I> the element input type
 * @param <O> the element output type
 */
public final class RunnableEach<I, O> extends AbstractRunnable<List<I>, List<O>> {

	private final Runnable<I, O> bound;

	RunnableEach(Runnable<I, O> bound) {
		this.bound = RunnableAdapter.adapt(Objects.requireNonNull(bound, "bound must not be null"));
	}

	@Override
	protected List<O> doInvoke(List<I> input, RunManager run) {
		return this.bound.batch(input, run.child());
	}

	@Override
	protected Mono<List<O>> doAinvoke(List<I> input, RunManager run) {
		return this.bound.abatch(input, run.child());
	}

	@Override
	public String getName() {
		return "RunnableEach<" + this.bound.getName() + ">";
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return this.bound.configSpecs();
	}

	@Override
	public ObjectNode inputSchema() {
		return JsonSchemas.arrayOf(this.bound.inputSchema());
	}

	@Override
	public ObjectNode outputSchema() {
		return JsonSchemas.arrayOf(this.bound.outputSchema());
	}

	@Override
	public Graph getGraph() {
		return this.bound.getGraph();
	}

}
