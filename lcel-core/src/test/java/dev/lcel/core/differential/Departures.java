package dev.lcel.core.differential;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The structured list of exceptions: where LangChain.js departs from LangChain Python (the reference
 * behaviour) and where lcel reports more than LangChain on purpose. Each entry names its case and aspect
 * and says why in a sentence; nothing is ignored wholesale.
 */
final class Departures {

	static final List<Departure> ALL = List.of();

	private Departures() {
	}

	static List<Departure> of(String caseId, Aspect aspect) {
		return ALL.stream().filter((d) -> d.caseId().equals(caseId) && d.aspect() == aspect).toList();
	}

	static List<JsonNode> apply(List<Departure> departures, Departure.Side side, List<JsonNode> lines) {
		List<JsonNode> adjusted = new ArrayList<>(lines);
		for (Departure departure : departures) {
			if (departure.side() == side) {
				adjusted = departure.adjust().apply(adjusted);
			}
		}
		return adjusted;
	}

}
