package dev.lcel.core.differential;

import java.nio.file.Path;
import java.util.ArrayList;
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
		List<DynamicNode> nodes = new ArrayList<>();
		nodes.add(DynamicTest.dynamicTest("every Java twin has a case in reference.mjs",
				() -> assertThat(referenceIds).containsAll(twins.keySet())));
		Map<String, List<Comparison>> byCase = new java.util.LinkedHashMap<>();
		comparisons.forEach((c) -> byCase.computeIfAbsent(c.caseId(), (key) -> new ArrayList<>()).add(c));
		byCase.forEach((caseId, list) -> nodes.add(DynamicContainer.dynamicContainer(caseId, list.stream()
			.map((c) -> DynamicTest.dynamicTest(c.aspect().id(), () -> assertThat(c.agrees()).as(c.failureMessage()).isTrue())))));
		return nodes.stream();
	}

	private static List<Comparison> compare(ReferenceCase spec, Supplier<Runnable<Object, Object>> twin) {
		List<Comparison> comparisons = new ArrayList<>();
		Map<Aspect, List<JsonNode>> expected = Normaliser.normalise(spec.results(), spec);
		Map<Aspect, List<JsonNode>> actual = null;
		String problem = null;
		if (twin == null) {
			problem = "no Java twin in DifferentialCases";
		}
		else {
			try {
				actual = Normaliser.normalise(LcelRun.run(twin, spec), spec);
			}
			catch (RuntimeException ex) {
				problem = "the Java twin failed outside the compared calls: " + ex;
			}
		}
		for (Aspect aspect : spec.aspects()) {
			List<Departure> departures = Departures.of(spec.id(), aspect);
			List<String> reference = Neutral.lines(Departures.apply(departures, Departure.Side.JAVASCRIPT, expected.get(aspect)));
			List<String> ours = (actual == null) ? List.of()
					: Neutral.lines(Departures.apply(departures, Departure.Side.LCEL, actual.get(aspect)));
			comparisons.add(new Comparison(spec.id(), aspect, reference, ours, departures, problem));
		}
		return comparisons;
	}

}
