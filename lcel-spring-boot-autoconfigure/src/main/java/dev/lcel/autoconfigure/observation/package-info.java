/**
 * Auto-configuration of the observations and metrics of runs, OpenTelemetry's GenAI metrics of
 * model calls included.
 */
@NullMarked
package dev.lcel.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
