package dev.lcel.autoconfigure.chain;

import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

import dev.lcel.core.runnable.Runnable;

/**
 * The chains of an application by name: every {@link Runnable} bean, registered under its bean
 * name. Inject it to look a chain up by the name a request or a command line gives.
 */
public final class ChainRegistry {

	private final Map<String, Runnable<?, ?>> chains;

	/**
	 * Create a registry of the given chains.
	 * @param chains the chains by name
	 */
	public ChainRegistry(Map<String, ? extends Runnable<?, ?>> chains) {
		this.chains = Collections.unmodifiableMap(new TreeMap<>(chains));
	}

	/**
	 * Return the chain of the given name.
	 * @param name the chain's name
	 * @return the chain, or empty if there is none of that name
	 */
	public Optional<Runnable<?, ?>> find(String name) {
		return Optional.ofNullable(this.chains.get(name));
	}

	/**
	 * Return the chain of the given name.
	 * @param name the chain's name
	 * @return the chain
	 * @throws NoSuchElementException naming the chains there are, if there is none of that name
	 */
	public Runnable<?, ?> get(String name) {
		return find(name).orElseThrow(() -> new NoSuchElementException(
				"No chain named '" + name + "'; the chains are " + this.chains.keySet()));
	}

	/**
	 * Return every chain.
	 * @return the chains by name, sorted by name
	 */
	public Map<String, Runnable<?, ?>> getChains() {
		return this.chains;
	}

}
