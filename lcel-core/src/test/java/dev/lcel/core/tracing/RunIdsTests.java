package dev.lcel.core.tracing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunIdsTests {

	@Test
	void idsAreVersion7UuidsWithTheTimeTheyWereMade() {
		long before = System.currentTimeMillis();
		UUID id = RunIds.next();
		long after = System.currentTimeMillis();

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
		assertThat(UUID.fromString(id.toString())).isEqualTo(id);
	}

	@Test
	void idsOfOneThreadAreUniqueAcrossManyBlocks() {
		int count = RunIds.BLOCK * 10;
		Set<UUID> ids = new HashSet<>();
		Set<Long> randomBits = new HashSet<>();
		for (int i = 0; i < count; i++) {
			UUID id = RunIds.next();
			ids.add(id);
			randomBits.add(id.getLeastSignificantBits());
		}
		assertThat(ids).hasSize(count);
		// The random bits alone tell them apart: the time is not what makes them unique.
		assertThat(randomBits).hasSize(count);
	}

	@Test
	void everyRandomBitIsSetInAboutHalfTheIdsAcrossNewKeys() {
		// Ten keys' worth: 16 bytes an id.
		int count = RunIds.BLOCK / 16 * RunIds.REKEY * 10;
		// The 62 random bits of the low half, then the 12 of the high half.
		int[] set = new int[74];
		for (int i = 0; i < count; i++) {
			UUID id = RunIds.next();
			for (int bit = 0; bit < 62; bit++) {
				set[bit] += (int) ((id.getLeastSignificantBits() >>> bit) & 1);
			}
			for (int bit = 0; bit < 12; bit++) {
				set[62 + bit] += (int) ((id.getMostSignificantBits() >>> bit) & 1);
			}
		}
		// Over 300,000 ids one standard deviation is under 0.1%: 45% to 55% fails only for bits that are not random.
		for (int bit = 0; bit < set.length; bit++) {
			assertThat(set[bit] / (double) count).as("random bit %d", bit).isBetween(0.45, 0.55);
		}
	}

	@Test
	void idsOfManyThreadsAreUnique() throws InterruptedException {
		int threads = 8;
		int perThread = 20_000;
		Set<UUID> ids = ConcurrentHashMap.newKeySet();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				for (int i = 0; i < perThread; i++) {
					ids.add(RunIds.next());
				}
			});
			worker.start();
			workers.add(worker);
		}
		start.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		assertThat(ids).hasSize(threads * perThread);
	}

}
