/**
 * The run protocol's machinery behind {@link dev.lcel.core.tracing}: runs made and followed for
 * their handlers, and the event and run-log streams; public only for lcel-core's other packages,
 * not an API.
 */
@NullMarked
package dev.lcel.core.tracing.internal;

import org.jspecify.annotations.NullMarked;
