package dev.lcel.core.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.runnable.Runnable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The structure of a runnable: its steps and their input and output schemas as nodes, and the
 * flow of data between them as edges. Drawn with {@link #drawAscii()} and {@link #drawMermaid()},
 * and served as JSON by {@link #toJson()}.
 *
 * <p>A runnable builds its graph on each call of {@link Runnable#getGraph()}, composing the graphs
 * of its parts; the graph is mutable while it is being built and not meant to be shared between
 * threads.
 */
public final class Graph {

	private final List<Node> nodes = new ArrayList<>();

	private final List<Edge> edges = new ArrayList<>();

	private int nextId;

	/**
	 * Return the default graph of a runnable: its input schema, the runnable, its output schema.
	 * @param runnable the runnable
	 * @return the graph
	 */
	public static Graph of(Runnable<?, ?> runnable) {
		Graph graph = new Graph();
		Node in = graph.addSchemaNode(runnable.getName() + "Input");
		Node step = graph.addRunnableNode(runnable.getName());
		Node out = graph.addSchemaNode(runnable.getName() + "Output");
		graph.addEdge(in, step);
		graph.addEdge(step, out);
		return graph;
	}

	/**
	 * Return the graph of runnables that take the same input side by side (a parallel's branches,
	 * a branch's choices): an input and an output schema node, and between them the graph of each
	 * runnable without its own input and output nodes.
	 * @param name the name of the whole, which names its schema nodes ({@code NameInput},
	 * {@code NameOutput})
	 * @param runnables the runnables, in order
	 * @param conditional whether each runnable is taken only when its condition holds (a branch)
	 * rather than always (a parallel)
	 * @return the graph
	 */
	public static Graph sideBySide(String name, Collection<? extends Runnable<?, ?>> runnables, boolean conditional) {
		Graph graph = new Graph();
		Node in = graph.addSchemaNode(name + "Input");
		Node out = graph.addSchemaNode(name + "Output");
		for (Runnable<?, ?> runnable : runnables) {
			Graph part = runnable.getGraph();
			part.trimFirstNode();
			part.trimLastNode();
			Span span = graph.extend(part);
			if (conditional) {
				graph.addConditionalEdge(in, span.first());
			}
			else {
				graph.addEdge(in, span.first());
			}
			graph.addEdge(span.last(), out);
		}
		return graph;
	}

	/**
	 * Add a node for a runnable.
	 * @param name the runnable's name
	 * @return the node
	 */
	public Node addRunnableNode(String name) {
		return addNode(name, Node.Kind.RUNNABLE);
	}

	/**
	 * Add a node for a schema (the input or output of a runnable).
	 * @param name the schema's name
	 * @return the node
	 */
	public Node addSchemaNode(String name) {
		return addNode(name, Node.Kind.SCHEMA);
	}

	private Node addNode(String name, Node.Kind kind) {
		Node node = new Node(String.valueOf(this.nextId++), name, kind);
		this.nodes.add(node);
		return node;
	}

	/**
	 * Add an edge.
	 * @param source the node data flows from
	 * @param target the node data flows to
	 */
	public void addEdge(Node source, Node target) {
		this.edges.add(new Edge(source.id(), target.id(), false));
	}

	/**
	 * Add an edge that is taken only when a condition holds (a branch).
	 * @param source the node data flows from
	 * @param target the node data flows to
	 */
	public void addConditionalEdge(Node source, Node target) {
		this.edges.add(new Edge(source.id(), target.id(), true));
	}

	/**
	 * Add the nodes and edges of another graph to this one, under new ids.
	 * @param other the graph to add
	 * @return the first and last node of {@code other} as added here
	 */
	public Span extend(Graph other) {
		Map<String, Node> added = new HashMap<>();
		for (Node node : other.nodes) {
			added.put(node.id(), addNode(node.name(), node.kind()));
		}
		for (Edge edge : other.edges) {
			this.edges.add(new Edge(added.get(edge.source()).id(), added.get(edge.target()).id(), edge.conditional()));
		}
		return new Span(added.get(other.firstNode().id()), added.get(other.lastNode().id()));
	}

	/**
	 * Return the first node: the one no edge leads to.
	 * @return the first node
	 * @throws IllegalStateException if the graph is empty
	 */
	public Node firstNode() {
		return this.nodes.stream()
			.filter((node) -> this.edges.stream().noneMatch((edge) -> edge.target().equals(node.id())))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("graph has no first node"));
	}

	/**
	 * Return the last node: the one no edge leaves.
	 * @return the last node
	 * @throws IllegalStateException if the graph is empty
	 */
	public Node lastNode() {
		List<Node> candidates = this.nodes.stream()
			.filter((node) -> this.edges.stream().noneMatch((edge) -> edge.source().equals(node.id())))
			.toList();
		if (candidates.isEmpty()) {
			throw new IllegalStateException("graph has no last node");
		}
		return candidates.get(candidates.size() - 1);
	}

	/**
	 * Remove the first node if exactly one edge leaves it, so a composite can connect its own
	 * node in its place.
	 */
	public void trimFirstNode() {
		trim(firstNode(), true);
	}

	/**
	 * Remove the last node if exactly one edge leads to it.
	 */
	public void trimLastNode() {
		trim(lastNode(), false);
	}

	private void trim(Node node, boolean first) {
		List<Edge> touching = this.edges.stream()
			.filter((edge) -> (first ? edge.source() : edge.target()).equals(node.id()))
			.toList();
		if (touching.size() == 1 && this.nodes.size() > 1) {
			this.nodes.remove(node);
			this.edges.removeAll(touching);
		}
	}

	/**
	 * Return the nodes.
	 * @return the nodes, in the order they were added
	 */
	public List<Node> getNodes() {
		return Collections.unmodifiableList(this.nodes);
	}

	/**
	 * Return the edges.
	 * @return the edges, in the order they were added
	 */
	public List<Edge> getEdges() {
		return Collections.unmodifiableList(this.edges);
	}

	/**
	 * Draw the graph as boxes and arrows in plain text, top to bottom.
	 * @return the drawing
	 */
	public String drawAscii() {
		return new AsciiGraphRenderer(this).render();
	}

	/**
	 * Draw the graph as a Mermaid flowchart, top to bottom.
	 * @return the Mermaid source
	 */
	public String drawMermaid() {
		StringBuilder text = new StringBuilder("graph TD;\n");
		Node first = this.nodes.isEmpty() ? null : firstNode();
		Node last = this.nodes.isEmpty() ? null : lastNode();
		for (Node node : this.nodes) {
			String label = node.name().replace("\"", "#quot;");
			String shape = (node.kind() == Node.Kind.SCHEMA) ? "([\"" + label + "\"])" : "(\"" + label + "\")";
			String style = node.equals(first) ? ":::first" : node.equals(last) ? ":::last" : "";
			text.append("\tn").append(node.id()).append(shape).append(style).append('\n');
		}
		for (Edge edge : this.edges) {
			text.append("\tn").append(edge.source())
				.append(edge.conditional() ? " -.-> " : " --> ")
				.append('n').append(edge.target()).append(";\n");
		}
		text.append("\tclassDef first fill-opacity:0\n");
		text.append("\tclassDef last fill:#bfb6fc\n");
		return text.toString();
	}

	/**
	 * Return the graph as JSON: {@code {"nodes": [{"id", "type", "data"}], "edges": [{"source",
	 * "target", "conditional"}]}}, the shape LangServe serves.
	 * @return the JSON object
	 */
	public ObjectNode toJson() {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		var nodeArray = json.putArray("nodes");
		for (Node node : this.nodes) {
			nodeArray.addObject()
				.put("id", node.id())
				.put("type", (node.kind() == Node.Kind.SCHEMA) ? "schema" : "runnable")
				.put("data", node.name());
		}
		var edgeArray = json.putArray("edges");
		for (Edge edge : this.edges) {
			edgeArray.addObject()
				.put("source", edge.source())
				.put("target", edge.target())
				.put("conditional", edge.conditional());
		}
		return json;
	}

	/**
	 * A node of a graph.
	 *
	 * @param id the node's id, unique in its graph
	 * @param name what the node shows: a runnable's name or a schema's
	 * @param kind whether it stands for a runnable or a schema
	 */
	public record Node(String id, String name, Kind kind) {

		public Node {
			Objects.requireNonNull(id, "id must not be null");
			Objects.requireNonNull(name, "name must not be null");
			Objects.requireNonNull(kind, "kind must not be null");
		}

		/**
		 * What a node stands for.
		 */
		public enum Kind {

			/** A runnable: a step of the chain. */
			RUNNABLE,

			/** A schema: the data entering or leaving the chain. */
			SCHEMA

		}

	}

	/**
	 * An edge of a graph: data flows from {@code source} to {@code target}.
	 *
	 * @param source the id of the source node
	 * @param target the id of the target node
	 * @param conditional whether the edge is taken only when a condition holds
	 */
	public record Edge(String source, String target, boolean conditional) {
	}

	/**
	 * The first and last node of a subgraph added with {@link #extend(Graph)}.
	 *
	 * @param first the subgraph's first node
	 * @param last the subgraph's last node
	 */
	public record Span(Node first, Node last) {
	}

}
