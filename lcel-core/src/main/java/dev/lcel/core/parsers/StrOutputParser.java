package dev.lcel.core.parsers;

import dev.lcel.core.runnable.AbstractTransformingRunnable;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.RunType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a model's message into its text: the usual last step of a chain that answers in prose.
 *
 * <p>It streams: given a model's chunks it emits each chunk's text as the chunk arrives, so in
 * {@code prompt.pipe(model).pipe(new StrOutputParser())} tokens reach the caller as the model
 * produces them. Text input passes through unchanged; other input fails with an
 * {@link IllegalArgumentException}. Stateless and thread-safe.
 */
public final class StrOutputParser extends AbstractTransformingRunnable<Object, String> {

	@Override
	protected boolean mayBlock() {
		return false;
	}

	@Override
	protected String doInvoke(Object input, RunManager run) {
		return ParserInput.text(input, this);
	}

	@Override
	protected Flux<String> doTransform(Flux<Object> input, RunManager run) {
		return input.map((chunk) -> ParserInput.text(chunk, this));
	}

	@Override
	public ObjectNode outputSchema() {
		return JsonNodeFactory.instance.objectNode().put("title", getName() + "Output").put("type", "string");
	}

	@Override
	public RunType runType() {
		return RunType.PARSER;
	}

}
