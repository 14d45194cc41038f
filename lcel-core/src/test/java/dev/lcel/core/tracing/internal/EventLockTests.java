package dev.lcel.core.tracing.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLockTests {

	@Test
	void aThreadThatHoldsTheLockTakesItAgainAndReleasesItAsOftenAsItTookIt() throws Exception {
		EventLock lock = new EventLock();
		lock.lock();
		lock.lock();
		lock.unlock();
		// Still held once: another thread cannot take it until the last release.
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> other = executor.submit(() -> {
				lock.lock();
				lock.unlock();
			});
			assertThat(other).isNotDone();
			lock.unlock();
			other.get(10, TimeUnit.SECONDS);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void anotherThreadWaitsUntilTheLockIsReleased() throws Exception {
		EventLock lock = new EventLock();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			lock.lock();
			CountDownLatch waiting = new CountDownLatch(1);
			Future<String> other = executor.submit(() -> {
				waiting.countDown();
				lock.lock();
				lock.unlock();
				return "taken";
			});
			waiting.await(10, TimeUnit.SECONDS);
			assertThat(other).isNotDone();
			lock.unlock();
			assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("taken");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void threadsThatTakeTheLockNeverOverlap() throws Exception {
		EventLock lock = new EventLock();
		int[] counter = new int[1];
		int threads = 4;
		int rounds = 20_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<?>[] workers = new Future<?>[threads];
			for (int t = 0; t < threads; t++) {
				workers[t] = executor.submit(() -> {
					start.await();
					for (int i = 0; i < rounds; i++) {
						lock.lock();
						try {
							counter[0]++;
						}
						finally {
							lock.unlock();
						}
					}
					return null;
				});
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		lock.lock();
		assertThat(counter[0]).isEqualTo(threads * rounds);
		lock.unlock();
	}

}
