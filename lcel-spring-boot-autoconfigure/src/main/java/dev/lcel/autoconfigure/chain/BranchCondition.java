package dev.lcel.autoconfigure.chain;

import java.util.function.Predicate;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The condition of a branch's case: a SpEL expression over {@code #input} ({@code when}), read
 * with read-only data binding so that it can read the input but never call methods, or a
 * {@link Predicate} bean by name ({@code predicate}).
 */
final class BranchCondition {

	private static final SpelExpressionParser SPEL = new SpelExpressionParser();

	private BranchCondition() {
	}

	/**
	 * Return the condition of a case.
	 * @param path the property path of the case
	 * @param branchCase the case
	 * @param steps the assembly the case is part of
	 * @return the condition; an invalid one if it has problems
	 */
	@SuppressWarnings("unchecked")
	static Runnable<Object, Boolean> of(String path, BranchDefinition.Case branchCase, Steps steps) {
		Problems problems = steps.problems();
		if ((branchCase.when() == null) == (branchCase.predicate() == null)) {
			return problems.invalid(path, "a case needs exactly one of 'when' (a SpEL expression over #input) or "
					+ "'predicate' (the name of a Predicate bean)");
		}
		if (branchCase.predicate() != null) {
			String name = branchCase.predicate();
			ListableBeanFactory beans = steps.beans();
			if (!beans.containsBean(name)) {
				return problems.invalid(path + ".predicate", "no bean named '" + name + "'");
			}
			return RunnableLambda.of(name, (Object input) -> ((Predicate<Object>) beans.getBean(name)).test(input));
		}
		try {
			Expression expression = SPEL.parseExpression(branchCase.when());
			return RunnableLambda.of(branchCase.when(), (Object input) -> evaluate(expression, input));
		}
		catch (ParseException ex) {
			return problems.invalid(path + ".when", "invalid expression '" + branchCase.when() + "': " + ex.getMessage());
		}
	}

	private static Boolean evaluate(Expression expression, Object input) {
		SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
		context.setVariable("input", input);
		return Boolean.TRUE.equals(expression.getValue(context, Boolean.class));
	}

}
