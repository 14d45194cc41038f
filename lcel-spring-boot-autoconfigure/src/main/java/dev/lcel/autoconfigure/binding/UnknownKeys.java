package dev.lcel.autoconfigure.binding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Finds the keys under a prefix that its {@link PropertyNode} does not have: each reported once,
 * at the first element of its path that is wrong, with the valid keys there and the nearest match.
 *
 * <p>Environment variables are not checked: their names ({@code LCEL_MODELS_MY_GPT_API_KEY}) do
 * not say where a map key ends and a property begins.
 */
final class UnknownKeys {

	private final Map<String, String> problems = new LinkedHashMap<>();

	private final Map<String, String> deprecations = new LinkedHashMap<>();

	/**
	 * Check every property under the prefix in the given sources.
	 * @param sources the environment's property sources
	 * @param prefix the prefix, such as {@code lcel.chains}
	 * @param node the shape of what the prefix holds
	 */
	void check(Iterable<ConfigurationPropertySource> sources, String prefix, PropertyNode node) {
		ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable && !isEnvironmentVariables(source)) {
				iterable.filter(root::isAncestorOf).forEach((name) -> check(iterable, root, node, name));
			}
		}
	}

	/**
	 * Return the problems found, each starting with its property path.
	 * @return the problems, in the order found
	 */
	List<String> problems() {
		return List.copyOf(this.problems.values());
	}

	/**
	 * Return the deprecated keys found, each with what replaces it.
	 * @return the deprecations, in the order found
	 */
	List<String> deprecations() {
		return List.copyOf(this.deprecations.values());
	}

	private void check(ConfigurationPropertySource source, ConfigurationPropertyName root, PropertyNode start,
			ConfigurationPropertyName name) {
		StringBuilder path = new StringBuilder(root.toString());
		PropertyNode node = start;
		for (int i = root.getNumberOfElements(); i < name.getNumberOfElements(); i++) {
			String element = name.getElement(i, Form.ORIGINAL);
			boolean indexed = name.chop(i + 1).isLastElementIndexed();
			switch (node.kind()) {
				case ANY -> {
					return;
				}
				case MAP -> {
					path.append(indexed ? "[" + element + "]" : "." + element);
					node = node.element();
				}
				case LIST -> {
					if (!name.isNumericIndex(i)) {
						report(path + "." + element, path + ": is a list; write its entries as '- ...' items, found key '"
								+ element + "'", source, name);
						return;
					}
					path.append("[").append(element).append("]");
					node = node.element();
				}
				case OBJECT -> {
					PropertyNode child = indexed ? null : node.child(name.getElement(i, Form.UNIFORM));
					String at = path + "." + element;
					if (child == null) {
						report(at, unknownKey(at, element, node), source, name);
						return;
					}
					String replacement = node.replacement(name.getElement(i, Form.UNIFORM));
					if (replacement != null) {
						this.deprecations.putIfAbsent(at, at + " is deprecated; use " + path + "." + replacement);
					}
					path.append(".").append(element);
					node = child;
				}
				case VALUE -> {
					report(path.toString(), path + ": takes a single value, found key '" + element + "' under it",
							source, name);
					return;
				}
			}
		}
	}

	private static String unknownKey(String at, String element, PropertyNode node) {
		String nearest = NearestKey.of(element, node.currentKeys());
		return at + ": unknown key" + ((nearest != null) ? "; did you mean '" + nearest + "'?" : ".") + " Valid keys here: "
				+ String.join(", ", node.currentKeys());
	}

	private void report(String path, String problem, ConfigurationPropertySource source, ConfigurationPropertyName name) {
		this.problems.putIfAbsent(path, problem + where(source.getConfigurationProperty(name)));
	}

	private static String where(ConfigurationProperty property) {
		Origin origin = (property != null) ? Origin.from(property) : null;
		while (origin != null && !(origin instanceof TextResourceOrigin)) {
			origin = (origin instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null) ? wrapper.getOrigin()
					: origin.getParent();
		}
		return (origin != null) ? " (" + origin + ")" : "";
	}

	private static boolean isEnvironmentVariables(ConfigurationPropertySource source) {
		return source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
	}

}
