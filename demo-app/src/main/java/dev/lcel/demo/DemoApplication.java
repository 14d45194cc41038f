package dev.lcel.demo;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The lcel demo: a Spring Boot application whose chains run offline, with no API key.
 *
 * <p>By default it serves every chain over HTTP at {@code /chains}. With {@code --run=NAME [JSON]}
 * it streams one chain's output to the terminal and exits; with {@code --tour} it runs every chain
 * once (invoke, batch, stream, graph) and exits.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(DemoApplication.class);
		if (Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--run") || arg.equals("--tour"))) {
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		application.run(args);
	}

}
