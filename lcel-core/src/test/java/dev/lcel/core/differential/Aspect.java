package dev.lcel.core.differential;

/** What of a case is compared; each is one dynamic test, so a failure names case and aspect. */
enum Aspect {

	/** The output of {@code invoke}, or that it failed. */
	INVOKE("invoke"),

	/** The outputs of {@code batch}, or that it failed. */
	BATCH("batch"),

	/** The chunks of {@code stream}, in order, and whether the stream failed. */
	STREAM("stream"),

	/** The {@code astreamEvents} sequence: event, name, tags (a set), data keys, parent structure, order. */
	EVENTS("events"),

	/** The deterministic data values of the events: inputs, outputs, chunks. */
	EVENT_DATA("event-data"),

	/** The final state of {@code astreamLog}: the root's output and each logged run by name. */
	LOG("log");

	private final String id;

	Aspect(String id) {
		this.id = id;
	}

	String id() {
		return this.id;
	}

	static Aspect of(String id) {
		for (Aspect aspect : values()) {
			if (aspect.id.equals(id)) {
				return aspect;
			}
		}
		throw new IllegalArgumentException("unknown aspect '" + id + "' in reference.mjs' output");
	}

}
