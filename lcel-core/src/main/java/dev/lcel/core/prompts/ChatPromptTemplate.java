package dev.lcel.core.prompts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.RunType;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat prompt: message templates, fixed messages and {@link MessagesPlaceholder}s that produce a
 * list of messages from a map of variables.
 *
 * <pre class="code">
 * ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(List.of(
 *         Map.entry("system", "You are a {style} assistant"),
 *         MessagesPlaceholder.optional("history"),
 *         Map.entry("human", "{question}")));
 * </pre>
 *
 * <p>Templates follow the rules of {@link PromptTemplate}. The input schema is an object with a
 * string property per template variable and an array-of-messages property per placeholder, all
 * required except partial variables and optional placeholders; the output schema is that of a
 * {@link ChatPromptValue}. Immutable and thread-safe.
 */
public final class ChatPromptTemplate extends AbstractRunnable<Map<String, ?>, PromptValue> {

	private final List<ChatPromptPart> parts;

	private final PromptVariables variables;

	private ChatPromptTemplate(List<ChatPromptPart> parts, PromptVariables variables) {
		this.parts = parts;
		this.variables = variables;
	}

	/**
	 * Return a chat prompt of one human message.
	 * @param template the message's content, with {@code {variable}} slots
	 * @return the prompt
	 * @throws IllegalArgumentException if the template is invalid
	 */
	public static ChatPromptTemplate fromTemplate(String template) {
		Objects.requireNonNull(template, "template must not be null");
		return fromParts(List.of(MessageTemplate.of("human", template)));
	}

	/**
	 * Return a chat prompt of the given entries, each one of: a {@code Map.Entry<String, String>}
	 * of role and template (roles {@code system}, {@code human}/{@code user},
	 * {@code ai}/{@code assistant}, and {@code placeholder} with a template {@code "{name}"} for an
	 * optional placeholder), a {@link ChatPromptPart} ({@link MessageTemplate},
	 * {@link MessagesPlaceholder}), or a {@link BaseMessage} used as it is.
	 * @param messages the entries, in order
	 * @return the prompt
	 * @throws IllegalArgumentException for an entry of another type, an unknown role or an invalid
	 * template
	 */
	public static ChatPromptTemplate fromMessages(List<?> messages) {
		Objects.requireNonNull(messages, "messages must not be null");
		List<ChatPromptPart> parts = new ArrayList<>(messages.size());
		for (Object message : messages) {
			parts.add(toPart(message));
		}
		return fromParts(parts);
	}

	private static ChatPromptTemplate fromParts(List<ChatPromptPart> parts) {
		LinkedHashSet<String> names = new LinkedHashSet<>();
		Set<String> messageVariables = new LinkedHashSet<>();
		Set<String> optional = new LinkedHashSet<>();
		for (ChatPromptPart part : parts) {
			names.addAll(part.variables());
			if (part instanceof MessagesPlaceholder placeholder) {
				messageVariables.add(placeholder.variableName());
				if (placeholder.optional()) {
					optional.add(placeholder.variableName());
				}
			}
		}
		String description = parts.toString();
		return new ChatPromptTemplate(List.copyOf(parts),
				new PromptVariables(description, List.copyOf(names), messageVariables, optional, Map.of()));
	}

	private static ChatPromptPart toPart(Object message) {
		if (message instanceof ChatPromptPart part) {
			return part;
		}
		if (message instanceof BaseMessage fixed) {
			return new FixedMessage(fixed);
		}
		if (message instanceof Map.Entry<?, ?> entry && entry.getKey() instanceof String role
				&& entry.getValue() instanceof String template) {
			if ("placeholder".equals(role)) {
				Template parsed = Template.parse(template);
				if (parsed.variables().size() != 1 || !template.strip().equals("{" + parsed.variables().get(0) + "}")) {
					throw new IllegalArgumentException(
							"A placeholder entry is written (\"placeholder\", \"{name}\"), but was given '" + template + "'");
				}
				return MessagesPlaceholder.optional(parsed.variables().get(0));
			}
			return MessageTemplate.of(role, template);
		}
		throw new IllegalArgumentException("Cannot use " + ((message != null) ? message.getClass().getName() : "null")
				+ " as a chat prompt entry; use Map.entry(role, template), a MessagesPlaceholder or a message");
	}

	/**
	 * Return a copy of this prompt with some variables filled in ahead of time; see
	 * {@link PromptTemplate#partial(Map)}.
	 * @param values values by variable name
	 * @return the new prompt
	 * @throws IllegalArgumentException if this prompt has no variable of some given name
	 */
	public ChatPromptTemplate partial(Map<String, ?> values) {
		Objects.requireNonNull(values, "values must not be null");
		return new ChatPromptTemplate(this.parts, this.variables.withPartials(values));
	}

	/**
	 * Return the variables the input must or may give: those without a partial value.
	 * @return the variable names, in order of appearance
	 */
	public List<String> inputVariables() {
		return this.variables.inputVariables();
	}

	/**
	 * Return the entries of this prompt.
	 * @return the entries, in order
	 */
	public List<ChatPromptPart> getParts() {
		return this.parts;
	}

	/**
	 * Produce the messages of this prompt.
	 * @param input a value for every required variable
	 * @return the messages
	 * @throws PromptException if a variable has no value or a placeholder's value is not a list of
	 * messages
	 */
	public List<BaseMessage> formatMessages(Map<String, ?> input) {
		Map<String, Object> values = this.variables.resolve(input);
		List<BaseMessage> messages = new ArrayList<>();
		for (ChatPromptPart part : this.parts) {
			messages.addAll(part.format(values));
		}
		return messages;
	}

	@Override
	protected boolean mayBlock() {
		return false;
	}

	@Override
	protected PromptValue doInvoke(Map<String, ?> input, RunManager run) {
		return new ChatPromptValue(formatMessages(input));
	}

	@Override
	public ObjectNode inputSchema() {
		return this.variables.inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return PromptValueSchemas.chatPromptValue();
	}

	@Override
	public String toString() {
		return "ChatPromptTemplate" + this.parts;
	}

	@Override
	public RunType runType() {
		return RunType.PROMPT;
	}

}
