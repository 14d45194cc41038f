package dev.lcel.autoconfigure.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.history.InMemoryChatMessageHistoryStore;
import dev.lcel.core.history.RunnableWithMessageHistory;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The playground in a real browser: Debian's chromium, driven through its chromedriver (paths from
 * the {@code CHROMIUM} and {@code CHROMEDRIVER} environment variables, else {@code /usr/bin}).
 * Skipped where no chromium is installed; CI installs it. The test keeps screenshots of the page
 * in {@code target/playground/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PlaygroundBrowserTests.Server.class)
class PlaygroundBrowserTests {

	@Autowired
	private Server chains;

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
				"--disable-sync", "--window-size=1280,1000");
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
	void typeATopicPressRunAndSeeTextStreamBeforeTheEnd() throws IOException {
		WebDriverWait wait = open("joke");
		wait.until((driver) -> !driver.findElements(By.id("field-topic")).isEmpty());
		wait.until((driver) -> !driver.findElements(By.cssSelector("#graph svg .node")).isEmpty());
		assertThat(this.browser.findElement(By.id("graph")).getText()).contains("words", "wordsOutput");
		assertThat(this.browser.findElement(By.id("description")).getText()).isEqualTo("Tells a joke, word by word.");

		this.browser.findElement(By.id("field-topic")).sendKeys("bears");
		this.browser.findElement(By.id("run")).click();

		// Part of the answer is on the page while the stream is still running, and a step runs.
		String partial = wait.until((driver) -> {
			String output = driver.findElement(By.id("output")).getText();
			String status = driver.findElement(By.id("status")).getText();
			return (!output.isEmpty() && status.startsWith("running")) ? output : null;
		});
		assertThat("why did the bears cross the road?").startsWith(partial).isNotEqualTo(partial);
		assertThat(this.browser.findElement(By.id("stop")).isEnabled()).isTrue();

		wait.until((driver) -> "done".equals(driver.findElement(By.id("status")).getText()));
		assertThat(this.browser.findElement(By.id("output")).getText()).isEqualTo("why did the bears cross the road?");
		WebElement words = this.browser.findElement(By.cssSelector("#steps [data-run-name='words']"));
		assertThat(words.getAttribute("data-state")).isEqualTo("done");
		assertThat(words.getText()).containsPattern("words.*done.*\\d+(\\.\\d+)? (ms|s)");
		assertThat(this.browser.findElement(By.cssSelector("#steps [data-run-name='setup']")).getAttribute("data-state"))
			.isEqualTo("done");
		screenshot("joke");
	}

	@Test
	void theFinalOutputIsTheWholeOutputOfAParallel() {
		WebDriverWait wait = run("both", "\"Hi\"");
		wait.until((driver) -> "done".equals(driver.findElement(By.id("status")).getText()));
		assertThat(this.browser.findElement(By.id("output")).getText()).contains("\"upper\": \"HI\"", "\"lower\": \"hi\"");
	}

	@Test
	void stopCancelsTheStreamOnTheServer() throws InterruptedException {
		WebDriverWait wait = run("endless", "\"go\"");
		wait.until((driver) -> !driver.findElement(By.id("output")).getText().isEmpty());
		this.browser.findElement(By.id("stop")).click();

		wait.until((driver) -> "stopped".equals(driver.findElement(By.id("status")).getText()));
		assertThat(this.chains.endlessCancelled.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.browser.findElement(By.id("run")).isEnabled()).isTrue();
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();
	}

	@Test
	void aChainWithHistoryIsAConversation() throws IOException {
		WebDriverWait wait = open("chat");
		wait.until((driver) -> driver.findElement(By.id("session")).isDisplayed());
		assertThat(this.browser.findElement(By.id("session-id")).getText()).isNotBlank();
		assertThat(this.browser.findElements(By.id("configurable-session_id"))).isEmpty();

		for (String message : List.of("hello", "how are you?")) {
			WebElement box = this.browser.findElement(By.id("field-input"));
			box.sendKeys(message);
			this.browser.findElement(By.id("run")).click();
			wait.until((driver) -> "done".equals(driver.findElement(By.id("status")).getText()));
		}
		List<String> bubbles = this.browser.findElements(By.cssSelector("#transcript .bubble"))
			.stream().map(WebElement::getText).toList();
		assertThat(bubbles).containsExactly("hello", "turn 1: hello", "how are you?", "turn 2: how are you?");
		assertThat(this.browser.findElement(By.cssSelector("label[for='field-input']")).getText()).isEqualTo("Message");
		screenshot("chat");

		this.browser.findElement(By.id("new-session")).click();
		assertThat(this.browser.findElements(By.cssSelector("#transcript .bubble"))).isEmpty();
	}

	@Test
	void aFailureIsShownAsAnError() throws IOException {
		WebDriverWait wait = run("broken", "\"x\"");
		wait.until((driver) -> "failed".equals(driver.findElement(By.id("status")).getText()));
		WebElement error = this.browser.findElement(By.id("error"));
		assertThat(error.isDisplayed()).isTrue();
		assertThat(error.getAttribute("role")).isEqualTo("alert");
		assertThat(error.getText()).isNotBlank();
		assertThat(error.getCssValue("color")).isEqualTo("rgba(180, 35, 24, 1)");
		screenshot("error");
	}

	@Test
	void chooseAConfigurableAlternativeAndRun() {
		WebDriverWait wait = open("styled");
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

	private WebDriverWait open(String chain) {
		this.browser.get("http://localhost:" + this.port + "/chains/" + chain + "/playground");
		return new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	/** Open the playground of a chain whose input is one field, type the input there and press run. */
	private WebDriverWait run(String chain, String input) {
		WebDriverWait wait = open(chain);
		wait.until((driver) -> !driver.findElements(By.id("field-input")).isEmpty());
		this.browser.findElement(By.id("field-input")).sendKeys(input);
		this.browser.findElement(By.id("run")).click();
		return wait;
	}

	/** Keep what the page looks like, for people to look at: target/playground/NAME.png. */
	private void screenshot(String name) throws IOException {
		Path file = Path.of("target", "playground", name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@SpringBootApplication
	static class Server {

		final CountDownLatch endlessCancelled = new CountDownLatch(1);

		@Bean
		Runnable<Object, java.util.Map<String, Object>> both() {
			return RunnableParallel.of(java.util.Map.of("upper", RunnableLambda.of((Object s) -> s.toString().toUpperCase()),
					"lower", RunnableLambda.of((Object s) -> s.toString().toLowerCase())));
		}

		@Bean
		Runnable<Object, String> endless() {
			return RunnableGenerator.of("endless", (Flux<Object> in, RunnableConfig config) -> Flux.interval(Duration.ofMillis(20))
				.onBackpressureLatest()
				.map((i) -> i + " ")
				.doOnCancel(this.endlessCancelled::countDown));
		}

		@Bean
		Runnable<Object, AIMessage> chat() {
			Runnable<Object, AIMessage> reply = RunnableLambda.of("reply", (Object messages) -> {
				List<?> all = (List<?>) messages;
				long turns = all.stream().filter(HumanMessage.class::isInstance).count();
				return new AIMessage("turn " + turns + ": " + ((BaseMessage) all.get(all.size() - 1)).content());
			});
			return RunnableWithMessageHistory.<Object, AIMessage>builder(reply, new InMemoryChatMessageHistoryStore()).build();
		}

		@Bean
		Runnable<Object, String> broken() {
			return RunnableGenerator.of("broken", (Flux<Object> in, RunnableConfig config) -> Flux
				.concat(Flux.just("partial "), Flux.error(new IllegalStateException("boom"))));
		}

		@Bean
		Runnable<String, String> styled() {
			return RunnableLambda.of("plain", (String s) -> "plain " + s)
				.configurableAlternatives("style", "plain", java.util.Map.of("loud",
						RunnableLambda.of("loud", (String s) -> "LOUD " + s)));
		}

		record Topic(String topic) {
		}

		@Bean
		@Description("Tells a joke, word by word.")
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
