/**
 * The load driver that puts HTTP load on a running lcel server (SSE streams, {@code /invoke}
 * throughput, invalid requests) and reports what it measured.
 */
@NullMarked
package dev.lcel.benchmarks.http;

import org.jspecify.annotations.NullMarked;
