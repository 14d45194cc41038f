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
 * {@code /actuator/env} and {@code /actuator/configprops}, whatever their {@code show-values} setting,
 * and one that masks the values that hold a whole command line or option string (such as
 * {@code sun.java.command} and {@code JAVA_TOOL_OPTIONS}), where a key given on the command line
 * would otherwise show.
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

	@Bean
	SanitizingFunction lcelCommandLineSanitizer() {
		// Whole command lines and option blobs: a key passed as --lcel.models.x.api-key=... or
		// -D...=... is inside them, under a name that says nothing about secrets.
		return SanitizingFunction.sanitizeValue()
			.ifKeyEquals("sun.java.command", "sun.rt.java.command", "jdk.java.command", "JAVA_TOOL_OPTIONS",
					"JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "spring.application.json", "SPRING_APPLICATION_JSON");
	}

}
