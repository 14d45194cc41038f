/**
 * A response cache for chat model calls: a model that answers repeated calls from a store,
 * replaying a streamed answer with its original chunks.
 */
@NullMarked
package dev.lcel.core.governance.cache;

import org.jspecify.annotations.NullMarked;
