package dev.lcel.autoconfigure.chain;

import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

import dev.lcel.core.runnable.Runnable;

/**
 * The chains of an application by name: every {@link Runnable} bean, under its bean name or its
 * {@link ChainName}, configured chains of {@code lcel.chains} included. Inject it to look a chain
 * up by the name a request or a command line gives.
 */
public final class ChainRegistry {

	private final Map<String, Runnable<?, ?>> chains;

	private final Map<String, String> descriptions;

	/**
	 * Create a registry of the given chains.
	 * @param chains the chains by name
	 */
	public ChainRegistry(Map<String, ? extends Runnable<?, ?>> chains) {
		this(chains, Map.of());
	}

	/**
	 * Create a registry of the given chains and their descriptions.
	 * @param chains the chains by name
	 * @param descriptions what each chain does, by name (chains without one may be absent)
	 */
	public ChainRegistry(Map<String, ? extends Runnable<?, ?>> chains, Map<String, String> descriptions) {
		this.chains = Collections.unmodifiableMap(new TreeMap<>(chains));
		this.descriptions = Map.copyOf(descriptions);
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
	 * Return what a chain does.
	 * @param name the chain's name
	 * @return its description, or empty if it has none
	 */
	public Optional<String> description(String name) {
		return Optional.ofNullable(this.descriptions.get(name));
	}

	/**
	 * Return every chain.
	 * @return the chains by name, sorted by name
	 */
	public Map<String, Runnable<?, ?>> getChains() {
		return this.chains;
	}

}
