package dev.lcel.autoconfigure.observation;

import dev.lcel.core.tracing.ObservationCallbackHandler;
import dev.lcel.core.tracing.Runs;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Registers an {@link ObservationCallbackHandler} with {@link Runs} for as long as the application
 * context lives, so that every run of every chain is observed, however it is called.
 */
public final class GlobalRunObservations implements InitializingBean, DisposableBean {

	private final ObservationCallbackHandler handler;

	/**
	 * Create a registration of the given handler.
	 * @param handler the handler to register
	 */
	public GlobalRunObservations(ObservationCallbackHandler handler) {
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
