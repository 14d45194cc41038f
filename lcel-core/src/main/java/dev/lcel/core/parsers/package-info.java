/**
 * Output parsers: a model's answer as a string, streamed JSON, a list, or a value of a record or
 * bean type, with format instructions from its schema.
 */
@NullMarked
package dev.lcel.core.parsers;

import org.jspecify.annotations.NullMarked;
