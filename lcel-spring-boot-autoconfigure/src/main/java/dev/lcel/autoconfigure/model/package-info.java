/**
 * Models from {@code lcel.models}: their properties, the factory of each provider, and the registry
 * that creates them lazily.
 */
@NullMarked
package dev.lcel.autoconfigure.model;

import org.jspecify.annotations.NullMarked;
