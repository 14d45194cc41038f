/**
 * Health indicators that check each model provider is reachable and accepts its key, without
 * spending tokens.
 */
@NullMarked
package dev.lcel.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
