package dev.lcel.core.tools;

import java.util.Map;
import java.util.function.Function;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Offload;
import dev.lcel.core.runnable.Runnable;
import reactor.core.publisher.Mono;

/**
 * The work of a tool made from a function or a method: called directly within the tool's run
 * (no run of its own, as LangChain's function tools), on Reactor's bounded elastic scheduler when
 * called asynchronously, since the function may block.
 */
final class ToolFunction implements Runnable<Map<String, Object>, Object> {

	private final String name;

	private final Function<Map<String, Object>, Object> function;

	ToolFunction(String name, Function<Map<String, Object>, Object> function) {
		this.name = name;
		this.function = function;
	}

	@Override
	public Object invoke(Map<String, Object> args, RunnableConfig config) {
		return this.function.apply(args);
	}

	@Override
	public Mono<Object> ainvoke(Map<String, Object> args, RunnableConfig config) {
		return Offload.ifNonBlocking(Mono.fromCallable(() -> this.function.apply(args)));
	}

	@Override
	public String getName() {
		return this.name;
	}

}
