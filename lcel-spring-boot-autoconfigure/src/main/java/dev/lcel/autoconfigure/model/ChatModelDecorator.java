package dev.lcel.autoconfigure.model;

import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ForwardingChatModel;

/**
 * Wraps each chat model that the {@link ChatModelRegistry} creates, to add something around its
 * calls (a rate limit, a response cache). Declare one as a bean; decorators apply in their
 * {@link org.springframework.core.Ordered order}, the first one the outermost, around the
 * provider's model before the model's configured options are bound, so a decorator sees every
 * call's full options.
 */
@FunctionalInterface
public interface ChatModelDecorator {

	/**
	 * Return the model to use in place of the given one, usually a {@link ForwardingChatModel}
	 * around it, or the model itself to leave it alone.
	 * @param name the model's configured name ({@code lcel.models.<name>})
	 * @param properties the model's configuration
	 * @param model the model to decorate
	 * @return the decorated model
	 */
	ChatModel decorate(String name, ModelProperties properties, ChatModel model);

}
