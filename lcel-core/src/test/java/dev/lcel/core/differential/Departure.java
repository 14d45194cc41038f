package dev.lcel.core.differential;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;

/**
 * One listed exception to plain agreement, for one case and aspect: either LangChain.js departs from
 * LangChain Python (the reference), and {@code adjust} turns the JavaScript lines into what Python reports;
 * or lcel deliberately reports more than LangChain (documented in {@code docs/streaming.md}), and
 * {@code adjust} takes the extra out of lcel's lines.
 *
 * @param caseId the case
 * @param aspect the aspect
 * @param side whose lines are adjusted
 * @param observed what LangChain.js (or lcel) does
 * @param reference what LangChain Python does (or why lcel's extra is deliberate)
 * @param source the Python source file and function followed, or the docs section of lcel's extra
 * @param adjust the change to that side's normalised lines
 */
record Departure(String caseId, Aspect aspect, Side side, String observed, String reference, String source,
		UnaryOperator<List<JsonNode>> adjust) {

	Departure {
		Objects.requireNonNull(caseId, "caseId must not be null");
		Objects.requireNonNull(aspect, "aspect must not be null");
		Objects.requireNonNull(side, "side must not be null");
		Objects.requireNonNull(adjust, "adjust must not be null");
	}

	/** Whose lines a departure adjusts. */
	enum Side {

		/** LangChain.js departs from Python: the reference's lines become Python's. */
		JAVASCRIPT,

		/** lcel reports more than LangChain, by design: that extra is taken out of lcel's lines. */
		LCEL

	}

}
