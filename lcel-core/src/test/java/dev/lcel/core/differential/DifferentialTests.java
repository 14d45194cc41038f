package dev.lcel.core.differential;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.lcel.core.runnable.Runnable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential suite: every case of {@code src/test/differential/reference.mjs} runs with LangChain.js
 * and, as its Java twin ({@link DifferentialCases}), with lcel-core; one dynamic test per case and aspect
 * compares the two after {@link Normaliser normalising} both and applying the listed {@link Departures}.
 * The report goes to {@code target/differential-report.md}.
 */
class DifferentialTests {

	private static final Path WORK = Path.of("target", "differential");

	@TestFactory
	Stream<DynamicNode> lcelReportsWhatLangChainReports() throws Exception {
		JsonNode reference = ReferenceImplementation.run(WORK.resolve("reference.json"));
		Map<String, Supplier<Runnable<Object, Object>>> twins = DifferentialCases.all();
		List<Comparison> comparisons = new ArrayList<>();
		Set<String> referenceIds = new TreeSet<>();
		for (JsonNode node : reference.path("cases")) {
			ReferenceCase spec = ReferenceCase.of(node);
			referenceIds.add(spec.id());
			comparisons.addAll(compare(spec, twins.get(spec.id())));
		}
		DifferentialReport.write(Path.of("target", "differential-report.md"),
				reference.path("langchainCore").asString(), comparisons);
		DifferentialReport.writeLines(WORK.resolve("lines.json"), comparisons);
		List<DynamicNode> nodes = new ArrayList<>();
		nodes.add(DynamicTest.dynamicTest("every Java twin has a case in reference.mjs",
				() -> assertThat(referenceIds).containsAll(twins.keySet())));
		Map<String, List<Comparison>> byCase = new LinkedHashMap<>();
		comparisons.forEach((c) -> byCase.computeIfAbsent(c.caseId(), (key) -> new ArrayList<>()).add(c));
		byCase.forEach((caseId, list) -> {
			List<DynamicTest> tests = new ArrayList<>();
			list.forEach((c) -> tests.add(DynamicTest.dynamicTest(c.aspect().id(),
					() -> assertThat(c.agrees()).as(c.failureMessage()).isTrue())));
			tests.add(DynamicTest.dynamicTest("every listed departure still applies",
					() -> assertThat(list.get(0).staleDepartures()).isEmpty()));
			nodes.add(DynamicContainer.dynamicContainer(caseId, tests));
		});
		return nodes.stream();
	}

	private static List<Comparison> compare(ReferenceCase spec, Supplier<Runnable<Object, Object>> twin) {
		List<Departure> departures = Departures.of(spec.id());
		Map<Aspect, List<JsonNode>> expected = normalised(departures, Departure.Side.JAVASCRIPT, spec.results(), spec);
		JsonNode lcel = null;
		String problem = null;
		if (twin == null) {
			problem = "no Java twin in DifferentialCases";
		}
		else {
			try {
				lcel = LcelRun.run(twin, spec);
			}
			catch (RuntimeException ex) {
				problem = "the Java twin failed outside the compared calls: " + ex;
			}
		}
		Map<Aspect, List<JsonNode>> actual = (lcel == null) ? Map.of()
				: normalised(departures, Departure.Side.LCEL, lcel, spec);
		Map<Aspect, List<JsonNode>> expectedUnedited = normalised(List.of(), Departure.Side.JAVASCRIPT, spec.results(), spec);
		Map<Aspect, List<JsonNode>> actualUnedited = (lcel == null) ? Map.of()
				: normalised(List.of(), Departure.Side.LCEL, lcel, spec);
		List<String> stale = stale(departures, spec, lcel);
		List<Comparison> comparisons = new ArrayList<>();
		for (Aspect aspect : spec.aspects()) {
			List<String> ours = actual.containsKey(aspect) ? Neutral.lines(actual.get(aspect)) : List.of();
			boolean agreesUnedited = problem == null && actualUnedited.containsKey(aspect)
					&& Neutral.lines(expectedUnedited.get(aspect)).equals(Neutral.lines(actualUnedited.get(aspect)));
			comparisons.add(new Comparison(spec.id(), aspect, Neutral.lines(expected.get(aspect)), ours,
					Departures.forAspect(departures, aspect), problem, stale, agreesUnedited));
		}
		return comparisons;
	}

	private static Map<Aspect, List<JsonNode>> normalised(List<Departure> departures, Departure.Side side,
			JsonNode results, ReferenceCase spec) {
		return Normaliser.normalise(Departures.apply(departures, side, results), spec);
	}

	/** The departures listed for this case that no longer change any of their aspects. */
	private static List<String> stale(List<Departure> departures, ReferenceCase spec, JsonNode lcel) {
		List<String> stale = new ArrayList<>();
		for (Departure departure : departures) {
			JsonNode results = (departure.side() == Departure.Side.JAVASCRIPT) ? spec.results() : lcel;
			if (results == null) {
				continue;
			}
			List<Departure> others = departures.stream().filter((d) -> d != departure).toList();
			Map<Aspect, List<JsonNode>> with = normalised(departures, departure.side(), results, spec);
			Map<Aspect, List<JsonNode>> without = normalised(others, departure.side(), results, spec);
			boolean changes = departure.aspects().stream().filter(spec::has)
				.anyMatch((aspect) -> !Neutral.lines(with.get(aspect)).equals(Neutral.lines(without.get(aspect))));
			if (!changes) {
				stale.add(departure.side() + " departure '" + departure.observed() + "' changes none of "
						+ departure.aspects().stream().map(Aspect::id).sorted().toList());
			}
		}
		return stale;
	}

}
