/**
 * The config of a run ({@code RunnableConfig}: tags, metadata, callbacks, limits, configurable
 * values) and the fields a chain lets callers configure.
 */
@NullMarked
package dev.lcel.core.config;

import org.jspecify.annotations.NullMarked;
