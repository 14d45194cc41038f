package dev.lcel.core.runnable;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.tracing.RunType;
import tools.jackson.databind.node.ObjectNode;

/**
 * A runnable that wraps another and describes itself as that one: name, run type, run metadata,
 * input type, schemas, config specs and graph are the delegate's, forwarded here in one place
 * (LangChain's {@code RunnableBindingBase}). Bindings, configurable runnables and chain references
 * add no run of their own and pass every call to the delegate; retries and fallbacks are runs of
 * their own around their attempts.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public interface DelegatingRunnable<I, O> extends Runnable<I, O> {

	/**
	 * Return the runnable this one describes itself as.
	 * @return the delegate
	 */
	Runnable<I, O> delegate();

	@Override
	default String getName() {
		return delegate().getName();
	}

	@Override
	default RunType runType() {
		return delegate().runType();
	}

	@Override
	default Map<String, Object> runMetadata() {
		return delegate().runMetadata();
	}

	@Override
	default Type inputType() {
		return delegate().inputType();
	}

	@Override
	default ObjectNode inputSchema() {
		return delegate().inputSchema();
	}

	@Override
	default ObjectNode outputSchema() {
		return delegate().outputSchema();
	}

	@Override
	default ObjectNode outputSchema(ObjectNode inputSchema) {
		return delegate().outputSchema(inputSchema);
	}

	@Override
	default List<ConfigurableFieldSpec> configSpecs() {
		return delegate().configSpecs();
	}

	@Override
	default Graph getGraph() {
		return delegate().getGraph();
	}

}
