package dev.lcel.autoconfigure.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The playground in a real browser: Debian's chromium, driven through its chromedriver (paths from
 * the {@code CHROMIUM} and {@code CHROMEDRIVER} environment variables, else {@code /usr/bin}).
 * Skipped where no chromium is installed; CI installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PlaygroundBrowserTests.Server.class)
class PlaygroundBrowserTests {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	@LocalServerPort
	private int port;

	private WebDriver browser;

	@BeforeEach
	void startBrowser() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"chromium and chromedriver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void typeATopicPressRunAndSeeTextStreamBeforeTheEnd() {
		this.browser.get("http://localhost:" + this.port + "/chains/joke/playground");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((driver) -> !driver.findElements(By.id("field-topic")).isEmpty());
		assertThat(this.browser.findElement(By.id("graph")).getText()).contains("words");

		this.browser.findElement(By.id("field-topic")).sendKeys("bears");
		this.browser.findElement(By.id("run")).click();

		// Part of the answer is on the page while the stream is still running.
		String partial = wait.until((driver) -> {
			String output = driver.findElement(By.id("output")).getText();
			String status = driver.findElement(By.id("status")).getText();
			return (!output.isEmpty() && status.startsWith("running")) ? output : null;
		});
		assertThat("why did the bears cross the road?").startsWith(partial).isNotEqualTo(partial);

		wait.until((driver) -> "done".equals(driver.findElement(By.id("status")).getText()));
		assertThat(this.browser.findElement(By.id("output")).getText()).isEqualTo("why did the bears cross the road?");
		assertThat(this.browser.findElement(By.id("steps")).getText()).contains("setup (chain): done", "words (chain): done");
	}

	@Test
	void chooseAConfigurableAlternativeAndRun() {
		this.browser.get("http://localhost:" + this.port + "/chains/styled/playground");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((driver) -> !driver.findElements(By.id("configurable-style")).isEmpty());
		Select style = new Select(this.browser.findElement(By.id("configurable-style")));
		assertThat(style.getOptions()).extracting(WebElement::getText).containsExactly("plain", "loud");
		assertThat(style.getFirstSelectedOption().getText()).isEqualTo("plain");

		style.selectByVisibleText("loud");
		this.browser.findElement(By.id("field-input")).sendKeys("hi");
		this.browser.findElement(By.id("run")).click();

		wait.until((driver) -> "done".equals(driver.findElement(By.id("status")).getText()));
		assertThat(this.browser.findElement(By.id("output")).getText()).isEqualTo("LOUD hi");
	}

	@SpringBootApplication
	static class Server {

		@Bean
		Runnable<String, String> styled() {
			return RunnableLambda.of("plain", (String s) -> "plain " + s)
				.configurableAlternatives("style", "plain", java.util.Map.of("loud",
						RunnableLambda.of("loud", (String s) -> "LOUD " + s)));
		}

		record Topic(String topic) {
		}

		@Bean
		Runnable<Topic, String> joke() {
			Runnable<Topic, String> setup = RunnableLambda
				.typed(Topic.class, String.class, (t) -> "why did the " + t.topic() + " cross the road?")
				.withConfig(RunnableConfig.builder().runName("setup").build());
			Runnable<String, String> words = RunnableGenerator.of("words", (Flux<String> in, RunnableConfig config) -> in
				.flatMapIterable((s) -> List.of(s.split("(?<= )")))
				.delayElements(Duration.ofMillis(300)));
			return setup.pipe(words);
		}

	}

}
