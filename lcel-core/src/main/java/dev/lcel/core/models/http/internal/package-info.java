/**
 * Machinery the HTTP providers share and users do not call; not API, it may change in any release.
 */
@NullMarked
package dev.lcel.core.models.http.internal;

import org.jspecify.annotations.NullMarked;
