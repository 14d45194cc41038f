package dev.lcel.core.tools;

import java.lang.reflect.Type;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.runnable.Runnable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a runnable's input becomes a tool's arguments ({@link Runnable#asTool}): an object input's
 * schema is the arguments' schema, any other input is the one argument {@code __arg1}, as in
 * LangChain's {@code convert_runnable_to_tool}.
 */
final class RunnableArguments {

	/** LangChain's name of the one argument of a tool whose input is not an object. */
	static final String SINGLE_ARGUMENT = "__arg1";

	private final ObjectNode schema;

	private final boolean single;

	private RunnableArguments(ObjectNode schema, boolean single) {
		this.schema = schema;
		this.single = single;
	}

	static RunnableArguments of(Runnable<?, ?> runnable) {
		ObjectNode input = runnable.inputSchema();
		input.remove("$schema");
		if ("object".equals(input.path("type").asString(null)) || input.has("properties")) {
			input.remove("title");
			return new RunnableArguments(input, false);
		}
		input.remove("title");
		ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
		schema.putObject("properties").set(SINGLE_ARGUMENT, input);
		schema.putArray("required").add(SINGLE_ARGUMENT);
		return new RunnableArguments(schema, true);
	}

	ObjectNode schema() {
		return this.schema.deepCopy();
	}

	@SuppressWarnings("unchecked")
	Runnable<Map<String, Object>, Object> adapt(Runnable<?, ?> runnable) {
		Runnable<Object, Object> target = AbstractRunnable.coerce((Runnable<Object, Object>) runnable);
		Type declared = runnable.inputType();
		JavaType type = (declared != Object.class) ? JsonMapper.shared().constructType(declared) : null;
		String name = runnable.getName();
		return new Runnable<>() {

			@Override
			public Object invoke(Map<String, Object> args, RunnableConfig config) {
				return target.invoke(input(args), config);
			}

			@Override
			public Mono<Object> ainvoke(Map<String, Object> args, RunnableConfig config) {
				// The target's steps that may block move off a non-blocking thread themselves.
				return Mono.defer(() -> target.ainvoke(input(args), config));
			}

			@Override
			public String getName() {
				return name;
			}

			private Object input(Map<String, Object> args) {
				Object value = RunnableArguments.this.single ? args.get(SINGLE_ARGUMENT) : args;
				return (type != null) ? ToolArguments.convert(name, "the input", value, type) : value;
			}

		};
	}

}
