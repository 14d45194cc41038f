package dev.lcel.core.tracing.internal;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code data} of a stream event, {@code {"chunk": value}}: an unmodifiable map of one entry
 * whose key is implied, so that each of the events a chunk makes carries one field where a
 * {@link java.util.Collections#singletonMap singleton map} carries five.
 */
final class ChunkData extends AbstractMap<String, Object> {

	private static final String KEY = "chunk";

	private final Object chunk;

	ChunkData(Object chunk) {
		this.chunk = Objects.requireNonNull(chunk, "chunk must not be null");
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return Set.of(Map.entry(KEY, this.chunk));
	}

	@Override
	public int size() {
		return 1;
	}

	@Override
	public boolean isEmpty() {
		return false;
	}

	@Override
	public boolean containsKey(Object key) {
		return KEY.equals(key);
	}

	@Override
	public Object get(Object key) {
		return KEY.equals(key) ? this.chunk : null;
	}

	@Override
	public int hashCode() {
		return KEY.hashCode() ^ this.chunk.hashCode();
	}

}
