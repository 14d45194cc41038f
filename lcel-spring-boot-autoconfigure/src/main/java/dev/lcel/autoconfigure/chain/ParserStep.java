package dev.lcel.autoconfigure.chain;

import java.util.List;

import dev.lcel.core.parsers.BeanOutputParser;
import dev.lcel.core.parsers.JsonOutputParser;
import dev.lcel.core.parsers.ListOutputParser;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.runnable.Runnable;

/**
 * The {@code parser} step: an output parser by name, or the name of a class to parse into.
 */
final class ParserStep extends StepKind {

	private static final List<String> PARSERS = List.of("str", "json", "list", "numbered-list",
			"a class name (parsed into that type)");

	ParserStep() {
		super("parser", (step) -> step.parser() != null);
	}

	@Override
	Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		return switch (step.parser()) {
			case "str" -> Steps.erase(new StrOutputParser());
			case "json" -> Steps.erase(new JsonOutputParser());
			case "list" -> Steps.erase(ListOutputParser.commaSeparated());
			case "numbered-list" -> Steps.erase(ListOutputParser.numbered());
			default -> beanParser(path + ".parser", step.parser(), steps.problems());
		};
	}

	private static Runnable<Object, Object> beanParser(String path, String className, Problems problems) {
		if (!className.contains(".")) {
			return problems.invalid(path, "unknown parser '" + className + "'; parsers: " + PARSERS);
		}
		try {
			// A class the application's configuration names, never one named by a request.
			Class<?> type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
			return Steps.erase(BeanOutputParser.of(type));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return problems.invalid(path, "no class '" + className + "' to parse into; parsers: " + PARSERS);
		}
	}

}
