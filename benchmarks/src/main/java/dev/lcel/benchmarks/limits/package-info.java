/**
 * The load run of the Redis rate limiter: instances sharing one budget, and the rate they grant.
 */
@NullMarked
package dev.lcel.benchmarks.limits;

import org.jspecify.annotations.NullMarked;
