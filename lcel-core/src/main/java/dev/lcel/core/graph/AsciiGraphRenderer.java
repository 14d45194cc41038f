package dev.lcel.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link Graph} as text: nodes as boxes in layers from top to bottom (a node's layer is
 * the length of the longest path to it), edges as vertical lines with {@code +---+} junctions
 * where they fan out or in. Edges that skip layers pass through the layers between as a line.
 */
final class AsciiGraphRenderer {

	private static final int GAP = 2;

	private final Graph graph;

	/** Nodes by layer; a {@code null} name marks a pass-through for an edge that skips layers. */
	private final List<List<Cell>> layers = new ArrayList<>();

	private final List<int[]> links = new ArrayList<>();

	AsciiGraphRenderer(Graph graph) {
		this.graph = graph;
	}

	String render() {
		if (this.graph.getNodes().isEmpty()) {
			return "";
		}
		layout();
		int width = this.layers.stream().mapToInt(AsciiGraphRenderer::rowWidth).max().orElse(0);
		place(width);
		StringBuilder text = new StringBuilder();
		for (int row = 0; row < this.layers.size(); row++) {
			if (row > 0) {
				drawConnectors(text, row - 1, width);
			}
			drawBoxes(text, this.layers.get(row), width);
		}
		return text.toString();
	}

	private void layout() {
		Map<String, Integer> layerOf = new LinkedHashMap<>();
		this.graph.getNodes().forEach((node) -> layerOf.put(node.id(), 0));
		// Longest path: relax edges until nothing changes; the graphs of chains are small and acyclic.
		boolean changed = true;
		for (int pass = 0; changed && pass <= layerOf.size(); pass++) {
			changed = false;
			for (Graph.Edge edge : this.graph.getEdges()) {
				int candidate = layerOf.get(edge.source()) + 1;
				if (candidate > layerOf.get(edge.target())) {
					layerOf.put(edge.target(), candidate);
					changed = true;
				}
			}
		}
		int depth = layerOf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		for (int i = 0; i <= depth; i++) {
			this.layers.add(new ArrayList<>());
		}
		Map<String, Cell> cells = new HashMap<>();
		for (Graph.Node node : this.graph.getNodes()) {
			Cell cell = new Cell(node.name(), layerOf.get(node.id()));
			cells.put(node.id(), cell);
			this.layers.get(cell.layer).add(cell);
		}
		for (Graph.Edge edge : this.graph.getEdges()) {
			Cell from = cells.get(edge.source());
			Cell to = cells.get(edge.target());
			for (int layer = from.layer + 1; layer < to.layer; layer++) {
				Cell through = new Cell(null, layer);
				this.layers.get(layer).add(through);
				link(from, through);
				from = through;
			}
			link(from, to);
		}
		orderByParents();
	}

	private void link(Cell from, Cell to) {
		from.children.add(to);
		to.parents.add(from);
	}

	private void orderByParents() {
		for (int layer = 1; layer < this.layers.size(); layer++) {
			List<Cell> above = this.layers.get(layer - 1);
			this.layers.get(layer)
				.sort(Comparator.comparingDouble((Cell cell) -> cell.parents.stream()
					.mapToInt(above::indexOf)
					.average()
					.orElse(Double.MAX_VALUE)));
		}
	}

	private void place(int width) {
		// Rows share one centre column, so boxes stacked on each other line up exactly.
		for (List<Cell> row : this.layers) {
			int x = width / 2 - rowWidth(row) / 2;
			for (Cell cell : row) {
				cell.left = x;
				x += cell.width() + GAP;
			}
		}
	}

	private static int rowWidth(List<Cell> row) {
		return row.stream().mapToInt(Cell::width).sum() + GAP * Math.max(0, row.size() - 1);
	}

	private void drawBoxes(StringBuilder text, List<Cell> row, int width) {
		char[][] lines = blank(3, width);
		for (Cell cell : row) {
			if (cell.name == null) {
				for (char[] line : lines) {
					line[cell.center()] = '|';
				}
				continue;
			}
			String border = "+" + "-".repeat(cell.width() - 2) + "+";
			border.getChars(0, border.length(), lines[0], cell.left);
			("| " + cell.name + " |").getChars(0, cell.width(), lines[1], cell.left);
			border.getChars(0, border.length(), lines[2], cell.left);
		}
		append(text, lines);
	}

	private void drawConnectors(StringBuilder text, int upperRow, int width) {
		char[][] lines = blank(3, width);
		for (Cell source : this.layers.get(upperRow)) {
			if (source.children.isEmpty()) {
				continue;
			}
			int from = source.center();
			lines[0][from] = '|';
			int min = from;
			int max = from;
			for (Cell target : source.children) {
				min = Math.min(min, target.center());
				max = Math.max(max, target.center());
				lines[2][target.center()] = (target.name == null) ? '|' : 'v';
			}
			if (min == max) {
				lines[1][from] = '|';
				continue;
			}
			for (int x = min; x <= max; x++) {
				if (lines[1][x] != '+') {
					lines[1][x] = '-';
				}
			}
			lines[1][from] = '+';
			source.children.forEach((target) -> lines[1][target.center()] = '+');
		}
		append(text, lines);
	}

	private static char[][] blank(int height, int width) {
		char[][] lines = new char[height][width + 1];
		for (char[] line : lines) {
			Arrays.fill(line, ' ');
		}
		return lines;
	}

	private static void append(StringBuilder text, char[][] lines) {
		for (char[] line : lines) {
			text.append(new String(line).stripTrailing()).append('\n');
		}
	}

	private static final class Cell {

		private final String name;

		private final int layer;

		private final List<Cell> parents = new ArrayList<>();

		private final List<Cell> children = new ArrayList<>();

		private int left;

		Cell(String name, int layer) {
			this.name = name;
			this.layer = layer;
		}

		int width() {
			return (this.name != null) ? this.name.length() + 4 : 1;
		}

		int center() {
			return this.left + width() / 2;
		}

	}

}
