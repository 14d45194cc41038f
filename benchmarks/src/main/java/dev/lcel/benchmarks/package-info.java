/**
 * JMH benchmarks of the Runnable protocol: invoke overhead, batches, parallels, streaming, streamed
 * JSON and the tool loop.
 */
@NullMarked
package dev.lcel.benchmarks;

import org.jspecify.annotations.NullMarked;
