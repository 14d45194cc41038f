/**
 * Message history: stores of past conversations per session and the wrapper that reads a session's
 * messages into each call and appends its turn.
 */
@NullMarked
package dev.lcel.core.history;

import org.jspecify.annotations.NullMarked;
