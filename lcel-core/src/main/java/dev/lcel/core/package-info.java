/**
 * The root of lcel's core: the exception every lcel failure extends and what decides whether an
 * upstream failure is worth retrying.
 */
@NullMarked
package dev.lcel.core;

import org.jspecify.annotations.NullMarked;
