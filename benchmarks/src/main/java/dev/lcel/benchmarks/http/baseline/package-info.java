/**
 * A plain WebFlux handler that a load run serves beside the demo's chains, as the baseline of the
 * {@code /invoke} throughput comparison.
 */
@NullMarked
package dev.lcel.benchmarks.http.baseline;

import org.jspecify.annotations.NullMarked;
