package dev.lcel.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The lcel demo: a Spring Boot application whose chains run offline, with no API key.
 *
 * <p>Without arguments it tours every chain (invoke, batch, stream, graph); with
 * {@code --run NAME JSON} it streams one chain's output to the terminal and exits.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

}
