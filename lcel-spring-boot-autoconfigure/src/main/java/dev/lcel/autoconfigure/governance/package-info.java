/**
 * Auto-configuration of the governance of model calls: rate limits ({@code lcel.governance.rate-limits})
 * and token quotas per caller ({@code lcel.governance.quotas}), in memory or in Redis.
 */
@NullMarked
package dev.lcel.autoconfigure.governance;

import org.jspecify.annotations.NullMarked;
