package dev.lcel.core.runnable;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.tracing.RunManager;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the asynchronous forms run work that may block: off threads that must not block (here
 * Reactor's parallel workers, which it marks as such, as Netty's event loops are), and on the
 * subscribing thread otherwise; work that only computes runs where it is called, with no hand-off.
 */
class OffloadTests {

	private final List<String> threads = new CopyOnWriteArrayList<>();

	@Test
	void lambdaCalledOnANonBlockingThreadRunsOnBoundedElastic() {
		RunnableLambda<String, String> lambda = RunnableLambda.of(this::recordThread);
		String caller = Mono.defer(() -> lambda.ainvoke("a")).subscribeOn(Schedulers.parallel()).block();
		assertThat(caller).isEqualTo("A");
		assertThat(this.threads).singleElement().asString().startsWith("boundedElastic-");
	}

	@Test
	void streamedLambdaCalledOnANonBlockingThreadRunsOnBoundedElastic() {
		RunnableLambda<String, String> lambda = RunnableLambda.of(this::recordThread);
		List<String> chunks = lambda.astream("a").subscribeOn(Schedulers.parallel()).collectList().block();
		assertThat(chunks).containsExactly("A");
		assertThat(this.threads).singleElement().asString().startsWith("boundedElastic-");
	}

	@Test
	void lambdaCalledOnAThreadThatMayBlockRunsThere() {
		RunnableLambda<String, String> lambda = RunnableLambda.of(this::recordThread);
		assertThat(lambda.ainvoke("a").block()).isEqualTo("A");
		assertThat(this.threads).containsExactly(Thread.currentThread().getName());
	}

	@Test
	void runnableOfOnesOwnMayBlockUnlessItSaysOtherwise() {
		Recorder blocking = new Recorder(true);
		Recorder computing = new Recorder(false);
		Mono.defer(() -> blocking.ainvoke("a")).subscribeOn(Schedulers.parallel()).block();
		Mono.defer(() -> computing.ainvoke("b")).subscribeOn(Schedulers.parallel()).block();
		assertThat(this.threads).hasSize(2);
		assertThat(this.threads.get(0)).startsWith("boundedElastic-");
		assertThat(this.threads.get(1)).startsWith("parallel-");
	}

	@Test
	void promptModelAndParserRunWhereTheyAreCalled() {
		// The step at the end records where the chain got to: had any step before it moved to
		// bounded elastic, it would run there.
		Runnable<Map<String, ?>, String> chain = ChatPromptTemplate.fromTemplate("say {word}")
			.pipe(new FakeListChatModel("hi"))
			.pipe(new StrOutputParser())
			.pipe(new Recorder(false));
		String output = Mono.defer(() -> chain.ainvoke(Map.of("word", "hi"))).subscribeOn(Schedulers.parallel()).block();
		assertThat(output).isEqualTo("HI");
		assertThat(this.threads).singleElement().asString().startsWith("parallel-");
	}

	@Test
	void passthroughWithAConsumerMayBlockAndOneWithoutDoesNot() {
		RunnablePassthrough<String> watched = RunnablePassthrough.create((input) -> recordThread(input));
		RunnablePassthrough<String> plain = RunnablePassthrough.create();
		assertThat(watched.mayBlock()).isTrue();
		assertThat(plain.mayBlock()).isFalse();
		Mono.defer(() -> watched.ainvoke("a")).subscribeOn(Schedulers.parallel()).block();
		assertThat(this.threads).singleElement().asString().startsWith("boundedElastic-");
	}

	private String recordThread(String input) {
		this.threads.add(Thread.currentThread().getName());
		return input.toUpperCase();
	}

	/** A runnable of one's own that records the thread its synchronous work runs on. */
	private final class Recorder extends AbstractRunnable<String, String> {

		private final boolean mayBlock;

		Recorder(boolean mayBlock) {
			this.mayBlock = mayBlock;
		}

		@Override
		protected boolean mayBlock() {
			return this.mayBlock;
		}

		@Override
		protected String doInvoke(String input, RunManager run) {
			return recordThread(input);
		}

	}

}
