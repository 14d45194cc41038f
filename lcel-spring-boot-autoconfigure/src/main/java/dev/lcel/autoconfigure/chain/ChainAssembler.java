package dev.lcel.autoconfigure.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableParallel;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Turns the chains of {@code lcel.chains} into runnables, checking them on the way: every
 * problem is collected with its property path and the valid choices, and reported at once.
 * Each step is built by its {@link StepKind}, through {@link Steps}.
 *
 * <p>References to other chains and to beans are checked now and resolved on first use, so chains
 * may refer to each other (but not in a cycle) and to beans in any order.
 */
final class ChainAssembler {

	private final Map<String, ChainDefinition> definitions;

	private final ListableBeanFactory beans;

	private final Problems problems = new Problems();

	private final Map<String, Runnable<Object, Object>> chains = new LinkedHashMap<>();

	private final ChainReferences references;

	private final ModelUses models;

	private final StructuredOutputStep outputs;

	private final ChainHistory histories;

	ChainAssembler(Map<String, ChainDefinition> definitions, ListableBeanFactory beans) {
		this.definitions = definitions;
		this.beans = beans;
		this.references = new ChainReferences(definitions, beans, this.chains);
		this.models = new ModelUses(() -> beans.getBean(ChatModelRegistry.class));
		this.outputs = new StructuredOutputStep(this.problems, ClassUtils.getDefaultClassLoader());
		this.histories = new ChainHistory(beans, this.problems);
	}

	/**
	 * Assemble every configured chain, collecting problems in {@link #problems()}.
	 * @return the chains, by name; to be used only when there are no problems
	 */
	Map<String, Runnable<Object, Object>> assemble() {
		this.definitions.forEach((name, definition) -> this.chains.put(name, chain(name, definition)));
		this.references.checkCycles(this.problems);
		return this.chains;
	}

	/**
	 * Return the problems found by {@link #assemble()}, each starting with its property path.
	 * @return the problems; empty when the chains are right
	 */
	List<String> problems() {
		return this.problems.list();
	}

	/**
	 * Return the models the chains use: the property path of each use, to the model's name
	 * ({@code null} for the default model). Known after {@link #assemble()}.
	 * @return the uses
	 */
	Map<String, @Nullable String> usedModels() {
		return this.models.byPath();
	}

	/**
	 * Return, for each configured chain, the models it uses, directly or through the chains it
	 * refers to; the empty string stands for the default model. Known after {@link #assemble()}.
	 * @return the model names by chain
	 */
	Map<String, Set<String>> modelsByChain() {
		return this.references.modelsByChain(this.models.byPath());
	}

	private Runnable<Object, Object> chain(String name, ChainDefinition definition) {
		String path = "lcel.chains." + name;
		boolean hasSteps = !definition.steps().isEmpty();
		boolean hasParallel = !definition.parallel().isEmpty();
		if (hasSteps == hasParallel) {
			return this.problems.invalid(path, "a chain needs either 'steps' (a sequence) or 'parallel' (a map of steps)"
					+ (hasSteps ? ", not both" : ""));
		}
		Steps steps = new Steps(name, this.problems, this.beans, this.references, this.models, this.outputs);
		Runnable<Object, Object> chain = hasSteps ? steps.sequence(path + ".steps", definition.steps())
				: Steps.erase(RunnableParallel.of(steps.each(path + ".parallel", definition.parallel())));
		if (definition.history() != null) {
			chain = this.histories.wrap(name, path + ".history", definition.history(), chain);
		}
		return chain.withConfig(RunnableConfig.builder().runName(name).build());
	}

}
