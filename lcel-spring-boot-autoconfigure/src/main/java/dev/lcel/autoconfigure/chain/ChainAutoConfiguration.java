package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that registers every {@link Runnable} bean of the application as a chain in
 * a {@link ChainRegistry}, under its bean name.
 */
@AutoConfiguration
@ConditionalOnClass(Runnable.class)
public final class ChainAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@SuppressWarnings({ "unchecked", "rawtypes" })
	ChainRegistry chainRegistry(ListableBeanFactory beanFactory) {
		return new ChainRegistry((java.util.Map) beanFactory.getBeansOfType(Runnable.class));
	}

}
