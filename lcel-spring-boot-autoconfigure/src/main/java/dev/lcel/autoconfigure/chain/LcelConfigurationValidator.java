package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.List;

import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.ModelProblems;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Checks {@code lcel.chains} and {@code lcel.models} together when the application starts: the
 * problems the assembly of the chains found, then the models' own and those of each use of a
 * model, all in one {@link InvalidChainDefinitionException} (which the failure analyzer turns into
 * the startup report). Every configured chain bean depends on this bean, so no chain is used
 * before the check.
 */
final class LcelConfigurationValidator implements InitializingBean {

	/** The name of this bean, which the configured chains depend on. */
	static final String BEAN_NAME = "lcelConfigurationValidator";

	private final ConfiguredChainsRegistrar chains;

	private final ObjectProvider<ChatModelRegistry> models;

	LcelConfigurationValidator(ConfiguredChainsRegistrar chains, ObjectProvider<ChatModelRegistry> models) {
		this.chains = chains;
		this.models = models;
	}

	/**
	 * Check the configuration.
	 * @throws InvalidChainDefinitionException listing every problem found
	 */
	@Override
	public void afterPropertiesSet() {
		List<String> problems = new ArrayList<>(this.chains.problems());
		ChatModelRegistry registry = this.models.getIfAvailable();
		if (registry != null) {
			problems.addAll(ModelProblems.of(registry, this.chains.usedModels()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidChainDefinitionException(problems);
		}
	}

}
