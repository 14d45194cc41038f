/**
 * The graph of a runnable: its nodes and edges, drawn as ASCII boxes or as a Mermaid flowchart.
 */
@NullMarked
package dev.lcel.core.graph;

import org.jspecify.annotations.NullMarked;
