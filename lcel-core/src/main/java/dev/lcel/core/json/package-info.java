/**
 * JSON values that several parts of lcel write: the operations of a JSON Patch, which streamed JSON
 * parsers and run logs emit.
 */
@NullMarked
package dev.lcel.core.json;

import org.jspecify.annotations.NullMarked;
