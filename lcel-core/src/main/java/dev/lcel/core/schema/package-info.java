/**
 * JSON Schemas of runnables' inputs and outputs, generated from Java types, and their validation.
 */
@NullMarked
package dev.lcel.core.schema;

import org.jspecify.annotations.NullMarked;
