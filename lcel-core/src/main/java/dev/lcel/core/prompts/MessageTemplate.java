package dev.lcel.core.prompts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;

/**
 * A template for one message of a {@link ChatPromptTemplate}: a role and an f-string template of
 * its content.
 */
public final class MessageTemplate implements ChatPromptPart {

	/** The roles a message template may have. */
	static final List<String> ROLES = List.of("system", "human", "user", "ai", "assistant");

	private final String role;

	private final Template template;

	private MessageTemplate(String role, Template template) {
		this.role = role;
		this.template = template;
	}

	/**
	 * Return a template for a message of the given role.
	 * @param role {@code system}, {@code human} (or {@code user}), {@code ai} (or {@code assistant})
	 * @param template the content, with {@code {variable}} slots
	 * @return the message template
	 * @throws IllegalArgumentException for an unknown role or an invalid template
	 */
	public static MessageTemplate of(String role, String template) {
		Objects.requireNonNull(role, "role must not be null");
		Objects.requireNonNull(template, "template must not be null");
		if (!ROLES.contains(role)) {
			throw new IllegalArgumentException("Unknown message role '" + role + "'; use one of " + ROLES
					+ ", or a MessagesPlaceholder for a list of messages");
		}
		return new MessageTemplate(role, Template.parse(template));
	}

	/**
	 * Return the role of the messages this template produces.
	 * @return the role as given
	 */
	public String role() {
		return this.role;
	}

	/**
	 * Return the template of the content.
	 * @return the template text
	 */
	public String template() {
		return this.template.source();
	}

	@Override
	public List<String> variables() {
		return this.template.variables();
	}

	@Override
	public List<BaseMessage> format(Map<String, Object> values) {
		String content = this.template.format(values);
		return List.of(switch (this.role) {
			case "system" -> new SystemMessage(content);
			case "ai", "assistant" -> new AIMessage(content);
			default -> new HumanMessage(content);
		});
	}

	@Override
	public String toString() {
		return "(" + this.role + ", " + this.template.source() + ")";
	}

}
