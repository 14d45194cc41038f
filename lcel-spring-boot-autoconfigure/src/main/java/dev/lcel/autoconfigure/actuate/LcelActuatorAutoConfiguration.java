package dev.lcel.autoconfigure.actuate;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of lcel's Actuator support: the {@code lcel} endpoint, and a
 * {@link SanitizingFunction} that masks every API key (such as {@code lcel.models.NAME.api-key}) in
 * {@code /actuator/env} and {@code /actuator/configprops}, whatever their {@code show-values} setting.
 */
@AutoConfiguration(after = { ChainAutoConfiguration.class, ModelAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
public final class LcelActuatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	LcelEndpoint lcelEndpoint(ChainRegistry chains, ObjectProvider<ChatModelRegistry> models) {
		return new LcelEndpoint(chains, models.getIfAvailable());
	}

	@Bean
	SanitizingFunction lcelApiKeySanitizer() {
		// /actuator/env sees the full key (lcel.models.x.api-key), /actuator/configprops the bean
		// property (apiKey): mask both forms.
		return SanitizingFunction.sanitizeValue().ifKeyEndsWith("api-key", "apiKey", "apikey", "api_key");
	}

}
