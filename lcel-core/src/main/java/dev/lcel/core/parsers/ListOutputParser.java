package dev.lcel.core.parsers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.lcel.core.runnable.AbstractTransformingRunnable;
import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.RunType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses a model's answer into a list of strings: comma-separated ({@link #commaSeparated()}) or
 * a numbered list ({@link #numbered()}).
 *
 * <p>It streams one item at a time: each emitted chunk is a one-element list holding an item as
 * soon as the text after it shows it is complete (a comma, a line end, or the end of the input),
 * so the chunks concatenate into what {@code invoke} returns. Input is text or messages. Each run
 * has its own state, so a parser is thread-safe.
 */
public final class ListOutputParser extends AbstractTransformingRunnable<Object, List<String>> {

	private final String name;

	private final Supplier<ListSplitter> splitters;

	private final String formatInstructions;

	private ListOutputParser(String name, Supplier<ListSplitter> splitters, String formatInstructions) {
		this.name = name;
		this.splitters = splitters;
		this.formatInstructions = formatInstructions;
	}

	/**
	 * Return a parser of comma-separated values ({@code red, green, blue}); items are stripped of
	 * surrounding whitespace, double quotes protect commas inside an item, empty items are dropped.
	 * @return the parser
	 */
	public static ListOutputParser commaSeparated() {
		return new ListOutputParser("CommaSeparatedListOutputParser", ListSplitter.CommaSeparated::new,
				"Answer with a list of comma-separated values only, for example: `red, green, blue`");
	}

	/**
	 * Return a parser of a numbered list, one item per line ({@code 1. red}); lines that are not
	 * numbered items are skipped.
	 * @return the parser
	 */
	public static ListOutputParser numbered() {
		return new ListOutputParser("NumberedListOutputParser", ListSplitter.Numbered::new,
				"Answer with a numbered list, one item per line, for example:\n\n1. red\n2. green\n3. blue");
	}

	/**
	 * Return instructions for a prompt that make a model answer in the form this parser reads.
	 * @return the instructions
	 */
	public String getFormatInstructions() {
		return this.formatInstructions;
	}

	@Override
	protected boolean mayBlock() {
		return false;
	}

	@Override
	protected List<String> doInvoke(Object input, RunManager run) {
		ListSplitter splitter = this.splitters.get();
		List<String> items = new ArrayList<>();
		splitter.feed(ParserInput.text(input, this), items::add);
		splitter.finish(items::add);
		return List.copyOf(items);
	}

	@Override
	protected Flux<List<String>> doTransform(Flux<Object> input, RunManager run) {
		return Flux.defer(() -> {
			ListSplitter splitter = this.splitters.get();
			return input.concatMapIterable((chunk) -> {
				List<List<String>> items = new ArrayList<>(1);
				splitter.feed(ParserInput.text(chunk, this), (item) -> items.add(List.of(item)));
				return items;
			}).concatWith(Flux.defer(() -> {
				List<List<String>> items = new ArrayList<>(1);
				splitter.finish((item) -> items.add(List.of(item)));
				return Flux.fromIterable(items);
			}));
		});
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public ObjectNode outputSchema() {
		ObjectNode schema = JsonSchemas.arrayOf(JsonNodeFactory.instance.objectNode().put("type", "string"));
		schema.put("title", getName() + "Output");
		return schema;
	}

	@Override
	public RunType runType() {
		return RunType.PARSER;
	}

}
