package dev.lcel.autoconfigure.chain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lcel.autoconfigure.binding.StrictPropertiesBinder;
import dev.lcel.autoconfigure.model.ModelsProperties;
import dev.lcel.core.runnable.Runnable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers each chain of {@code lcel.chains} as a {@link Runnable} bean under its name, so that
 * configured chains and bean chains can inject and refer to each other. The chains are assembled
 * and checked once every bean is defined and before any is created, so a wrong definition fails
 * startup with every problem listed.
 *
 * <p>The properties under {@code lcel.models} and {@code lcel.chains} are bound strictly first: an
 * unknown key, or a value of the wrong type, fails startup before anything else is checked, with
 * every such problem in one report. A deprecated key is bound still, and logged as a warning
 * naming its replacement.
 */
public class ConfiguredChainsRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	private static final Log logger = LogFactory.getLog(ConfiguredChainsRegistrar.class);

	private Map<String, ChainDefinition> definitions = Map.of();

	private Map<String, Runnable<Object, Object>> chains = Map.of();

	private Map<String, @Nullable String> usedModels = Map.of();

	private List<String> problems = List.of();

	private List<String> propertyProblems = List.of();

	private Map<String, Set<String>> modelsByChain = Map.of();

	@Override
	public void setEnvironment(Environment environment) {
		StrictPropertiesBinder binder = new StrictPropertiesBinder(environment);
		binder.bind("lcel", ModelsProperties.class, "models");
		this.definitions = binder.bind("lcel", ChainsProperties.class, "chains").chains();
		this.propertyProblems = binder.problems();
		binder.deprecations().forEach(logger::warn);
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!this.propertyProblems.isEmpty()) {
			throw new InvalidChainDefinitionException(this.propertyProblems);
		}
		for (String name : this.definitions.keySet()) {
			if (registry.containsBeanDefinition(name)) {
				throw new InvalidChainDefinitionException(List.of("lcel.chains." + name
						+ ": a bean named '" + name + "' is already defined; give the chain another name"));
			}
			RootBeanDefinition definition = new RootBeanDefinition(Runnable.class, () -> this.chains.get(name));
			definition.setDescription(this.definitions.get(name).description());
			definition.setDependsOn(LcelConfigurationValidator.BEAN_NAME);
			registry.registerBeanDefinition(name, definition);
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!this.definitions.isEmpty()) {
			ChainAssembler assembler = new ChainAssembler(this.definitions, beanFactory);
			this.chains = assembler.assemble();
			this.usedModels = assembler.usedModels();
			this.modelsByChain = assembler.modelsByChain();
			this.problems = List.copyOf(assembler.problems());
		}
	}

	/**
	 * Return the models the configured chains use: the property path of each use, to the model's
	 * name ({@code null} for the default model).
	 */
	public Map<String, @Nullable String> usedModels() {
		return this.usedModels;
	}

	/**
	 * Return, for each configured chain, the names of the models it uses, directly or through the
	 * chains it refers to; the empty string stands for the default model.
	 * @return the models by chain name
	 */
	public Map<String, Set<String>> modelsByChain() {
		return this.modelsByChain;
	}

	/**
	 * Return the problems of the configured chains, each starting with its property path; the
	 * {@link LcelConfigurationValidator} reports them together with the models' own, all at once.
	 * @return the problems; empty when the chains are right
	 */
	List<String> problems() {
		return this.problems;
	}

}
