package dev.lcel.autoconfigure.web;

import java.util.List;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.BatchOptions;
import dev.lcel.core.runnable.Runnable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Runs the inputs of one {@code /batch} request through the chain's {@code abatch}: each input
 * with its own config and run id, at most the request's {@code config.max_concurrency} at once,
 * never more than {@code lcel.server.max-batch-concurrency}. It adds no run of its own (its own
 * config has no callbacks): each input is a root run of the chain with its own config, as an
 * {@code /invoke} is.
 */
final class BatchRun implements Runnable<ChainRequestReader.Call, Object> {

	private final Runnable<Object, Object> chain;

	private BatchRun(Runnable<Object, Object> chain) {
		this.chain = chain;
	}

	/**
	 * Run the calls of a batch request.
	 * @param chain the chain
	 * @param calls the calls, in input order
	 * @param concurrency the most calls in flight at once
	 * @return the outputs in input order, {@code null} for an input whose run gave none
	 */
	static Mono<List<Object>> run(Runnable<Object, Object> chain, List<ChainRequestReader.Call> calls, int concurrency) {
		return new BatchRun(chain).abatch(calls, RunnableConfig.EMPTY, BatchOptions.maxConcurrency(concurrency));
	}

	/**
	 * Return how many inputs of a batch request run at once: its {@code config.max_concurrency}
	 * (of the one config, or of the first of a list), at most {@code max}; {@code max} when the
	 * request names none.
	 * @param body the request body
	 * @param max the server's limit, at least 1
	 * @return the concurrency, between 1 and {@code max}
	 */
	static int concurrency(JsonNode body, int max) {
		JsonNode config = body.path("config");
		JsonNode first = config.isArray() ? config.path(0) : config;
		JsonNode requested = first.path("max_concurrency");
		if (requested.isMissingNode()) {
			requested = first.path("maxConcurrency");
		}
		int limit = Math.max(1, max);
		return (requested.isIntegralNumber() && requested.asInt() >= 1) ? Math.min(requested.asInt(), limit) : limit;
	}

	@Override
	public Object invoke(ChainRequestReader.Call call, RunnableConfig config) {
		return this.chain.invoke(call.input(), call.config());
	}

	@Override
	public Mono<Object> ainvoke(ChainRequestReader.Call call, RunnableConfig config) {
		return this.chain.ainvoke(call.input(), call.config());
	}

	@Override
	public String getName() {
		return this.chain.getName();
	}

}
