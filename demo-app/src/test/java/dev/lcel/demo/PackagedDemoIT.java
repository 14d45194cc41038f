package dev.lcel.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged demo as a new user runs it: {@code java -jar demo-app.jar} in its own process,
 * every chain called over HTTP, a stream whose chunks arrive over time, the terminal mode, and the
 * chain timers in {@code /actuator/metrics} afterwards.
 */
class PackagedDemoIT {

	private static final Path JAR = Path.of(System.getProperty("demo.jar", "target/demo-app-0.1.0-SNAPSHOT.jar"));

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Process demo;

	private static String base;

	@BeforeAll
	static void startDemo() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		base = "http://127.0.0.1:" + port;
		demo = new ProcessBuilder(java(), "-jar", JAR.toString(), "--server.port=" + port)
			.redirectErrorStream(true)
			.redirectOutput(Files.createTempFile("demo", ".log").toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			try {
				if (get("/actuator/health").statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("the demo did not start within 60 s");
	}

	@AfterAll
	static void stopDemo() throws Exception {
		if (demo != null) {
			demo.destroy();
			demo.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void everyChainAnswersOverHttp() throws Exception {
		assertThat(post("/chains/joke/invoke", "{\"input\": {\"topic\": \"bears\"}}").body()).contains("Fur protection");
		assertThat(post("/chains/poem/invoke", "{\"input\": {\"topic\": \"bears\"}}").body()).contains("Soft paws");
		assertThat(post("/chains/combined/invoke", "{\"input\": {\"topic\": \"bears\"}}").body()).contains("\"joke\"", "\"poem\"");
		assertThat(post("/chains/countries/invoke", "{\"input\": \"countries\"}").body()).contains("Japan");
		assertThat(post("/chains/shout/invoke", "{\"input\": \" hi \"}").body()).contains("\"HI!\"");
		assertThat(post("/chains/stats/invoke", "{\"input\": \"a b\"}").body()).contains("\"words\":2");
		assertThat(post("/chains/typewriter/invoke", "{\"input\": \"a b\"}").body()).contains("\"A B\"");
		assertThat(post("/chains/headline/invoke", "{\"input\": \"a b\"}").body()).contains("\"text\":\"A B!\"");
		assertThat(get("/chains").body()).contains("\"joke\"", "\"countries\"", "\"headline\"");
	}

	@Test
	void streamChunksArriveOverTime() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/chains/joke/stream"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"input\": {\"topic\": \"bears\"}}"))
			.build();
		List<Long> arrivals = new ArrayList<>();
		long start = System.nanoTime();
		HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
		response.body().filter((line) -> line.startsWith("data:\"")).forEach((line) -> arrivals.add(System.nanoTime() - start));
		assertThat(arrivals).hasSizeGreaterThan(10);
		// The fake model waits 30 ms per chunk: the last chunk arrives well after the first.
		assertThat(arrivals.get(arrivals.size() - 1) - arrivals.get(0)).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(200));
	}

	@Test
	void terminalModeStreamsOneChainAndExits() throws Exception {
		Process run = new ProcessBuilder(java(), "-jar", JAR.toString(), "--run", "joke", "{\"topic\":\"bears\"}")
			.redirectErrorStream(true)
			.start();
		assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(run.exitValue()).as(output).isZero();
		assertThat(output).contains("Why do bears have hairy coats? Fur protection!");
	}

	@Test
	void metricsShowTheChainTimersAfterwards() throws Exception {
		post("/chains/joke/invoke", "{\"input\": {\"topic\": \"owls\"}}");
		String names = get("/actuator/metrics").body();
		assertThat(names).contains("lcel.run", "gen_ai.client.operation.duration", "lcel.streams.active");
		assertThat(get("/actuator/metrics/lcel.run?tag=lcel.run.name:joke").statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response;
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
