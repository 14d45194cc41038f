/**
 * Auto-configuration of message history stores, in memory or in Redis, and their metrics.
 */
@NullMarked
package dev.lcel.autoconfigure.history;

import org.jspecify.annotations.NullMarked;
