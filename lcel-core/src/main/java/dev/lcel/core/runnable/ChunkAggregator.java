package dev.lcel.core.runnable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
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
 * <p>An aggregator is a mutable accumulator for one stream: strings are collected in a
 * {@link StringBuilder}, and {@link Addable}s are joined all at once with {@link Addable#addAll}, so
 * joining n one-character chunks costs O(n), not O(n²). Not thread-safe;
 * a stream delivers its chunks one at a time.
 */
public final class ChunkAggregator {

	private Object value;

	private StringBuilder text;

	/** Addable chunks not yet joined to {@link #value}: joined all at once when asked for. */
	private final List<Object> pendingAddables = new ArrayList<>();

	private boolean empty = true;

	/**
	 * Add the next chunk.
	 * @param chunk the chunk (a {@code null} chunk is ignored)
	 */
	public void add(@Nullable Object chunk) {
		if (chunk == null) {
			return;
		}
		if (this.empty) {
			this.empty = false;
			this.value = chunk;
			return;
		}
		if (chunk instanceof CharSequence next && (this.text != null || this.value instanceof CharSequence)) {
			if (this.text == null) {
				this.text = new StringBuilder((CharSequence) this.value);
				this.value = null;
			}
			this.text.append(next);
			return;
		}
		if (this.text == null && this.value instanceof Addable<?> && this.value.getClass().isInstance(chunk)) {
			this.pendingAddables.add(chunk);
			return;
		}
		this.value = join(current(), chunk);
		this.text = null;
	}

	/**
	 * Return whether no chunk has been added.
	 * @return {@code true} before the first non-null chunk
	 */
	public boolean isEmpty() {
		return this.empty;
	}

	/**
	 * Return the value of the chunks added so far.
	 * @return the aggregate, or {@code null} if no chunk was added
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public @Nullable Object current() {
		if (!this.pendingAddables.isEmpty()) {
			this.value = ((Addable) this.value).addAll(new ArrayList<>(this.pendingAddables));
			this.pendingAddables.clear();
		}
		return (this.text != null) ? this.text.toString() : this.value;
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
