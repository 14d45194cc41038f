package dev.lcel.core.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code target/differential-report.md}: the agreement counts per aspect (with the listed departures
 * applied, and without any), the number of exceptions of each kind, then per case and aspect
 * either "agrees" or the compact diff, then the list of departures with their reasons.
 */
final class DifferentialReport {

	private DifferentialReport() {
	}

	static void write(Path file, String langchainVersion, List<Comparison> comparisons) throws IOException {
		StringBuilder md = new StringBuilder();
		md.append("# Differential report: lcel-core against @langchain/core ").append(langchainVersion).append("\n\n");
		md.append("The reference is LangChain Python's behaviour: LangChain.js's output, with the listed departures "
				+ "turned into Python's. `-` lines are the reference's, `+` lines lcel's.\n\n");
		md.append("| aspect | agree | differ | agree without departures |\n|---|---|---|---|\n");
		for (Aspect aspect : Aspect.values()) {
			long total = comparisons.stream().filter((c) -> c.aspect() == aspect).count();
			long agree = comparisons.stream().filter((c) -> c.aspect() == aspect && c.agrees()).count();
			long unedited = comparisons.stream().filter((c) -> c.aspect() == aspect && c.agreesUnedited()).count();
			md.append("| ").append(aspect.id()).append(" | ").append(agree).append(" | ").append(total - agree)
				.append(" | ").append(unedited).append(" |\n");
		}
		long agree = comparisons.stream().filter(Comparison::agrees).count();
		long unedited = comparisons.stream().filter(Comparison::agreesUnedited).count();
		md.append("| **all** | ").append(agree).append(" | ").append(comparisons.size() - agree).append(" | ")
			.append(unedited).append(" |\n\n");
		for (Departure.Side side : Departure.Side.values()) {
			List<Departure> listed = Departures.ALL.stream().filter((d) -> d.side() == side).toList();
			md.append("- ").append(listed.size()).append(side == Departure.Side.JAVASCRIPT
					? " departures of LangChain.js from Python" : " documented extras of lcel")
				.append(", over ").append(listed.stream().mapToInt((d) -> d.cases().size()).sum()).append(" case entries\n");
		}
		md.append("\n");
		for (Aspect aspect : Aspect.values()) {
			List<String> differ = comparisons.stream().filter((c) -> c.aspect() == aspect && !c.agrees())
				.map(Comparison::caseId).toList();
			if (!differ.isEmpty()) {
				md.append("- ").append(aspect.id()).append(" differs in: ").append(String.join(", ", differ)).append("\n");
			}
		}
		md.append("\n");
		Map<String, List<Comparison>> byCase = new LinkedHashMap<>();
		comparisons.forEach((c) -> byCase.computeIfAbsent(c.caseId(), (key) -> new ArrayList<>()).add(c));
		byCase.forEach((caseId, list) -> {
			md.append("## ").append(caseId).append("\n\n");
			list.get(0).staleDepartures().forEach((stale) -> md.append("- **stale**: ").append(stale).append("\n"));
			for (Comparison c : list) {
				md.append("- **").append(c.aspect().id()).append("**: ");
				if (c.agrees()) {
					md.append("agrees");
				}
				else if (c.problem() != null) {
					md.append("not compared: ").append(c.problem());
				}
				else {
					md.append("differs\n\n```diff\n").append(String.join("\n", c.diff())).append("\n```");
				}
				if (!c.departures().isEmpty()) {
					md.append(" (").append(c.departures().size()).append(" departure(s) applied)");
				}
				md.append("\n");
			}
			md.append("\n");
		});
		md.append("## Departures\n\n| cases | aspects | side | observed | reference | source |\n|---|---|---|---|---|---|\n");
		for (Departure d : Departures.ALL) {
			md.append("| ").append(String.join(", ", d.cases())).append(" | ")
				.append(String.join(", ", d.aspects().stream().map(Aspect::id).sorted().toList())).append(" | ")
				.append(d.side())
				.append(" | ").append(d.observed()).append(" | ").append(d.reference()).append(" | ")
				.append(d.source()).append(" |\n");
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, md);
	}

	/** Both sides' normalised lines per case and aspect, for reading a difference in full. */
	static void writeLines(Path file, List<Comparison> comparisons) throws IOException {
		ObjectNode root = Neutral.JSON.createObjectNode();
		for (Comparison c : comparisons) {
			ObjectNode aspect = root.withObjectProperty(c.caseId()).putObject(c.aspect().id());
			aspect.set("reference", Neutral.JSON.valueToTree(c.expected()));
			aspect.set("lcel", Neutral.JSON.valueToTree(c.actual()));
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, Neutral.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
	}

}
