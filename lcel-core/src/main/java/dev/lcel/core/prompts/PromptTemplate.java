package dev.lcel.core.prompts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.RunType;
import tools.jackson.databind.node.ObjectNode;

/**
 * A text prompt with {@code {variable}} slots, filled from a map: the start of most chains.
 *
 * <pre class="code">
 * PromptTemplate prompt = PromptTemplate.fromTemplate("tell me a joke about {topic}");
 * prompt.invoke(Map.of("topic", "bears")).toText(); // "tell me a joke about bears"
 * </pre>
 *
 * <p>{@code {{} and {@code }}} are literal braces. Variables are plain identifiers, checked when
 * the template is built; values are inserted as {@code String.valueOf(value)} and never re-read as
 * templates. A variable missing from the input (and without a partial value) fails the run with a
 * {@link PromptException} naming it and the keys that were given. Immutable and thread-safe.
 *
 * <p>The input schema is an object with one required string property per variable; the output
 * schema is that of a {@link StringPromptValue}.
 */
public final class PromptTemplate extends AbstractRunnable<Map<String, ?>, PromptValue> {

	private final Template template;

	private final PromptVariables variables;

	private PromptTemplate(Template template, PromptVariables variables) {
		this.template = template;
		this.variables = variables;
	}

	/**
	 * Return a prompt of an f-string template.
	 * @param template the text, with {@code {variable}} slots
	 * @return the prompt
	 * @throws IllegalArgumentException if the template has an unbalanced brace or a variable that is
	 * not a plain identifier
	 */
	public static PromptTemplate fromTemplate(String template) {
		Objects.requireNonNull(template, "template must not be null");
		Template parsed = Template.parse(template);
		return new PromptTemplate(parsed, new PromptVariables(template, parsed.variables(), Set.of(), Set.of(), Map.of()));
	}

	/**
	 * Return a copy of this prompt with some variables filled in ahead of time. A value that is a
	 * {@link Supplier} is called each time the prompt runs (a date, say).
	 * Values in the input override partial values.
	 * @param values values by variable name
	 * @return the new prompt
	 * @throws IllegalArgumentException if this prompt has no variable of some given name
	 */
	public PromptTemplate partial(Map<String, ?> values) {
		Objects.requireNonNull(values, "values must not be null");
		return new PromptTemplate(this.template, this.variables.withPartials(values));
	}

	/**
	 * Return the variables the input must give: those without a partial value.
	 * @return the variable names, in order of appearance
	 */
	public List<String> inputVariables() {
		return this.variables.inputVariables();
	}

	/**
	 * Fill in the template.
	 * @param input a value for every input variable
	 * @return the text
	 * @throws PromptException if a variable has no value
	 */
	public String format(Map<String, ?> input) {
		return this.template.format(this.variables.resolve(input));
	}

	@Override
	protected boolean mayBlock() {
		return false;
	}

	@Override
	protected PromptValue doInvoke(Map<String, ?> input, RunManager run) {
		return new StringPromptValue(format(input));
	}

	@Override
	public ObjectNode inputSchema() {
		return this.variables.inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return PromptValueSchemas.stringPromptValue();
	}

	@Override
	public String toString() {
		return "PromptTemplate[" + this.template.source() + "]";
	}

	@Override
	public RunType runType() {
		return RunType.PROMPT;
	}

}
