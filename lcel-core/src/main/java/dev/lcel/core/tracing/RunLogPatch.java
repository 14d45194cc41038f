package dev.lcel.core.tracing;

import java.util.List;

import dev.lcel.core.json.JsonPatchOp;

/**
 * One step of {@code astreamLog}: JSON Patch (RFC 6902) operations that bring the run-state
 * document up to date. Applying every patch of a log in order, starting from an empty document,
 * gives the final state, whose {@code final_output} is what {@code invoke} returns.
 *
 * <p>The document: {@code id}, {@code name}, {@code type}, {@code streamed_output} (the root's
 * chunks), {@code final_output}, and {@code logs}, a map from run name ({@code Name},
 * {@code Name:2}, ... when names repeat) to {@code id}, {@code name}, {@code type}, {@code tags},
 * {@code metadata}, {@code start_time}, {@code streamed_output}, {@code streamed_output_str},
 * {@code final_output} and {@code end_time} (and {@code error} when the run failed).
 *
 * @param ops the operations, applied in order; values are the runs' own Java objects, which
 * become JSON when the patch is serialised
 */
public record RunLogPatch(List<JsonPatchOp> ops) {

	public RunLogPatch {
		ops = List.copyOf(ops);
	}

}
