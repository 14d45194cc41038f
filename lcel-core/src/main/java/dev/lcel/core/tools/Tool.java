package dev.lcel.core.tools;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ToolDefinition;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tools.annotation.ToolParam;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.RunType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool a chat model may ask to call: its name, what it does, the JSON Schema of its arguments,
 * and the {@link Runnable} that runs it. A tool is itself a runnable whose calls are runs of type
 * {@code tool} ({@code on_tool_start} / {@code on_tool_end}, {@code tool} entries in the run log),
 * as LangChain's tools are.
 *
 * <p>Its input is either the arguments (a {@code Map} by name), and its output is then what the
 * runnable returns, or a {@link ToolCall}, and its output is then the {@link ToolMessage} that
 * answers the call (the result as text, with the call's id). Either way the run reports the
 * arguments as its input. Arguments that do not fit the tool (a missing or mistyped one) fail
 * the call with an {@link IllegalArgumentException} naming the tool and the argument.
 *
 * <p>Made from annotated methods ({@link #fromMethods}), from a record type and a function
 * ({@link #fromFunction}), from any runnable ({@link Runnable#asTool}), or from a schema and a
 * runnable ({@link #of}).
 */
public final class Tool extends AbstractRunnable<Object, Object> {

	private final String name;

	private final String description;

	private final ObjectNode argsSchema;

	private final Runnable<Map<String, Object>, ?> runnable;

	private Tool(String name, String description, ObjectNode argsSchema, Runnable<Map<String, Object>, ?> runnable) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.description = (description != null) ? description : "";
		this.argsSchema = Objects.requireNonNull(argsSchema, "argsSchema must not be null").deepCopy();
		this.runnable = Objects.requireNonNull(runnable, "runnable must not be null");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A tool's name must not be blank");
		}
	}

	/**
	 * Return a tool that runs {@code runnable} on its arguments. The runnable's calls are children
	 * of the tool's run.
	 * @param name the tool's name
	 * @param description what it does
	 * @param argsSchema the JSON Schema of its arguments object
	 * @param runnable what runs it, given the arguments by name
	 * @return the tool
	 */
	public static Tool of(String name, String description, ObjectNode argsSchema,
			Runnable<Map<String, Object>, ?> runnable) {
		return new Tool(name, description, argsSchema, runnable);
	}

	/**
	 * Return a tool whose arguments are described by a type (typically a record: its components are
	 * the arguments, each required) and that runs {@code function} on them. The function may block:
	 * asynchronous calls run it on Reactor's bounded elastic scheduler.
	 * @param <A> the arguments' type
	 * @param name the tool's name
	 * @param description what it does
	 * @param argsType the arguments' type
	 * @param function what the tool does
	 * @return the tool
	 */
	public static <A> Tool fromFunction(String name, String description, Class<A> argsType,
			Function<? super A, ?> function) {
		Objects.requireNonNull(argsType, "argsType must not be null");
		Objects.requireNonNull(function, "function must not be null");
		ToolArguments<A> arguments = ToolArguments.of(name, argsType);
		return new Tool(name, description, arguments.schema(),
				new ToolFunction(name, (args) -> function.apply(arguments.read(args))));
	}

	/**
	 * Return a tool for each public method of {@code bean} annotated with
	 * {@link dev.lcel.core.tools.annotation.Tool @Tool}, in the order of their names: the method's
	 * parameters are the arguments (described by {@link ToolParam}),
	 * its return value the result. Methods may block, as for {@link #fromFunction}.
	 * @param bean the object whose methods are tools
	 * @return the tools
	 * @throws IllegalArgumentException if the bean has no such method, or two with one name
	 */
	public static List<Tool> fromMethods(Object bean) {
		return ToolMethods.of(bean);
	}

	/**
	 * Return {@code runnable} as a tool, as {@link Runnable#asTool} does: when the runnable's input
	 * schema is an object, it is the arguments' schema and the arguments are the input; otherwise the
	 * tool has one argument, {@code __arg1} (LangChain's name), that is the input. A runnable with a
	 * declared {@link Runnable#inputType()} receives the arguments read into that type.
	 * @param runnable the runnable
	 * @param name the tool's name, or {@code null} for the runnable's name
	 * @param description what it does
	 * @return the tool
	 */
	public static Tool fromRunnable(Runnable<?, ?> runnable, @Nullable String name, String description) {
		Objects.requireNonNull(runnable, "runnable must not be null");
		RunnableArguments arguments = RunnableArguments.of(runnable);
		return new Tool((name != null) ? name : runnable.getName(), description, arguments.schema(),
				arguments.adapt(runnable));
	}

	/**
	 * Return the definition a chat model is given of this tool ({@link ChatModel#bindTools}).
	 * @return the definition
	 */
	public ToolDefinition definition() {
		return new ToolDefinition(this.name, this.description, this.argsSchema);
	}

	/**
	 * Return the tool's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return what the tool does.
	 * @return the description, empty if none was given
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Return the JSON Schema of the tool's arguments.
	 * @return a copy of the schema
	 */
	public ObjectNode argsSchema() {
		return this.argsSchema.deepCopy();
	}

	/**
	 * Return the runnable that runs the tool on its arguments.
	 * @return the runnable
	 */
	public Runnable<Map<String, Object>, ?> runnable() {
		return this.runnable;
	}

	@Override
	protected Object doInvoke(Object input, RunManager run) {
		return await(doAinvoke(input, run));
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Mono<Object> doAinvoke(Object input, RunManager run) {
		ToolCall call = (input instanceof ToolCall toolCall) ? toolCall : null;
		Map<String, Object> args = arguments(input);
		for (JsonNode required : this.argsSchema.path("required")) {
			if (!args.containsKey(required.asString())) {
				return Mono.error(new IllegalArgumentException("Tool '" + this.name + "' needs argument '"
						+ required.asString() + "'; it was given " + args.keySet()));
			}
		}
		Mono<Object> output = (Mono<Object>) this.runnable.ainvoke(args, run.child());
		if (call == null) {
			return output;
		}
		return output.defaultIfEmpty("")
			.map((result) -> new ToolMessage(ToolOutputs.content(result), (call.id() != null) ? call.id() : "", null,
					this.name));
	}

	/** Report the arguments as the run's input, as LangChain's tools report {@code inputs}. */
	@Override
	protected Object runInput(Object input) {
		try {
			return arguments(input);
		}
		catch (IllegalArgumentException ex) {
			return input;
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> arguments(Object input) {
		if (input instanceof ToolCall call) {
			return call.args();
		}
		if (input instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new IllegalArgumentException("Tool '" + this.name + "' takes its arguments as a Map or a ToolCall, but was given "
				+ ((input != null) ? "a " + input.getClass().getName() : "null"));
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public RunType runType() {
		return RunType.TOOL;
	}

	@Override
	public Type inputType() {
		return Map.class;
	}

	@Override
	public ObjectNode inputSchema() {
		ObjectNode schema = this.argsSchema.deepCopy();
		schema.put("title", this.name + "Input");
		return schema;
	}

	@Override
	public String toString() {
		return "Tool[" + this.name + "]";
	}

}
