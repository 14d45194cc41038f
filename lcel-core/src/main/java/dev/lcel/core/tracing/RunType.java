package dev.lcel.core.tracing;

/**
 * What kind of component a run is of, as LangChain names them in run logs and event names
 * ({@code on_chain_start}, {@code on_chat_model_stream}, ...).
 */
public enum RunType {

	/** A composite or a function: sequences, parallels, lambdas, and anything not listed below. */
	CHAIN("chain"),

	/** A prompt template. */
	PROMPT("prompt"),

	/** A chat model. */
	CHAT_MODEL("chat_model"),

	/** An output parser. */
	PARSER("parser"),

	/** A tool. */
	TOOL("tool"),

	/** A retriever. */
	RETRIEVER("retriever");

	private final String wireName;

	private final String startEvent;

	private final String streamEvent;

	private final String endEvent;

	RunType(String wireName) {
		this.wireName = wireName;
		this.startEvent = "on_" + wireName + "_start";
		this.streamEvent = "on_" + wireName + "_stream";
		this.endEvent = "on_" + wireName + "_end";
	}

	/**
	 * Return the name of an event of a run of this type, made once rather than per event.
	 * @param phase {@code start}, {@code stream} or {@code end}
	 * @return the event's name, such as {@code on_chat_model_stream}
	 */
	String eventName(String phase) {
		return switch (phase) {
			case "start" -> this.startEvent;
			case "stream" -> this.streamEvent;
			case "end" -> this.endEvent;
			default -> "on_" + this.wireName + "_" + phase;
		};
	}

	/**
	 * Return the name of this type in run logs and event names.
	 * @return the name, such as {@code chat_model}
	 */
	public String wireName() {
		return this.wireName;
	}

}
