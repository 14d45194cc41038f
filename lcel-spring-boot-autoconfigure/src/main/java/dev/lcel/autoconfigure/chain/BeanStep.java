package dev.lcel.autoconfigure.chain;

import java.util.function.Function;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The {@code bean} step: a Spring bean by name that is a {@link Runnable} or a {@link Function},
 * looked up on first use.
 */
final class BeanStep extends StepKind {

	BeanStep() {
		super("bean", (step) -> step.bean() != null);
	}

	@Override
	Runnable<Object, Object> build(String stepPath, StepDefinition step, Steps steps) {
		String path = stepPath + ".bean";
		String name = step.bean();
		ListableBeanFactory beans = steps.beans();
		if (!beans.containsBean(name)) {
			return steps.problems().invalid(path, "no bean named '" + name + "'");
		}
		Class<?> type = beans.getType(name, false);
		if (type != null && !Runnable.class.isAssignableFrom(type) && !Function.class.isAssignableFrom(type)) {
			return steps.problems().invalid(path, "bean '" + name + "' is a " + type.getName()
					+ ", but a step bean must be a dev.lcel.core.runnable.Runnable or a java.util.function.Function");
		}
		return new ChainReference(name, () -> adapt(beans, name, beans.getBean(name)));
	}

	@SuppressWarnings("unchecked")
	private static Runnable<Object, Object> adapt(ListableBeanFactory beans, String name, Object bean) {
		if (bean instanceof Runnable<?, ?> runnable) {
			return BeanChainNames.named(BeanChainNames.of(beans, name), (Runnable<Object, Object>) runnable);
		}
		return RunnableLambda.of(name, (Function<Object, Object>) bean);
	}

}
