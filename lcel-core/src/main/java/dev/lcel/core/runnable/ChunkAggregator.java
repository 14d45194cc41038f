package dev.lcel.core.runnable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Joins streamed chunks into the value they add up to, by LangChain's {@code +} rules: strings
 * concatenate, numbers add, lists concatenate, {@link Addable}s use their {@code add}, maps merge
 * key by key (the values of a key joined by these same rules, a {@code null} value never replacing
 * one), and anything else is replaced by the chunk after it. Two differences from LangChain,
 * deliberately: every map merges (LangChain merges the dictionaries its runnables stream and
 * replaces a plain one), and booleans are replaced rather than added (Python adds {@code True} as 1).
 *
 * <p>An aggregator is a mutable accumulator for one stream: it collects the chunks and builds the
 * value they add up to only when {@link #current()} asks for it. Strings are collected in a
 * {@link StringBuilder}, {@link Addable}s are joined all at once with {@link Addable#addAll}, a
 * list's items are appended to one list, and a map keeps an aggregator per key; so joining n chunks
 * costs O(n) in all, never O(length) per chunk. Adding a chunk of the same class as the one before
 * costs one class comparison. Not thread-safe; a stream delivers its chunks one at a time.
 */
public final class ChunkAggregator {

	/** No chunk yet. */
	private static final int EMPTY = 0;

	/** One value so far ({@link #value}): a single chunk, a replacing chunk or a sum of numbers. */
	private static final int VALUE = 1;

	/** Text: {@link #text}. */
	private static final int TEXT = 2;

	/** Addables: {@link #value}, then {@link #pending}, all of {@link #type}'s class. */
	private static final int ADDABLES = 3;

	/** A map: an aggregator per key, in {@link #entries}. */
	private static final int MAP = 4;

	/** A list: its items in {@link #items}. */
	private static final int LIST = 5;

	private int mode = EMPTY;

	private @Nullable Object value;

	/** The exact class of the chunks the current mode takes without a type test. */
	private @Nullable Class<?> type;

	private @Nullable StringBuilder text;

	/** Addable chunks not yet joined to {@link #value}: joined all at once when asked for. */
	private @Nullable List<Object> pending;

	private @Nullable Map<Object, ChunkAggregator> entries;

	private @Nullable List<Object> items;

	/**
	 * Add the next chunk.
	 * @param chunk the chunk (a {@code null} chunk is ignored)
	 */
	public void add(@Nullable Object chunk) {
		if (chunk == null) {
			return;
		}
		switch (this.mode) {
			case EMPTY -> {
				this.mode = VALUE;
				this.value = chunk;
				return;
			}
			case TEXT -> {
				if (chunk.getClass() == this.type || chunk instanceof CharSequence) {
					this.text.append((CharSequence) chunk);
					return;
				}
			}
			case ADDABLES -> {
				if (chunk.getClass() == this.type || this.type.isInstance(chunk)) {
					this.pending.add(chunk);
					return;
				}
			}
			case MAP -> {
				if (chunk instanceof Map<?, ?> map) {
					merge(map);
					return;
				}
			}
			case LIST -> {
				if (chunk instanceof List<?> list) {
					this.items.addAll(list);
					return;
				}
			}
			default -> {
				// VALUE: what the next chunk makes of it is decided below
			}
		}
		start(current(), chunk);
	}

	/**
	 * Continue from {@code first} joined with {@code second}, in the mode that collects what may
	 * follow: the same rules, in the same order, as {@link #join}.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void start(Object first, Object second) {
		clear();
		if (first instanceof CharSequence a && second instanceof CharSequence b) {
			this.mode = TEXT;
			this.type = second.getClass();
			this.text = new StringBuilder(Math.max(16, 2 * (a.length() + b.length()))).append(a).append(b);
		}
		else if (first instanceof Addable && first.getClass().isInstance(second)) {
			this.mode = ADDABLES;
			this.type = first.getClass();
			this.value = first;
			this.pending = new ArrayList<>();
			this.pending.add(second);
		}
		else if (first instanceof Map<?, ?> a && second instanceof Map<?, ?> b) {
			this.mode = MAP;
			this.entries = new LinkedHashMap<>();
			merge(a);
			merge(b);
		}
		else if (first instanceof List<?> a && second instanceof List<?> b) {
			this.mode = LIST;
			this.items = new ArrayList<>(a.size() + b.size());
			this.items.addAll(a);
			this.items.addAll(b);
		}
		else {
			this.mode = VALUE;
			this.value = (first instanceof Number a && second instanceof Number b) ? add(a, b) : second;
		}
	}

	private void merge(Map<?, ?> map) {
		map.forEach((key, value) -> this.entries.computeIfAbsent(key, (k) -> new ChunkAggregator()).add(value));
	}

	private void clear() {
		this.value = null;
		this.type = null;
		this.text = null;
		this.pending = null;
		this.entries = null;
		this.items = null;
	}

	/**
	 * Return whether no chunk has been added.
	 * @return {@code true} before the first non-null chunk
	 */
	public boolean isEmpty() {
		return this.mode == EMPTY;
	}

	/**
	 * Return the value of the chunks added so far, built from them now; more chunks may be added
	 * after. A map or list is a new one on each call.
	 * @return the aggregate, or {@code null} if no chunk was added
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public @Nullable Object current() {
		switch (this.mode) {
			case TEXT -> {
				return this.text.toString();
			}
			case ADDABLES -> {
				if (!this.pending.isEmpty()) {
					List<Object> rest = this.pending;
					this.pending = new ArrayList<>();
					this.value = ((Addable) this.value).addAll(rest);
				}
				return this.value;
			}
			case MAP -> {
				Map<Object, Object> merged = new LinkedHashMap<>();
				this.entries.forEach((key, aggregator) -> merged.put(key, aggregator.current()));
				return merged;
			}
			case LIST -> {
				return new ArrayList<>(this.items);
			}
			default -> {
				return this.value;
			}
		}
	}

	/**
	 * Return the join of the first {@code size} of {@code chunks}, made at once: what adding them
	 * one by one gives, with the common streams (all text, or all {@link Addable}s of one class)
	 * joined in one pass over them.
	 * @param chunks the chunks, none {@code null}
	 * @param size how many of them to join
	 * @return the aggregate, or {@code null} when {@code size} is 0
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static @Nullable Object joinAll(Object[] chunks, int size) {
		if (size == 0) {
			return null;
		}
		Object first = chunks[0];
		Class<?> type = first.getClass();
		int uniform = 1;
		while (uniform < size && chunks[uniform].getClass() == type) {
			uniform++;
		}
		if (uniform == size && size > 1) {
			if (type == String.class) {
				int length = 0;
				for (int i = 0; i < size; i++) {
					length += ((String) chunks[i]).length();
				}
				StringBuilder text = new StringBuilder(length);
				for (int i = 0; i < size; i++) {
					text.append((String) chunks[i]);
				}
				return text.toString();
			}
			if (first instanceof Addable addable) {
				return addable.addAll(Arrays.asList(chunks).subList(1, size));
			}
		}
		ChunkAggregator aggregator = new ChunkAggregator();
		for (int i = 0; i < size; i++) {
			aggregator.add(chunks[i]);
		}
		return aggregator.current();
	}

	/**
	 * Return a {@link Mono} of the aggregate of a stream: the stream's only item when it has one
	 * (without any copying), the join of its items when it has more, and empty when it has none.
	 * @param <T> the chunk type
	 * @param chunks the stream
	 * @return the aggregate
	 */
	@SuppressWarnings("unchecked")
	public static <T> Mono<T> aggregate(Flux<T> chunks) {
		return chunks.collect(ChunkAggregator::new, ChunkAggregator::add)
			.flatMap((aggregator) -> Mono.justOrEmpty((T) aggregator.current()));
	}

	/**
	 * Join two chunks by the rules of this class.
	 * @param first the earlier chunk, may be {@code null}
	 * @param second the later chunk, may be {@code null}
	 * @return the joined value
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static @Nullable Object join(@Nullable Object first, @Nullable Object second) {
		if (first == null) {
			return second;
		}
		if (second == null) {
			return first;
		}
		if (first instanceof CharSequence a && second instanceof CharSequence b) {
			return a.toString() + b;
		}
		if (first instanceof Addable a && first.getClass().isInstance(second)) {
			return a.add((Addable) second);
		}
		if (first instanceof Map<?, ?> a && second instanceof Map<?, ?> b) {
			Map<Object, Object> merged = new LinkedHashMap<>(a);
			b.forEach((key, value) -> merged.put(key, join(merged.get(key), value)));
			return merged;
		}
		if (first instanceof Number a && second instanceof Number b) {
			return add(a, b);
		}
		if (first instanceof List<?> a && second instanceof List<?> b) {
			List<Object> joined = new ArrayList<>(a.size() + b.size());
			joined.addAll(a);
			joined.addAll(b);
			return joined;
		}
		return second;
	}

	private static Number add(Number a, Number b) {
		if (a instanceof BigDecimal || b instanceof BigDecimal) {
			return decimal(a).add(decimal(b));
		}
		if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
			return a.doubleValue() + b.doubleValue();
		}
		if (a instanceof BigInteger || b instanceof BigInteger) {
			return integer(a).add(integer(b));
		}
		long sum = a.longValue() + b.longValue();
		boolean ints = a instanceof Integer && b instanceof Integer;
		return (ints && sum == (int) sum) ? (Number) (int) sum : (Number) sum;
	}

	private static BigInteger integer(Number number) {
		return (number instanceof BigInteger integer) ? integer : BigInteger.valueOf(number.longValue());
	}

	private static BigDecimal decimal(Number number) {
		return (number instanceof BigDecimal decimal) ? decimal : new BigDecimal(number.toString());
	}

}
