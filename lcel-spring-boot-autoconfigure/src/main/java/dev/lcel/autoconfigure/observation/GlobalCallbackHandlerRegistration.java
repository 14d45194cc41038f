package dev.lcel.autoconfigure.observation;

import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.Runs;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Registers a {@link CallbackHandler} with {@link Runs} for as long as the application context
 * lives, so that it hears every run of every chain, however the chain is called.
 */
public final class GlobalCallbackHandlerRegistration implements InitializingBean, DisposableBean {

	private final CallbackHandler handler;

	/**
	 * Create a registration of the given handler.
	 * @param handler the handler to register
	 */
	public GlobalCallbackHandlerRegistration(CallbackHandler handler) {
		this.handler = handler;
	}

	@Override
	public void afterPropertiesSet() {
		Runs.addGlobalHandler(this.handler);
	}

	@Override
	public void destroy() {
		Runs.removeGlobalHandler(this.handler);
	}

}
