/**
 * Governance of model calls: rate limits of requests and tokens per interval, and token quotas per
 * caller, applied around a chat model's calls by a {@link dev.lcel.core.governance.ModelCallGate}.
 */
@NullMarked
package dev.lcel.core.governance;

import org.jspecify.annotations.NullMarked;
