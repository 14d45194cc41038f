package dev.lcel.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import reactor.core.publisher.Flux;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo's chains, declared as beans: each {@link Runnable} bean is a chain, registered under its
 * bean name.
 */
@Configuration(proxyBeanMethods = false)
class DemoChains {

	/** Trims, upper-cases and punctuates a string: a sequence of plain lambdas. */
	@Bean
	Runnable<String, String> shout() {
		return RunnableLambda.typed("trim", String.class, String.class, String::trim)
			.pipe(RunnableLambda.of("upper", String::toUpperCase))
			.pipe(RunnableLambda.of("exclaim", (String text) -> text + "!"));
	}

	/** The calculator whose {@code @Tool} methods the {@code agent} chain's model may call. */
	@Bean
	Calculator calculator() {
		return new Calculator();
	}

	/** Counts words and letters of a string at once: a parallel of two branches. */
	@Bean
	Runnable<String, Map<String, Object>> stats() {
		return RunnableParallel.<String>builder()
			.branch("words", RunnableLambda.typed("countWords", String.class, Integer.class,
					(text) -> text.trim().split("\\s+").length))
			.branch("letters", RunnableLambda.of("countLetters", (String text) -> text.replaceAll("[^\\p{L}]", "").length()))
			.build();
	}

	/** Types a string out word by word, 80 ms apart, then upper-cases each word as it arrives. */
	@Bean
	Runnable<String, String> typewriter() {
		Runnable<String, String> words = RunnableGenerator.of((Flux<String> text) -> text
			.flatMapIterable((chunk) -> Arrays.asList(chunk.split("(?<= )")))
			.delayElements(Duration.ofMillis(80)));
		Runnable<String, String> upper = RunnableGenerator.of((Flux<String> chunks) -> chunks.map(String::toUpperCase));
		return words.pipe(upper);
	}

}
