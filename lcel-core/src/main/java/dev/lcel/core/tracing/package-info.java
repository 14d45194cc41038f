/**
 * How runs are reported: callbacks, run logs as JSON Patch, typed stream events, and Micrometer
 * observations of each run.
 */
@NullMarked
package dev.lcel.core.tracing;

import org.jspecify.annotations.NullMarked;
