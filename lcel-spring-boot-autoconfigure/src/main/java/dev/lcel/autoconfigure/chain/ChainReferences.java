package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.lcel.core.runnable.Runnable;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The chains a configured chain may refer to by name (the configured chains and the
 * {@link Runnable} beans) and the references made: resolved on first use, so chains may refer to
 * each other in any order, and checked for cycles once every chain is assembled.
 */
final class ChainReferences {

	private final Map<String, ChainDefinition> definitions;

	private final ListableBeanFactory beans;

	private final Set<String> beanChains;

	private final Map<String, Runnable<Object, Object>> chains;

	private final Map<String, Set<String>> references = new LinkedHashMap<>();

	/**
	 * Create the references among the given chains.
	 * @param definitions the configured chains
	 * @param beans the bean factory, for {@link Runnable} beans
	 * @param chains the configured chains as they are assembled, by name
	 */
	ChainReferences(Map<String, ChainDefinition> definitions, ListableBeanFactory beans,
			Map<String, Runnable<Object, Object>> chains) {
		this.definitions = definitions;
		this.beans = beans;
		this.beanChains = new TreeSet<>(List.of(beans.getBeanNamesForType(Runnable.class, true, false)));
		this.chains = chains;
		definitions.keySet().forEach((name) -> this.references.put(name, new TreeSet<>()));
	}

	boolean exists(String name) {
		return this.definitions.containsKey(name) || this.beanChains.contains(name);
	}

	/**
	 * Return the names a chain may refer to.
	 * @return the configured chains and the {@link Runnable} beans, sorted
	 */
	Set<String> names() {
		Set<String> known = new TreeSet<>(this.definitions.keySet());
		known.addAll(this.beanChains);
		return known;
	}

	/**
	 * Refer from a configured chain to a chain that {@link #exists(String) exists}.
	 * @param from the configured chain making the reference
	 * @param name the chain referred to
	 * @return the reference, resolved on first use
	 */
	@SuppressWarnings("unchecked")
	Runnable<Object, Object> to(String from, String name) {
		if (this.definitions.containsKey(name)) {
			this.references.get(from).add(name);
			return new ChainReference(name, () -> this.chains.get(name));
		}
		return new ChainReference(name, () -> BeanChainNames.named(BeanChainNames.of(this.beans, name),
				this.beans.getBean(name, Runnable.class)));
	}

	/**
	 * Return what a configured chain does.
	 * @param name the chain's name
	 * @return its description, or {@code null} if it is not a configured chain or has none
	 */
	@Nullable String description(String name) {
		ChainDefinition definition = this.definitions.get(name);
		return (definition != null) ? definition.description() : null;
	}

	/**
	 * Record the first cycle of references among the configured chains, if there is one.
	 * @param problems where to record it
	 */
	void checkCycles(Problems problems) {
		Set<String> done = new TreeSet<>();
		for (String name : this.references.keySet()) {
			List<String> path = new ArrayList<>();
			if (cycleFrom(name, path, done)) {
				problems.add("lcel.chains." + path.get(0), "chains refer to each other in a cycle: " + String.join(" -> ", path));
				return;
			}
		}
	}

	/**
	 * Return, for each configured chain, the models it uses, directly or through the chains it
	 * refers to.
	 * @param uses the models used, by the property path of each use ({@code null} for the default)
	 * @return the model names by chain; the empty string stands for the default model
	 */
	Map<String, Set<String>> modelsByChain(Map<String, @Nullable String> uses) {
		Map<String, Set<String>> models = new LinkedHashMap<>();
		for (String name : this.references.keySet()) {
			Set<String> found = new TreeSet<>();
			collectModels(name, uses, found, new HashSet<>());
			models.put(name, found);
		}
		return models;
	}

	private void collectModels(String chain, Map<String, @Nullable String> uses, Set<String> found, Set<String> visited) {
		if (!visited.add(chain)) {
			return;
		}
		String prefix = "lcel.chains." + chain + ".";
		uses.forEach((path, model) -> {
			if (path.startsWith(prefix)) {
				found.add((model != null) ? model : "");
			}
		});
		this.references.getOrDefault(chain, Set.of()).forEach((next) -> collectModels(next, uses, found, visited));
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
