package dev.lcel.core.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunObservationContextTests {

	private static final RunInfo RUN = new RunInfo(UUID.randomUUID(), List.of(), "joke", RunType.CHAIN, List.of(),
			Map.of(), "invoke");

	@Test
	void keyValuesAddedAsAWholeAreHandedBackAsTheyAre() {
		RunObservationContext context = new RunObservationContext(RUN);
		KeyValues keys = KeyValues.of("lcel.run.name", "joke", "outcome", "success");
		context.addLowCardinalityKeyValues(keys);
		context.addLowCardinalityKeyValues(keys);

		assertThat(context.getLowCardinalityKeyValues()).isSameAs(keys);
		assertThat(context.getLowCardinalityKeyValue("outcome")).isEqualTo(KeyValue.of("outcome", "success"));
		assertThat(context.getAllKeyValues()).isEqualTo(keys);
	}

	@Test
	void keyValuesWithTheSameKeysReplaceTheWholeAndOthersAreAdded() {
		RunObservationContext context = new RunObservationContext(RUN);
		context.addLowCardinalityKeyValues(KeyValues.of("lcel.run.name", "joke", "outcome", "success"));
		KeyValues failed = KeyValues.of("lcel.run.name", "joke", "outcome", "error");
		context.addLowCardinalityKeyValues(failed);
		assertThat(context.getLowCardinalityKeyValues()).isSameAs(failed);

		context.addLowCardinalityKeyValues(KeyValues.of("region", "eu"));
		assertThat(context.getLowCardinalityKeyValues())
			.isEqualTo(KeyValues.of("lcel.run.name", "joke", "outcome", "error", "region", "eu"));
	}

	/**
	 * Seeded random sequences of every change a context allows, on a run's context and on a plain
	 * one: after each change both hold the same key values.
	 */
	@Test
	void behavesAsAPlainContextWhateverIsChanged() {
		long seed = System.nanoTime();
		System.out.println("RunObservationContextTests seed: " + seed);
		Random random = new Random(seed);
		String[] keys = { "a", "b", "c", "d" };
		List<KeyValues> wholes = List.of(KeyValues.of("a", "1", "b", "2"), KeyValues.of("a", "3", "b", "4"),
				KeyValues.of("c", "5"), KeyValues.empty(), KeyValues.of("a", "6", "b", "7", "d", "8"));
		for (int sequence = 0; sequence < 200; sequence++) {
			RunObservationContext ours = new RunObservationContext(RUN);
			Observation.Context plain = new Observation.Context();
			List<String> done = new ArrayList<>();
			for (int step = 0; step < 8; step++) {
				boolean low = random.nextBoolean();
				int change = random.nextInt(4);
				String key = keys[random.nextInt(keys.length)];
				KeyValues whole = wholes.get(random.nextInt(wholes.size()));
				KeyValue one = KeyValue.of(key, String.valueOf(random.nextInt(3)));
				for (Observation.Context context : List.of(ours, plain)) {
					change(context, low, change, whole, one, key);
				}
				done.add((low ? "low " : "high ") + change + " " + whole + " " + one);
				assertThat(ours.getLowCardinalityKeyValues()).as("seed %d after %s", seed, done)
					.isEqualTo(plain.getLowCardinalityKeyValues());
				assertThat(ours.getHighCardinalityKeyValues()).as("seed %d after %s", seed, done)
					.isEqualTo(plain.getHighCardinalityKeyValues());
				assertThat(ours.getAllKeyValues()).as("seed %d after %s", seed, done).isEqualTo(plain.getAllKeyValues());
				for (String each : keys) {
					assertThat(ours.getLowCardinalityKeyValue(each)).as("seed %d after %s", seed, done)
						.isEqualTo(plain.getLowCardinalityKeyValue(each));
					assertThat(ours.getHighCardinalityKeyValue(each)).as("seed %d after %s", seed, done)
						.isEqualTo(plain.getHighCardinalityKeyValue(each));
				}
			}
		}
	}

	private static void change(Observation.Context context, boolean low, int change, KeyValues whole, KeyValue one,
			String key) {
		switch (change) {
			case 0 -> {
				if (low) {
					context.addLowCardinalityKeyValues(whole);
				}
				else {
					context.addHighCardinalityKeyValues(whole);
				}
			}
			case 1 -> {
				if (low) {
					context.addLowCardinalityKeyValue(one);
				}
				else {
					context.addHighCardinalityKeyValue(one);
				}
			}
			case 2 -> {
				if (low) {
					context.removeLowCardinalityKeyValue(key);
				}
				else {
					context.removeHighCardinalityKeyValue(key);
				}
			}
			default -> {
				if (low) {
					context.removeLowCardinalityKeyValues(key, "b");
				}
				else {
					context.removeHighCardinalityKeyValues(key, "b");
				}
			}
		}
	}

}
