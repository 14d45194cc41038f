package dev.lcel.autoconfigure.binding;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * Binds lcel's own property groups strictly: an unknown key under a checked prefix is a problem
 * naming its path, the valid keys and the nearest match, and a value that cannot be converted is a
 * problem naming its path and the expected type (never the value, which may be a secret). Problems
 * are collected, not thrown, so that one startup report lists them all.
 */
public final class StrictPropertiesBinder {

	private final Binder binder;

	private final Iterable<ConfigurationPropertySource> sources;

	private final UnknownKeys unknownKeys = new UnknownKeys();

	private final ProblemCollectingBindHandler bindHandler = new ProblemCollectingBindHandler();

	/**
	 * Create a binder over the given environment.
	 * @param environment the environment
	 */
	public StrictPropertiesBinder(Environment environment) {
		this.sources = ConfigurationPropertySources.get(environment);
		this.binder = Binder.get(environment);
	}

	/**
	 * Bind a properties class, checking the keys under the given properties of it.
	 * @param <T> the class's type
	 * @param prefix the prefix the class binds, such as {@code lcel}
	 * @param type the properties class, a record
	 * @param checkedProperties the class's properties, in dashed form, whose keys are checked
	 * @return the bound instance; one with every default when nothing is set; with the values that
	 * could not be converted left at their defaults
	 */
	public <T> T bind(String prefix, Class<T> type, String... checkedProperties) {
		PropertyNode node = PropertyNode.of(type);
		for (String property : checkedProperties) {
			this.unknownKeys.check(this.sources, prefix + "." + property, node.children().get(property));
		}
		return this.binder.bindOrCreate(prefix, Bindable.of(type), this.bindHandler);
	}

	/**
	 * Return the deprecated keys used, each with the key that replaces it; they are bound still.
	 * @return the deprecations, each starting with the deprecated key's path
	 */
	public List<String> deprecations() {
		return this.unknownKeys.deprecations();
	}

	/**
	 * Return the problems found so far: unknown keys first, then values that could not be bound.
	 * @return the problems, each starting with its property path
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>(this.unknownKeys.problems());
		problems.addAll(this.bindHandler.problems());
		return problems;
	}

}
