package dev.lcel.autoconfigure.history;

import java.util.function.Function;

import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.prompts.PromptValue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A step bean {@code transcript} that answers with the texts of the prompt's messages joined by
 * {@code |}, so that a test sees which history a chain was given.
 */
@Configuration(proxyBeanMethods = false)
public class TranscriptConfiguration {

	@Bean
	Function<PromptValue, String> transcript() {
		return (prompt) -> String.join("|", prompt.toMessages().stream().map(BaseMessage::content).toList());
	}

}
