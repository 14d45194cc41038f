package dev.lcel.core.parsers;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import dev.lcel.core.runnable.Addable;
import dev.lcel.core.runnable.ChunkAggregator;

/**
 * An immutable view of a JSON object as far as it has been parsed: the first {@code size} entries
 * of arrays that the parser only ever appends to, plus optionally one entry whose value is still
 * being parsed. Iterates in document order. Creating one is O(1), which keeps streaming snapshots
 * cheap; a large map builds a hash index on its first lookup.
 *
 * <p>Successive snapshots of one stream are complete values, not increments, so
 * {@link #add(FrozenMap)} keeps the later one; this makes
 * {@link ChunkAggregator} aggregate a parser's stream into its last value.
 */
final class FrozenMap extends AbstractMap<String, Object> implements Addable<FrozenMap> {

	final String[] keys;

	final Object[] values;

	final int closed;

	private final String lastKey;

	private final Object lastValue;

	private static final int SCAN_LIMIT = 8;

	private volatile Map<String, Integer> index;

	FrozenMap(String[] keys, Object[] values, int closed, String lastKey, Object lastValue) {
		this.keys = keys;
		this.values = values;
		this.closed = closed;
		this.lastKey = lastKey;
		this.lastValue = lastValue;
	}

	@Override
	public int size() {
		return this.closed + ((this.lastValue != PartialJsonParser.NONE) ? 1 : 0);
	}

	String keyAt(int index) {
		return (index < this.closed) ? this.keys[index] : this.lastKey;
	}

	Object valueAt(int index) {
		return (index < this.closed) ? this.values[index] : this.lastValue;
	}

	@Override
	public Object get(Object key) {
		int at = indexOf(key);
		return (at >= 0) ? valueAt(at) : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return indexOf(key) >= 0;
	}

	private int indexOf(Object key) {
		int size = size();
		if (size <= SCAN_LIMIT) {
			for (int i = 0; i < size; i++) {
				if (keyAt(i).equals(key)) {
					return i;
				}
			}
			return -1;
		}
		Map<String, Integer> index = this.index;
		if (index == null) {
			// Built on first lookup of a large map; racing threads build equal indexes.
			index = new HashMap<>(size * 2);
			for (int i = 0; i < size; i++) {
				index.put(keyAt(i), i);
			}
			this.index = index;
		}
		Integer at = index.get(key);
		return (at != null) ? at : -1;
	}

	@Override
	public Set<Map.Entry<String, Object>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Map.Entry<String, Object>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < size();
					}

					@Override
					public Map.Entry<String, Object> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int index = this.next++;
						return new AbstractMap.SimpleImmutableEntry<>(keyAt(index), valueAt(index));
					}

				};
			}

			@Override
			public int size() {
				return FrozenMap.this.size();
			}

		};
	}

	@Override
	public FrozenMap add(FrozenMap next) {
		return next;
	}

}
