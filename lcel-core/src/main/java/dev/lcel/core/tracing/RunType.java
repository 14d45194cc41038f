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
	 * Return the name of the event of a run of this type starting, as {@code astreamEvents} reports it.
	 * @return the name, such as {@code on_chain_start}
	 */
	public String startEvent() {
		return this.startEvent;
	}

	/**
	 * Return the name of the event of a run of this type streaming a chunk, as {@code astreamEvents} reports it.
	 * @return the name, such as {@code on_chain_stream}
	 */
	public String streamEvent() {
		return this.streamEvent;
	}

	/**
	 * Return the name of the event of a run of this type ending, as {@code astreamEvents} reports it.
	 * @return the name, such as {@code on_chain_end}
	 */
	public String endEvent() {
		return this.endEvent;
	}

	/**
	 * Return the name of this type in run logs and event names.
	 * @return the name, such as {@code chat_model}
	 */
	public String wireName() {
		return this.wireName;
	}

}
