package dev.lcel.autoconfigure.chain;

import java.util.HashMap;
import java.util.Map;

import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.CallbackHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of chains: the chains of {@code lcel.chains} become {@link Runnable} beans,
 * and every {@code Runnable} bean is registered in a {@link ChainRegistry} under its bean name or
 * its {@link ChainName}, the name its runs are reported under, and bound to the application's
 * {@link CallbackHandler} beans (observations, metrics) so that every run of every chain is heard.
 */
@AutoConfiguration
@ConditionalOnClass(Runnable.class)
public final class ChainAutoConfiguration {

	@Bean
	static ConfiguredChainsRegistrar configuredChainsRegistrar() {
		return new ConfiguredChainsRegistrar();
	}

	@Bean(LcelConfigurationValidator.BEAN_NAME)
	LcelConfigurationValidator lcelConfigurationValidator(ConfiguredChainsRegistrar chains,
			ObjectProvider<ChatModelRegistry> models) {
		return new LcelConfigurationValidator(chains, models);
	}

	@Bean
	@ConditionalOnMissingBean
	ChainRegistry chainRegistry(ConfigurableListableBeanFactory beanFactory, ObjectProvider<CallbackHandler> handlers) {
		RunnableConfig observed = RunnableConfig.builder()
			.callbacks(handlers.orderedStream().toArray(CallbackHandler[]::new))
			.build();
		Map<String, Runnable<?, ?>> chains = new HashMap<>();
		Map<String, String> descriptions = new HashMap<>();
		for (Map.Entry<String, Runnable> bean : beanFactory.getBeansOfType(Runnable.class).entrySet()) {
			String name = BeanChainNames.of(beanFactory, bean.getKey());
			chains.put(name, observed(BeanChainNames.named(name, bean.getValue()), observed));
			BeanDefinition definition = beanFactory.containsBeanDefinition(bean.getKey())
					? beanFactory.getBeanDefinition(bean.getKey()) : null;
			if (definition != null && definition.getDescription() != null) {
				descriptions.put(name, definition.getDescription());
			}
		}
		return new ChainRegistry(chains, descriptions);
	}

	/**
	 * Return a chain whose every call is heard by this application's callback handlers (its
	 * observations and metrics), however it is called: bound here rather than registered JVM-wide,
	 * so that two applications in one JVM never hear each other's runs.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Runnable<?, ?> observed(Runnable chain, RunnableConfig handlers) {
		return handlers.callbacks().isEmpty() ? chain : chain.withConfig(handlers);
	}

}
