/**
 * The Runnable protocol and its primitives: sequences, parallels, lambdas, generators, branches,
 * passthrough, pick and assign, retries, fallbacks, bindings and configurable alternatives.
 */
@NullMarked
package dev.lcel.core.runnable;

import org.jspecify.annotations.NullMarked;
