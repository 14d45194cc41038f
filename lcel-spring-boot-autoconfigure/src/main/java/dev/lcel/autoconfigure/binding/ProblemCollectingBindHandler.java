package dev.lcel.autoconfigure.binding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Records a value that cannot be bound as a problem naming its path and the expected type, and
 * goes on binding; keys that bind nowhere are left to {@link UnknownKeys}, which names them better.
 */
final class ProblemCollectingBindHandler extends AbstractBindHandler {

	private final List<String> problems = new ArrayList<>();

	@Override
	public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error)
			throws Exception {
		if (!(error instanceof UnboundConfigurationPropertiesException)) {
			this.problems.add(name + ": cannot be read as " + expected(target.getType().resolve(Object.class)));
		}
		return null;
	}

	List<String> problems() {
		return List.copyOf(this.problems);
	}

	private static String expected(Class<?> type) {
		if (type == Duration.class) {
			return "a duration, such as 500ms, 30s, 5m or PT30S";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "a number, such as 0.7";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		if (type == String.class) {
			return "a single text";
		}
		return "a " + PropertyNode.dashed(type.getSimpleName()).replaceFirst("^-", "").replace('-', ' ')
				+ " (a group of keys)";
	}

}
