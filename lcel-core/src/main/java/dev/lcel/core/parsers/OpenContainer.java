package dev.lcel.core.parsers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An array or object that {@link PartialJsonParser} is inside of: its finished elements in
 * append-only arrays (shared with the snapshots taken of it), and where the parser is in its
 * syntax.
 */
final class OpenContainer {

	enum State {

		/** Array just opened, or object just opened. */
		FIRST,
		/** After a comma: an array element or an object key must follow. */
		NEXT,
		/** After an object key. */
		COLON,
		/** After an object's colon. */
		VALUE,
		/** A value of this container is being parsed. */
		IN_VALUE,
		/** After a value of this container. */
		AFTER_VALUE

	}

	final boolean object;

	State state = State.FIRST;

	Object[] values = new Object[4];

	String[] keys;

	int size;

	String pendingKey;

	Map<String, Integer> index;

	OpenContainer(boolean object) {
		this.object = object;
		if (object) {
			this.keys = new String[4];
			this.index = new HashMap<>();
		}
	}

	void add(Object value) {
		if (this.object) {
			Integer existing = this.index.get(this.pendingKey);
			if (existing != null) {
				// A repeated key replaces the earlier value in place, as Jackson does; copy first,
				// because earlier snapshots share these arrays.
				this.keys = this.keys.clone();
				this.values = this.values.clone();
				this.values[existing] = value;
				return;
			}
			this.index.put(this.pendingKey, this.size);
		}
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
			if (this.object) {
				this.keys = Arrays.copyOf(this.keys, this.size * 2);
			}
		}
		if (this.object) {
			this.keys[this.size] = this.pendingKey;
		}
		this.values[this.size++] = value;
	}

	Object snapshot(Object child) {
		if (!this.object) {
			return new FrozenList(this.values, this.size, child);
		}
		if (child == PartialJsonParser.NONE || this.state != State.IN_VALUE) {
			return new FrozenMap(this.keys, this.values, this.size, null, PartialJsonParser.NONE);
		}
		Integer existing = this.index.get(this.pendingKey);
		if (existing != null) {
			Object[] values = this.values.clone();
			values[existing] = child;
			return new FrozenMap(this.keys, values, this.size, null, PartialJsonParser.NONE);
		}
		return new FrozenMap(this.keys, this.values, this.size, this.pendingKey, child);
	}

	Object freeze() {
		return this.object ? new FrozenMap(this.keys, this.values, this.size, null, PartialJsonParser.NONE)
				: new FrozenList(this.values, this.size, PartialJsonParser.NONE);
	}

}
