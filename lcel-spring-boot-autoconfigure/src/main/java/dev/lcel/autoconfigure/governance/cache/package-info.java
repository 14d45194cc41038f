/**
 * Auto-configuration of the response cache of chat model calls ({@code lcel.governance.cache.*}):
 * in memory or in Redis, with hit and miss metrics per configured model.
 */
@NullMarked
package dev.lcel.autoconfigure.governance.cache;

import org.jspecify.annotations.NullMarked;
