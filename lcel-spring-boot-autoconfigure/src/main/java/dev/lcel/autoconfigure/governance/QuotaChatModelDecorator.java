package dev.lcel.autoconfigure.governance;

import dev.lcel.autoconfigure.model.ChatModelDecorator;
import dev.lcel.autoconfigure.model.ModelProperties;
import dev.lcel.core.governance.ModelCallGate;
import dev.lcel.core.governance.TokenQuota;
import dev.lcel.core.models.ChatModel;

import org.springframework.core.Ordered;

/**
 * Puts the {@link TokenQuota} around every model: a call of a run whose key has spent its quota is
 * refused before it reaches the rate limiter (so it spends no rate budget), and every call's
 * reported tokens count against its run's key.
 */
public final class QuotaChatModelDecorator implements ChatModelDecorator, Ordered {

	/** The decorator's order: inside the response cache, outside the rate limiter. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 150;

	private final ModelCallGate gate;

	QuotaChatModelDecorator(ModelCallGate gate) {
		this.gate = gate;
	}

	@Override
	public ChatModel decorate(String name, ModelProperties properties, ChatModel model) {
		return this.gate.guard(model);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
