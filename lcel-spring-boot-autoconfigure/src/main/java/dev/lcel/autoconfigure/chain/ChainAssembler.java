package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.parsers.BeanOutputParser;
import dev.lcel.core.parsers.JsonOutputParser;
import dev.lcel.core.parsers.ListOutputParser;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.prompts.MessagesPlaceholder;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableAssign;
import dev.lcel.core.runnable.RunnableBranch;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import dev.lcel.core.runnable.RunnablePassthrough;
import dev.lcel.core.runnable.RunnablePick;
import dev.lcel.core.runnable.RunnableSequence;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Turns the chains of {@code lcel.chains} into runnables, checking them on the way: every
 * problem is collected with its property path and the valid choices, and reported at once.
 *
 * <p>References to other chains and to beans are checked now and resolved on first use, so chains
 * may refer to each other (but not in a cycle) and to beans in any order.
 */
final class ChainAssembler {

	/** The kinds of a step, one of which each step has; the JSON Schema of the grammar reads them too. */
	static final List<String> STEP_KINDS = List.of("prompt", "messages", "model", "parser", "chain", "bean",
			"parallel", "passthrough", "assign", "pick", "branch");

	/** The keys of a chat prompt's entry. */
	static final List<String> ROLES = List.of("system", "human", "ai", "placeholder", "optional-placeholder");

	private static final List<String> PARSERS = List.of("str", "json", "list", "numbered-list",
			"a class name (parsed into that type)");

	private static final SpelExpressionParser SPEL = new SpelExpressionParser();

	private final Map<String, ChainDefinition> definitions;

	private final ListableBeanFactory beans;

	private final Set<String> beanChains;

	private final List<String> problems = new ArrayList<>();

	private final Map<String, Set<String>> references = new LinkedHashMap<>();

	private final Map<String, Runnable<Object, Object>> chains = new LinkedHashMap<>();

	private final Map<String, String> usedModels = new LinkedHashMap<>();

	private final ModelStep models;

	private final ChainHistory histories;

	ChainAssembler(Map<String, ChainDefinition> definitions, ListableBeanFactory beans) {
		this.definitions = definitions;
		this.beans = beans;
		this.beanChains = new TreeSet<>(List.of(beans.getBeanNamesForType(Runnable.class, true, false)));
		this.models = new ModelStep(() -> beans.getBean(ChatModelRegistry.class), this.usedModels, this.problems);
		this.histories = new ChainHistory(beans, this.problems);
	}

	/**
	 * Return the models the chains use: the property path of each {@code model} step, to the model's
	 * name ({@code null} for the default model). Known after {@link #assemble()}.
	 * @return the uses
	 */
	Map<String, String> usedModels() {
		return this.usedModels;
	}

	/**
	 * Return, for each configured chain, the models it uses, directly or through the chains it
	 * refers to; the empty string stands for the default model.
	 */
	Map<String, Set<String>> modelsByChain() {
		Map<String, Set<String>> models = new LinkedHashMap<>();
		for (String name : this.references.keySet()) {
			Set<String> found = new TreeSet<>();
			collectModels(name, found, new HashSet<>());
			models.put(name, found);
		}
		return models;
	}

	private void collectModels(String chain, Set<String> found, Set<String> visited) {
		if (!visited.add(chain)) {
			return;
		}
		String prefix = "lcel.chains." + chain + ".";
		this.usedModels.forEach((path, model) -> {
			if (path.startsWith(prefix)) {
				found.add((model != null) ? model : "");
			}
		});
		this.references.getOrDefault(chain, Set.of()).forEach((next) -> collectModels(next, found, visited));
	}

	/**
	 * Return the problems found by {@link #assemble()}, each starting with its property path.
	 * @return the problems; empty when the chains are right
	 */
	List<String> problems() {
		return this.problems;
	}

	/**
	 * Assemble every configured chain, collecting problems in {@link #problems()}.
	 * @return the chains that could be assembled, by name
	 */
	Map<String, Runnable<Object, Object>> assemble() {
		this.definitions.forEach((name, definition) -> {
			Runnable<Object, Object> chain = chain(name, definition);
			if (chain != null) {
				this.chains.put(name, chain);
			}
		});
		findCycles();
		return this.chains;
	}

	private Runnable<Object, Object> chain(String name, ChainDefinition definition) {
		String path = "lcel.chains." + name;
		this.references.put(name, new TreeSet<>());
		boolean hasSteps = !definition.getSteps().isEmpty();
		boolean hasParallel = !definition.getParallel().isEmpty();
		if (hasSteps == hasParallel) {
			this.problems.add(path + ": a chain needs either 'steps' (a sequence) or 'parallel' (a map of steps)"
					+ (hasSteps ? ", not both" : ""));
			return null;
		}
		Runnable<Object, Object> chain = hasSteps ? sequence(name, path + ".steps", definition.getSteps())
				: parallel(name, path + ".parallel", definition.getParallel());
		if (chain != null && definition.getHistory() != null) {
			chain = this.histories.wrap(name, path + ".history", definition.getHistory(), chain);
		}
		return (chain != null) ? chain.withConfig(RunnableConfig.builder().runName(name).build()) : null;
	}

	private Runnable<Object, Object> sequence(String owner, String path, List<StepDefinition> steps) {
		List<Runnable<Object, Object>> built = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			built.add(step(owner, path + "[" + i + "]", steps.get(i)));
			if (i > 0 && built.get(i) != null) {
				checkVariables(path + "[" + i + "]", steps.get(i - 1), steps.get(i), built.get(i));
			}
		}
		if (built.contains(null)) {
			return null;
		}
		return (built.size() == 1) ? built.get(0) : RunnableSequence.fromSteps(built);
	}

	private Runnable<Object, Object> parallel(String owner, String path, Map<String, StepDefinition> steps) {
		Map<String, Runnable<Object, Object>> built = steps(owner, path, steps);
		return (built != null) ? erase(RunnableParallel.of(built)) : null;
	}

	private Map<String, Runnable<Object, Object>> steps(String owner, String path, Map<String, StepDefinition> steps) {
		Map<String, Runnable<Object, Object>> built = new LinkedHashMap<>();
		steps.forEach((key, step) -> built.put(key, step(owner, path + "." + key, step)));
		return built.containsValue(null) ? null : built;
	}

	private Runnable<Object, Object> step(String owner, String path, StepDefinition step) {
		if (step == null) {
			this.problems.add(path + ": missing step; a step is one of " + STEP_KINDS);
			return null;
		}
		List<String> kinds = kindsOf(step);
		if (kinds.size() != 1) {
			this.problems.add(path + ": a step needs exactly one of " + STEP_KINDS + ", found "
					+ (kinds.isEmpty() ? "none" : kinds));
			return null;
		}
		Runnable<Object, Object> runnable = switch (kinds.get(0)) {
			case "prompt" -> prompt(path + ".prompt", step.getPrompt());
			case "messages" -> messages(path + ".messages", step.getMessages());
			case "model" -> model(path, step);
			case "parser" -> parser(path + ".parser", step.getParser());
			case "chain" -> chainReference(owner, path + ".chain", step.getChain());
			case "bean" -> beanStep(path + ".bean", step.getBean());
			case "parallel" -> parallel(owner, path + ".parallel", step.getParallel());
			case "passthrough" -> erase(RunnablePassthrough.create());
			case "assign" -> assign(owner, path + ".assign", step.getAssign());
			case "pick" -> erase(RunnablePick.of(step.getPick().toArray(String[]::new)));
			default -> branch(owner, path + ".branch", step.getBranch());
		};
		return (runnable != null) ? decorate(owner, path, step, runnable) : null;
	}

	private static List<String> kindsOf(StepDefinition step) {
		List<String> kinds = new ArrayList<>();
		addIf(kinds, "prompt", step.getPrompt() != null);
		addIf(kinds, "messages", !step.getMessages().isEmpty());
		addIf(kinds, "model", step.getModel() != null);
		addIf(kinds, "parser", step.getParser() != null);
		addIf(kinds, "chain", step.getChain() != null);
		addIf(kinds, "bean", step.getBean() != null);
		addIf(kinds, "parallel", !step.getParallel().isEmpty());
		addIf(kinds, "passthrough", Boolean.TRUE.equals(step.getPassthrough()));
		addIf(kinds, "assign", !step.getAssign().isEmpty());
		addIf(kinds, "pick", !step.getPick().isEmpty());
		addIf(kinds, "branch", step.getBranch() != null);
		return kinds;
	}

	private static void addIf(List<String> kinds, String kind, boolean present) {
		if (present) {
			kinds.add(kind);
		}
	}

	private Runnable<Object, Object> decorate(String owner, String path, StepDefinition step,
			Runnable<Object, Object> runnable) {
		Runnable<Object, Object> decorated = runnable;
		RetryDefinition retry = step.getRetry();
		if (retry != null) {
			if (retry.getMaxAttempts() < 1) {
				this.problems.add(path + ".retry.max-attempts: must be at least 1, was " + retry.getMaxAttempts());
				return null;
			}
			decorated = decorated.withRetry(retry.toPolicy());
		}
		if (!step.getFallbacks().isEmpty()) {
			List<Runnable<Object, Object>> fallbacks = new ArrayList<>();
			for (int i = 0; i < step.getFallbacks().size(); i++) {
				fallbacks.add(step(owner, path + ".fallbacks[" + i + "]", step.getFallbacks().get(i)));
			}
			if (fallbacks.contains(null)) {
				return null;
			}
			decorated = decorated.withFallbacks(fallbacks);
		}
		return decorated;
	}

	/**
	 * Check that a prompt after a parallel asks only for what the parallel produces: the one case
	 * where a step's output keys are known from the configuration alone.
	 */
	private void checkVariables(String path, StepDefinition before, StepDefinition step, Runnable<Object, Object> built) {
		if (before.getParallel().isEmpty() || (step.getPrompt() == null && step.getMessages().isEmpty())) {
			return;
		}
		Set<String> produced = before.getParallel().keySet();
		built.inputSchema().path("required").forEach((variable) -> {
			if (!produced.contains(variable.asString())) {
				this.problems.add(path + "." + ((step.getPrompt() != null) ? "prompt" : "messages") + ": variable '"
						+ variable.asString() + "' is not produced by the parallel before it, which gives " + produced);
			}
		});
	}

	private Runnable<Object, Object> prompt(String path, String template) {
		try {
			return erase(ChatPromptTemplate.fromTemplate(template));
		}
		catch (RuntimeException ex) {
			this.problems.add(path + ": " + ex.getMessage());
			return null;
		}
	}

	private Runnable<Object, Object> messages(String path, List<Map<String, String>> entries) {
		List<Object> parts = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Map<String, String> entry = entries.get(i);
			if (entry.size() != 1) {
				this.problems.add(path + "[" + i + "]: an entry is one of system, human, ai (a template), placeholder "
						+ "or optional-placeholder (a variable holding messages), found " + entry.keySet());
				return null;
			}
			Map.Entry<String, String> only = entry.entrySet().iterator().next();
			switch (only.getKey()) {
				case "placeholder" -> parts.add(MessagesPlaceholder.of(only.getValue()));
				case "optional-placeholder" -> parts.add(MessagesPlaceholder.optional(only.getValue()));
				case "system", "human", "ai" -> parts.add(Map.entry(only.getKey(), only.getValue()));
				default -> {
					this.problems.add(path + "[" + i + "]." + only.getKey() + ": unknown role; roles: " + ROLES);
					return null;
				}
			}
		}
		try {
			return erase(ChatPromptTemplate.fromMessages(parts));
		}
		catch (RuntimeException ex) {
			this.problems.add(path + ": " + ex.getMessage());
			return null;
		}
	}

	private Runnable<Object, Object> model(String stepPath, StepDefinition step) {
		Map<String, Object> bind = new LinkedHashMap<>();
		step.getBind().forEach((key, value) -> bind.put(key, typed(value)));
		try {
			ChatOptions.from(bind);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(stepPath + ".bind: " + ex.getMessage());
		}
		return this.models.build(stepPath + ".model", step.getModel(), bind);
	}

	/**
	 * Read a bound argument from configuration, where every value is a string: numbers and booleans
	 * become what they say.
	 */
	/**
	 * Return a bound value as its type: numbers and booleans from their text, and lists from the
	 * maps keyed {@code 0, 1, ...} that the binder makes of YAML lists inside a map.
	 */
	private static Object typed(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> typedMap = new LinkedHashMap<>();
			map.forEach((key, element) -> typedMap.put(String.valueOf(key), typed(element)));
			return isList(typedMap) ? new ArrayList<>(typedMap.values()) : typedMap;
		}
		if (!(value instanceof String text)) {
			return value;
		}
		if (text.equals("true") || text.equals("false")) {
			return Boolean.parseBoolean(text);
		}
		try {
			return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

	private static boolean isList(Map<String, Object> map) {
		int index = 0;
		for (String key : map.keySet()) {
			if (!key.equals(String.valueOf(index++))) {
				return false;
			}
		}
		return !map.isEmpty();
	}

	private Runnable<Object, Object> parser(String path, String parser) {
		return switch (parser) {
			case "str" -> erase(new StrOutputParser());
			case "json" -> erase(new JsonOutputParser());
			case "list" -> erase(ListOutputParser.commaSeparated());
			case "numbered-list" -> erase(ListOutputParser.numbered());
			default -> beanParser(path, parser);
		};
	}

	private Runnable<Object, Object> beanParser(String path, String className) {
		if (!className.contains(".")) {
			this.problems.add(path + ": unknown parser '" + className + "'; parsers: " + PARSERS);
			return null;
		}
		try {
			// A class the application's configuration names, never one named by a request.
			Class<?> type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
			return erase(BeanOutputParser.of(type));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			this.problems.add(path + ": no class '" + className + "' to parse into; parsers: " + PARSERS);
			return null;
		}
	}

	private Runnable<Object, Object> chainReference(String owner, String path, String name) {
		if (this.definitions.containsKey(name)) {
			this.references.get(owner).add(name);
			return new ChainReference(name, () -> this.chains.get(name));
		}
		if (this.beanChains.contains(name)) {
			return new ChainReference(name, () -> runnableBean(name));
		}
		Set<String> known = new TreeSet<>(this.definitions.keySet());
		known.addAll(this.beanChains);
		this.problems.add(path + ": unknown chain '" + name + "'; chains: " + known);
		return null;
	}

	private Runnable<Object, Object> beanStep(String path, String name) {
		if (!this.beans.containsBean(name)) {
			this.problems.add(path + ": no bean named '" + name + "'");
			return null;
		}
		Class<?> type = this.beans.getType(name, false);
		if (type != null && !Runnable.class.isAssignableFrom(type) && !Function.class.isAssignableFrom(type)) {
			this.problems.add(path + ": bean '" + name + "' is a " + type.getName()
					+ ", but a step bean must be a dev.lcel.core.runnable.Runnable or a java.util.function.Function");
			return null;
		}
		return new ChainReference(name, () -> adapt(name, this.beans.getBean(name)));
	}

	@SuppressWarnings("unchecked")
	private static Runnable<Object, Object> erase(Runnable<?, ?> runnable) {
		return (Runnable<Object, Object>) runnable;
	}

	@SuppressWarnings("unchecked")
	private Runnable<Object, Object> runnableBean(String name) {
		return BeanChainNames.named(BeanChainNames.of(this.beans, name), this.beans.getBean(name, Runnable.class));
	}

	@SuppressWarnings("unchecked")
	private Runnable<Object, Object> adapt(String name, Object bean) {
		if (bean instanceof Runnable<?, ?> runnable) {
			return BeanChainNames.named(BeanChainNames.of(this.beans, name), (Runnable<Object, Object>) runnable);
		}
		return RunnableLambda.of(name, (Function<Object, Object>) bean);
	}

	private Runnable<Object, Object> assign(String owner, String path, Map<String, StepDefinition> mappers) {
		Map<String, Runnable<Object, Object>> built = steps(owner, path, mappers);
		return (built != null) ? erase(RunnableAssign.of(built)) : null;
	}

	private Runnable<Object, Object> branch(String owner, String path, BranchDefinition branch) {
		if (branch.getCases().isEmpty()) {
			this.problems.add(path + ".cases: a branch needs at least one case");
		}
		if (branch.getOtherwise().isEmpty()) {
			this.problems.add(path + ".otherwise: a branch needs the steps taken when no case holds");
		}
		RunnableBranch.Builder<Object, Object> builder = RunnableBranch.builder();
		boolean valid = !branch.getCases().isEmpty() && !branch.getOtherwise().isEmpty();
		for (int i = 0; i < branch.getCases().size(); i++) {
			String casePath = path + ".cases[" + i + "]";
			BranchDefinition.Case branchCase = branch.getCases().get(i);
			Runnable<Object, Boolean> condition = condition(casePath, branchCase);
			Runnable<Object, Object> then = outcome(owner, casePath + ".then", branchCase.getThen());
			if (condition == null || then == null) {
				valid = false;
				continue;
			}
			builder.when(condition, then);
		}
		Runnable<Object, Object> otherwise = branch.getOtherwise().isEmpty() ? null
				: outcome(owner, path + ".otherwise", branch.getOtherwise());
		return (valid && otherwise != null) ? builder.otherwise(otherwise) : null;
	}

	private Runnable<Object, Object> outcome(String owner, String path, List<StepDefinition> steps) {
		if (steps.isEmpty()) {
			this.problems.add(path + ": no steps; list the steps to take, as under 'steps'");
			return null;
		}
		return sequence(owner, path, steps);
	}

	@SuppressWarnings("unchecked")
	private Runnable<Object, Boolean> condition(String path, BranchDefinition.Case branchCase) {
		if ((branchCase.getWhen() == null) == (branchCase.getPredicate() == null)) {
			this.problems.add(path + ": a case needs exactly one of 'when' (a SpEL expression over #input) or "
					+ "'predicate' (the name of a Predicate bean)");
			return null;
		}
		if (branchCase.getPredicate() != null) {
			String name = branchCase.getPredicate();
			if (!this.beans.containsBean(name)) {
				this.problems.add(path + ".predicate: no bean named '" + name + "'");
				return null;
			}
			return RunnableLambda.of(name, (Object input) -> ((Predicate<Object>) this.beans.getBean(name)).test(input));
		}
		try {
			Expression expression = SPEL.parseExpression(branchCase.getWhen());
			return RunnableLambda.of(branchCase.getWhen(), (Object input) -> evaluate(expression, input));
		}
		catch (ParseException ex) {
			this.problems.add(path + ".when: invalid expression '" + branchCase.getWhen() + "': " + ex.getMessage());
			return null;
		}
	}

	private static Boolean evaluate(Expression expression, Object input) {
		// Read-only data binding: a condition can read the input but never call methods on it.
		SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
		context.setVariable("input", input);
		return Boolean.TRUE.equals(expression.getValue(context, Boolean.class));
	}

	private void findCycles() {
		Set<String> done = new TreeSet<>();
		for (String name : this.references.keySet()) {
			List<String> path = new ArrayList<>();
			if (cycleFrom(name, path, done)) {
				this.problems.add("lcel.chains." + path.get(0) + ": chains refer to each other in a cycle: "
						+ String.join(" -> ", path));
				return;
			}
		}
	}

	private boolean cycleFrom(String name, List<String> path, Set<String> done) {
		int seen = path.indexOf(name);
		if (seen >= 0) {
			path.subList(0, seen).clear();
			path.add(name);
			return true;
		}
		if (done.contains(name)) {
			return false;
		}
		path.add(name);
		for (String next : this.references.getOrDefault(name, Set.of())) {
			if (cycleFrom(next, path, done)) {
				return true;
			}
		}
		path.remove(path.size() - 1);
		done.add(name);
		return false;
	}

}
