/**
 * LangServe's wire protocol, for both the server that serves chains and the
 * {@link dev.lcel.core.remote.RemoteRunnable} that calls them: the routes of a chain, the codecs
 * of the client-settable config, the run filters and the server-sent events, and the reading of
 * JSON values into what chains take.
 */
@NullMarked
package dev.lcel.core.wire;

import org.jspecify.annotations.NullMarked;
