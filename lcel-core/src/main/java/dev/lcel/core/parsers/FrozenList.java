package dev.lcel.core.parsers;

import java.util.AbstractList;
import java.util.RandomAccess;

import dev.lcel.core.runnable.Addable;
import dev.lcel.core.runnable.ChunkAggregator;

/**
 * An immutable view of a JSON array as far as it has been parsed: the first {@code size} elements
 * of an array that the parser only ever appends to, plus optionally one element still being
 * parsed. Creating one is O(1), which keeps streaming snapshots cheap.
 *
 * <p>Successive snapshots of one stream are complete values, not increments, so
 * {@link #add(FrozenList)} keeps the later one; this makes
 * {@link ChunkAggregator} aggregate a parser's stream into its last value.
 */
final class FrozenList extends AbstractList<Object> implements RandomAccess, Addable<FrozenList> {

	final Object[] elements;

	final int closed;

	private final Object last;

	FrozenList(Object[] elements, int closed, Object last) {
		this.elements = elements;
		this.closed = closed;
		this.last = last;
	}

	@Override
	public Object get(int index) {
		if (index < this.closed) {
			return this.elements[index];
		}
		if (index == this.closed && this.last != PartialJsonParser.NONE) {
			return this.last;
		}
		throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size());
	}

	@Override
	public int size() {
		return this.closed + ((this.last != PartialJsonParser.NONE) ? 1 : 0);
	}

	@Override
	public FrozenList add(FrozenList next) {
		return next;
	}

}
