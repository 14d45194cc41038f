/**
 * Auto-configuration of token usage per run: a counter of the tokens each chain's model calls use.
 */
@NullMarked
package dev.lcel.autoconfigure.governance.usage;

import org.jspecify.annotations.NullMarked;
