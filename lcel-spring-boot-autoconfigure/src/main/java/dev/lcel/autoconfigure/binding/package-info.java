/**
 * Strict binding of lcel's own properties: every key under {@code lcel.models} and
 * {@code lcel.chains} is checked against the property classes, so that a typo fails startup naming
 * its path, the valid keys there and the nearest match.
 */
@NullMarked
package dev.lcel.autoconfigure.binding;

import org.jspecify.annotations.NullMarked;
