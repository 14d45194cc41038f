package dev.lcel.core.parsers;

import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The rule a streamed container follows on its way to its final value, which the property tests
 * of the streaming parsers check: it holds at most the final container's elements, all equal to
 * the final ones but the last, and the last is itself on its way to its final value.
 */
final class StreamedPrefix {

	private StreamedPrefix() {
	}

	/**
	 * Return whether {@code partial} is on its way to {@code whole}.
	 * @param partial the elements streamed so far
	 * @param whole the final elements
	 * @param lastOnItsWay whether the last element streamed is on its way to its final value
	 * @return whether the rule holds
	 */
	static <T> boolean holds(List<? extends T> partial, List<? extends T> whole, BiPredicate<T, T> lastOnItsWay) {
		if (partial.size() > whole.size()) {
			return false;
		}
		for (int i = 0; i < partial.size(); i++) {
			boolean last = (i == partial.size() - 1);
			if (last ? !lastOnItsWay.test(partial.get(i), whole.get(i)) : !Objects.equals(partial.get(i), whole.get(i))) {
				return false;
			}
		}
		return true;
	}

}
