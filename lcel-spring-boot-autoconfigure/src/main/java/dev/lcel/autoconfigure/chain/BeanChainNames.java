package dev.lcel.autoconfigure.chain;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The name a bean chain runs under: its {@link ChainName}, else its bean name. A bean chain is
 * registered with that name bound as its run name, so that its runs are named after it in events,
 * run logs, observations and metrics, as configured chains are.
 */
final class BeanChainNames {

	private BeanChainNames() {
	}

	/**
	 * Return the chain name of a bean.
	 * @param beans the bean factory
	 * @param beanName the bean's name
	 * @return the value of its {@link ChainName}, or its bean name
	 */
	static String of(ListableBeanFactory beans, String beanName) {
		ChainName chainName = beans.findAnnotationOnBean(beanName, ChainName.class);
		return (chainName != null) ? chainName.value() : beanName;
	}

	/**
	 * Return the chain with its runs named {@code name}: the chain itself when it has that name
	 * already (a configured chain), else the chain with the run name bound.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param name the chain's name
	 * @param chain the chain
	 * @return the named chain
	 */
	static <I, O> Runnable<I, O> named(String name, Runnable<I, O> chain) {
		return name.equals(chain.getName()) ? chain : chain.withConfig(RunnableConfig.builder().runName(name).build());
	}

}
