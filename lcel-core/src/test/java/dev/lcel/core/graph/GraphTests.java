package dev.lcel.core.graph;

import java.util.Map;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableBranch;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphTests {

	private final Runnable<String, String> prompt = RunnableLambda.of("Prompt", (String s) -> s);

	private final Runnable<String, String> model = RunnableLambda.of("Model", (String s) -> s);

	private final Runnable<String, String> parser = RunnableLambda.of("Parser", (String s) -> s);

	@Test
	void sequenceGraphIsAChainFromInputToOutput() {
		Graph graph = this.prompt.pipe(this.model).pipe(this.parser).getGraph();

		assertThat(graph.getNodes()).extracting(Graph.Node::name)
			.containsExactly("PromptInput", "Prompt", "Model", "Parser", "ParserOutput");
		assertThat(graph.getEdges()).hasSize(4);
		assertThat(graph.firstNode().name()).isEqualTo("PromptInput");
		assertThat(graph.lastNode().name()).isEqualTo("ParserOutput");
	}

	@Test
	void sequenceDrawsAsStackedBoxes() {
		String ascii = this.prompt.pipe(this.model).getGraph().drawAscii();
		assertThat(ascii).isEqualTo("""
				+-------------+
				| PromptInput |
				+-------------+
				       |
				       |
				       v
				  +--------+
				  | Prompt |
				  +--------+
				       |
				       |
				       v
				   +-------+
				   | Model |
				   +-------+
				       |
				       |
				       v
				+-------------+
				| ModelOutput |
				+-------------+
				""");
	}

	@Test
	void parallelFansOutAndIn() {
		RunnableParallel<String> parallel = RunnableParallel.<String>builder()
			.branch("joke", this.prompt.pipe(this.model))
			.branch("poem", this.parser)
			.build();
		Graph graph = parallel.getGraph();

		assertThat(graph.getNodes()).extracting(Graph.Node::name)
			.containsExactly("RunnableParallelInput", "RunnableParallelOutput", "Prompt", "Model", "Parser");
		String ascii = graph.drawAscii();
		assertThat(ascii).contains("| Prompt |", "| Parser |", "| RunnableParallelOutput |");
		assertThat(ascii.lines().filter((line) -> line.contains("+--") && line.contains("--+") && !line.contains("|")))
			.isNotEmpty();
		// The fan-out row holds both branches' first boxes side by side.
		assertThat(ascii.lines().filter((line) -> line.contains("| Prompt |") && line.contains("| Parser |"))).hasSize(1);
	}

	@Test
	void mermaidListsNodesAndEdges() {
		String mermaid = this.prompt.pipe(this.model).getGraph().drawMermaid();
		assertThat(mermaid).startsWith("graph TD;\n")
			.contains("([\"PromptInput\"]):::first", "(\"Prompt\")", "([\"ModelOutput\"]):::last")
			.containsPattern("n\\d+ --> n\\d+;");
	}

	@Test
	void branchEdgesAreConditional() {
		RunnableBranch<String, String> branch = RunnableBranch.<String, String>builder()
			.when((String s) -> s.isEmpty(), this.model)
			.otherwise(this.parser);
		Graph graph = branch.getGraph();
		assertThat(graph.getEdges()).filteredOn(Graph.Edge::conditional).hasSize(2);
		assertThat(graph.drawMermaid()).contains(" -.-> ");
	}

	@Test
	void jsonFormListsNodesAndEdges() {
		var json = this.prompt.pipe(this.model).getGraph().toJson();
		assertThat(json.path("nodes")).hasSize(4);
		assertThat(json.path("nodes").get(1).path("data").asString()).isEqualTo("Prompt");
		assertThat(json.path("nodes").get(1).path("type").asString()).isEqualTo("runnable");
		assertThat(json.path("edges")).hasSize(3);
	}

	@Test
	void mapPipeGraphShowsEachBranch() {
		Runnable<String, Map<String, Object>> chain = this.prompt.pipe(Map.of("a", this.model));
		assertThat(chain.getGraph().getNodes()).extracting(Graph.Node::name).contains("Prompt", "Model");
	}

}
