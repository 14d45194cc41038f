package dev.lcel.core.runnable;

/**
 * A chunk of streamed output that knows how to join the chunk after it, such as a message chunk.
 *
 * <p>{@link #add(Object)} must be associative: {@code a.add(b).add(c)} equals
 * {@code a.add(b.add(c))}, so chunks can be aggregated in any grouping. It must not modify
 * either operand.
 *
 * @param <T> the chunk type
 */
public interface Addable<T extends Addable<T>> {

	/**
	 * Join {@code next} after this chunk.
	 * @param next the chunk that follows this one
	 * @return the joined chunk
	 */
	T add(T next);

	/**
	 * Join {@code rest} after this chunk, in order: the same as adding them one by one. Chunks that
	 * can join many at once in less than quadratic time (text, say) override it.
	 * @param rest the chunks that follow this one
	 * @return the joined chunk
	 */
	@SuppressWarnings("unchecked")
	default T addAll(java.util.List<? extends T> rest) {
		T joined = (T) this;
		for (T next : rest) {
			joined = joined.add(next);
		}
		return joined;
	}

}
