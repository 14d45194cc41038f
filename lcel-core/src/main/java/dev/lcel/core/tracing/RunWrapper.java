package dev.lcel.core.tracing;

/**
 * Marks a runnable that wraps others and adds no run of its own (a config binding, a retry,
 * fallbacks): {@link Runs} does not start a run for it, and the runnables it runs become runs of
 * its caller's run, named as themselves. A failed attempt of a retry or a fallback thus shows in
 * the run tree as a run that ended in error.
 */
public interface RunWrapper {

}
