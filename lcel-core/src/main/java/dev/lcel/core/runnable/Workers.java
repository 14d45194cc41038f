package dev.lcel.core.runnable;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads that run work which may block (a plain lambda, a synchronous {@code invoke}) when a
 * parallel, a batch or an async call needs it to run beside other work.
 *
 * <p>The pool is unbounded and concurrency is limited where the work is started
 * ({@code maxConcurrency}), so a nested parallel that waits for its branches can never starve the
 * pool of the threads those branches need, as a bounded pool could. Idle threads end after a
 * minute. On Java 21 and later, setting the system property {@code lcel.virtual-threads=true} runs
 * the work on virtual threads instead.
 */
final class Workers {

	static final String VIRTUAL_THREADS_PROPERTY = "lcel.virtual-threads";

	private static final Scheduler SCHEDULER = Schedulers.fromExecutorService(createExecutor(), "lcel-worker");

	private Workers() {
	}

	static Scheduler scheduler() {
		return SCHEDULER;
	}

	private static ExecutorService createExecutor() {
		if (Boolean.getBoolean(VIRTUAL_THREADS_PROPERTY)) {
			ExecutorService virtual = virtualThreadExecutor();
			if (virtual != null) {
				return virtual;
			}
		}
		ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
				new SynchronousQueue<>(), new DaemonThreads());
		return executor;
	}

	private static ExecutorService virtualThreadExecutor() {
		try {
			// Looked up reflectively: the library is compiled for Java 17.
			return (ExecutorService) MethodHandles.publicLookup()
				.findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
						MethodType.methodType(ExecutorService.class))
				.invoke();
		}
		catch (Throwable ex) {
			return null;
		}
	}

	private static final class DaemonThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(java.lang.Runnable task) {
			Thread thread = new Thread(task, "lcel-worker-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
