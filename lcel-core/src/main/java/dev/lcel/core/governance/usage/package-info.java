/**
 * The token usage of a run: every model call inside it, summed per model.
 */
@NullMarked
package dev.lcel.core.governance.usage;

import org.jspecify.annotations.NullMarked;
