package dev.lcel.core.parsers;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/**
 * Binds the values that {@link PartialJsonParser} snapshots to a Java type, one stream at a time,
 * so that binding every snapshot of a stream costs, in all, about what binding the final value
 * once does.
 *
 * <p>The parser's snapshots share their finished elements, so this binder keeps, by identity, what
 * each finished array or object was bound to, and for each array being appended to the elements
 * bound so far: a snapshot is bound by rebinding only its open spine (the objects and arrays the
 * parser is inside of, and the string being written) and reusing everything else. Records and
 * beans ({@link ObjectShape}), {@code List}s and {@code Map}s bind this way; a {@code List} or
 * {@code Map} is an immutable view over shared, append-only arrays. Other types (arrays, sets,
 * enums, dates, numbers) are converted by Jackson, each finished value once.
 *
 * <p>While a value is open it binds leniently: a property not yet seen is {@code null} (a
 * primitive its zero), a string still being written binds only to a {@code String} or an
 * {@code Object} (elsewhere it is {@code null} until complete), and a value that does not convert
 * is {@code null}. A complete value binds strictly: a value that does not convert fails with an
 * {@link IllegalArgumentException}. Not thread-safe: one binder per stream.
 */
final class PartialBinder {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final TypeFactory TYPES = JSON.getTypeFactory();

	private final JavaType type;

	private final Map<Object, Object> finished = new IdentityHashMap<>();

	private final Map<Object[], Prefix> prefixes = new IdentityHashMap<>();

	PartialBinder(JavaType type) {
		this.type = type;
	}

	static JavaType typeOf(Type type) {
		return TYPES.constructType(type);
	}

	/**
	 * Bind a snapshot of the whole document.
	 * @param value the snapshot
	 * @param open whether the document is still being written
	 */
	Object bind(Object value, boolean open) {
		return bind(value, this.type, open);
	}

	private Object bind(Object value, JavaType target, boolean open) {
		if (value == null) {
			return null;
		}
		if (!open && (value instanceof FrozenMap || value instanceof FrozenList)) {
			Object bound = this.finished.get(value);
			if (bound == null) {
				bound = bindContainer(value, target, false);
				this.finished.put(value, bound);
			}
			return bound;
		}
		if (value instanceof FrozenMap || value instanceof FrozenList) {
			return bindContainer(value, target, open);
		}
		return bindScalar(value, target, open);
	}

	private Object bindContainer(Object value, JavaType target, boolean open) {
		Class<?> raw = target.getRawClass();
		if (raw == Object.class) {
			return value;
		}
		if (value instanceof FrozenList list && raw.isAssignableFrom(List.class)) {
			return bindList(list, target.getContentType(), open);
		}
		if (value instanceof FrozenMap map) {
			if (Map.class.isAssignableFrom(raw) && raw.isAssignableFrom(FrozenMap.class)) {
				return bindMap(map, target.getContentType(), open);
			}
			ObjectShape shape = ObjectShape.of(target, TYPES);
			if (shape != null) {
				return bindObject(map, shape, open);
			}
		}
		return convert(value, target, open);
	}

	private Object bindObject(FrozenMap map, ObjectShape shape, boolean open) {
		Object[] values = new Object[shape.size()];
		int size = map.size();
		for (int i = 0; i < size; i++) {
			int at = shape.indexOf(map.keyAt(i));
			if (at >= 0) {
				values[at] = bind(map.valueAt(i), shape.type(at), open && i >= map.closed);
			}
		}
		try {
			return shape.build(values);
		}
		catch (IllegalArgumentException ex) {
			if (open) {
				return null;
			}
			throw ex;
		}
	}

	private List<Object> bindList(FrozenList list, JavaType item, boolean open) {
		Prefix prefix = this.prefixes.computeIfAbsent(list.elements, (elements) -> new Prefix());
		while (prefix.size < list.closed) {
			prefix.add(bind(list.elements[prefix.size], item, false));
		}
		Object last = (list.size() > list.closed) ? bind(list.get(list.closed), item, open) : PartialJsonParser.NONE;
		return new FrozenList(prefix.values, list.closed, last);
	}

	private Map<String, Object> bindMap(FrozenMap map, JavaType value, boolean open) {
		Prefix prefix = this.prefixes.computeIfAbsent(map.values, (values) -> new Prefix());
		while (prefix.size < map.closed) {
			prefix.add(bind(map.values[prefix.size], value, false));
		}
		boolean hasLast = map.size() > map.closed;
		return new FrozenMap(map.keys, prefix.values, map.closed, hasLast ? map.keyAt(map.closed) : null,
				hasLast ? bind(map.valueAt(map.closed), value, open) : PartialJsonParser.NONE);
	}

	private Object bindScalar(Object value, JavaType target, boolean open) {
		Class<?> raw = target.getRawClass();
		if (raw.isInstance(value)) {
			return value;
		}
		Object number = Scalars.exact(value, raw);
		if (number != null) {
			return number;
		}
		if (open && value instanceof String && !raw.isAssignableFrom(String.class)) {
			return null;
		}
		return convert(value, target, open);
	}

	private Object convert(Object value, JavaType target, boolean open) {
		if (open && (Collection.class.isAssignableFrom(target.getRawClass()) || target.isArrayType())
				&& !(value instanceof FrozenList)) {
			return null;
		}
		try {
			return JSON.convertValue(value, target);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			if (open) {
				return null;
			}
			throw new IllegalArgumentException(describe(value) + " does not convert to " + target.toCanonical() + ": "
					+ ((ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : ex.getMessage()), ex);
		}
	}

	private static String describe(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 80) ? text.substring(0, 80) + "..." : text;
	}

	/** The bound elements of an array being appended to: append-only, shared with the views made of it. */
	private static final class Prefix {

		Object[] values = new Object[4];

		int size;

		void add(Object value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

	}

}
