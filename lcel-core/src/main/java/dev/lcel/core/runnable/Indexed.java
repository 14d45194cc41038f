package dev.lcel.core.runnable;

import java.util.Comparator;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one input of a batch, with the input's position: its output, or the exception
 * it failed with (when the batch was run with {@link BatchOptions#returnExceptions()}).
 *
 * @param <O> the output type
 * @param index the position of the input in the batch
 * @param output the output, or {@code null} if the input failed
 * @param error the failure, or {@code null} if the input succeeded
 */
public record Indexed<O>(int index, @Nullable O output, @Nullable Throwable error) {

	/**
	 * Return a successful outcome.
	 * @param <O> the output type
	 * @param index the input's position
	 * @param output the output
	 * @return the outcome
	 */
	public static <O> Indexed<O> success(int index, O output) {
		return new Indexed<>(index, output, null);
	}

	/**
	 * Return a failed outcome.
	 * @param <O> the output type
	 * @param index the input's position
	 * @param error the failure
	 * @return the outcome
	 */
	public static <O> Indexed<O> failure(int index, Throwable error) {
		return new Indexed<>(index, null, Objects.requireNonNull(error, "error must not be null"));
	}

	/**
	 * Return whether the input failed.
	 * @return {@code true} if this outcome carries an exception
	 */
	public boolean failed() {
		return this.error != null;
	}

	/**
	 * Return a comparator that puts outcomes in input order.
	 * @param <O> the output type
	 * @return the comparator
	 */
	public static <O> Comparator<Indexed<O>> byIndex() {
		return Comparator.comparingInt(Indexed::index);
	}

}
