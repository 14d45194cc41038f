package dev.lcel.core.differential;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import tools.jackson.databind.node.ObjectNode;

/**
 * One listed exception to plain agreement, for the cases it names: either LangChain.js departs from
 * LangChain Python (the reference), and {@code adjust} turns what JavaScript reported into what Python
 * reports; or lcel deliberately reports more than LangChain (documented in {@code docs/streaming.md}), and
 * {@code adjust} takes that extra out of what lcel reported. Adjustments work on the raw results (the shape
 * {@code reference.mjs} writes), before {@link Normaliser normalising}.
 *
 * @param cases the cases it applies to, each named
 * @param aspects the aspects it changes
 * @param side whose results are adjusted
 * @param observed what LangChain.js (or lcel) does
 * @param reference what LangChain Python does (or why lcel's extra is deliberate)
 * @param source the Python source file and function followed, or the docs section of lcel's extra
 * @param adjust the change to that side's raw results, made in place on a copy
 */
record Departure(List<String> cases, Set<Aspect> aspects, Side side, String observed, String reference,
		String source, UnaryOperator<ObjectNode> adjust) {

	Departure {
		cases = List.copyOf(cases);
		aspects = Set.copyOf(aspects);
		Objects.requireNonNull(side, "side must not be null");
		Objects.requireNonNull(observed, "observed must not be null");
		Objects.requireNonNull(reference, "reference must not be null");
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(adjust, "adjust must not be null");
	}

	boolean appliesTo(String caseId) {
		return this.cases.contains(caseId);
	}

	/** Whose results a departure adjusts. */
	enum Side {

		/** LangChain.js departs from Python: the reference's results become Python's. */
		JAVASCRIPT,

		/** lcel reports more than LangChain, by design: that extra is taken out of lcel's results. */
		LCEL

	}

}
