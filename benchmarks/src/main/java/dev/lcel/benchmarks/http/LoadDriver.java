package dev.lcel.benchmarks.http;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Puts HTTP load on a running lcel server and prints what it measured: concurrent SSE streams
 * ({@code --mode=stream}, and {@code --mode=soak} for a longer run that checks the heap does not
 * grow), {@code /invoke} throughput against a plain WebFlux handler ({@code --mode=invoke}), or
 * what concurrent worst-case invalid requests do to the server's heap and its other clients
 * ({@code --mode=amplification}).
 *
 * <p>Run it through {@code benchmarks/load.sh} or {@code benchmarks/soak.sh}, which build and start
 * the server; see {@link LoadOptions#USAGE} for the flags. The exit status is 1 when any request
 * failed.
 */
public final class LoadDriver {

	/** What a row of {@link #streamFigures} shows, in order. */
	private static final String STREAM_FIGURES = "completed streams, per server CPU second, first chunk p50 / p99 "
			+ "(after the ramp: p50 / p99)";

	private final LoadOptions options;

	private final ServerProbe server;

	private final PrintStream out = System.out;

	LoadDriver(LoadOptions options) {
		this.options = options;
		this.server = new ServerProbe(options.pid());
	}

	/** A pool of up to one connection per client, closed by disposing it once a phase is over. */
	private ConnectionProvider connections() {
		return ConnectionProvider.builder("load")
			.maxConnections(this.options.clients())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
	}

	private HttpClient client(ConnectionProvider connections) {
		return HttpClient.create(connections)
			.baseUrl(this.options.url())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
			.headers((headers) -> headers.set("Content-Type", "application/json"));
	}

	/**
	 * Runs one load against a server that is already up.
	 * @param args {@code --name=value} flags, see {@link LoadOptions#USAGE}; exits with 0 when no
	 * request failed, 1 when some did, 2 when the flags are wrong
	 */
	public static void main(String[] args) {
		LoadOptions options;
		try {
			options = LoadOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		long failures = new LoadDriver(options).run();
		System.exit((failures == 0) ? 0 : 1);
	}

	/** Runs the load the options describe and prints the report; returns the number of failures. */
	long run() {
		return switch (this.options.mode()) {
			case "invoke" -> invoke();
			case "openai" -> openAi();
			case "amplification" -> amplification();
			default -> streams();
		};
	}

	private long streams() {
		LoadOptions o = this.options;
		String path = "/chains/" + o.chain() + "/stream";
		if (o.mode().equals("stream")) {
			return compareStreams(path);
		}
		if (!o.warmup().isZero()) {
			int warmupClients = Math.min(o.clients(), 200);
			this.out.printf("warming up: %d streams of %s for %d s%n", warmupClients, path, o.warmup().toSeconds());
			warmUp(path, warmupClients);
		}
		// Idle means no connections either: the heap before and after is compared without them.
		ConnectionProvider connections = connections();
		StreamLoad load = new StreamLoad(client(connections), path, o.requestBody());
		long idleBefore = this.server.heapAfterGcBytes();
		AtomicLong loadedStart = new AtomicLong(-1);
		AtomicLong loadedEnd = new AtomicLong(-1);
		AtomicLong openAtStart = new AtomicLong();
		AtomicLong rssLoaded = new AtomicLong(-1);
		ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor();
		Duration startProbe = o.ramp().plus(o.duration().minus(o.ramp()).dividedBy(5));
		Duration endProbe = o.duration().minusSeconds(2);
		if (startProbe.compareTo(endProbe) >= 0) {
			// A run too short for the usual moments: measure at 40% and 80% of it.
			startProbe = o.duration().multipliedBy(2).dividedBy(5);
			endProbe = o.duration().multipliedBy(4).dividedBy(5);
		}
		probes.schedule(() -> {
			openAtStart.set(load.open());
			loadedStart.set(this.server.heapAfterGcBytes());
		}, startProbe.toMillis(), TimeUnit.MILLISECONDS);
		probes.schedule(() -> {
			rssLoaded.set(this.server.statusBytes("VmRSS"));
			loadedEnd.set(this.server.heapAfterGcBytes());
		}, endProbe.toMillis(), TimeUnit.MILLISECONDS);
		this.out.printf("measuring: %d concurrent streams to %s%s for %d s%n", o.clients(), o.url(), path,
				o.duration().toSeconds());
		double cpuBefore = this.server.cpuSeconds();
		StreamLoad.Result result = load.run(o.clients(), o.duration(), o.ramp());
		double cpu = (cpuBefore < 0) ? -1 : this.server.cpuSeconds() - cpuBefore;
		probes.shutdownNow();
		connections.disposeLater().block();
		settle();
		long idleAfter = this.server.heapAfterGcBytes();
		Report report = new Report(String.format(Locale.ROOT, "%s: %d concurrent streams of %s for %d s", o.mode(),
				o.clients(), path, o.duration().toSeconds()));
		report.row("completed streams", Report.count(result.completed()))
			.row("errors", Report.count(result.failures().total()) + kinds(result.failures()))
			.row("peak open streams (client side)", Report.count(result.peakOpen()))
			.row("open streams when the heap was first measured under load", Report.count(openAtStart.get()))
			.row("time to first chunk p50 / p99",
					Report.millis(result.firstChunk().percentile(50)) + " / " + Report.millis(result.firstChunk().percentile(99)))
			.row("total time p50 / p99",
					Report.millis(result.total().percentile(50)) + " / " + Report.millis(result.total().percentile(99)))
			.row("time to first chunk p50 / p99, streams opened after the " + o.ramp().toSeconds() + " s ramp",
					Report.millis(result.steadyFirstChunk().percentile(50)) + " / "
							+ Report.millis(result.steadyFirstChunk().percentile(99)))
			.row("server CPU during the run", (cpu < 0) ? "n/a" : String.format(Locale.ROOT, "%.0f s (%.2f cores on average)",
					cpu, cpu / (result.elapsed().toNanos() / 1e9)))
			.row("server heap after GC: idle before", Report.mebibytes(idleBefore))
			.row("server heap after GC: under load, start (" + startProbe.toSeconds() + " s)", Report.mebibytes(loadedStart.get()))
			.row("server heap after GC: under load, end (" + endProbe.toSeconds() + " s)", Report.mebibytes(loadedEnd.get()))
			.row("server heap after GC: idle after", Report.mebibytes(idleAfter))
			.row("server RSS under load / peak (VmHWM)",
					Report.mebibytes(rssLoaded.get()) + " / " + Report.mebibytes(this.server.statusBytes("VmHWM")));
		if (o.mode().equals("soak")) {
			report.row("heap growth under load (end - start)", growth(loadedStart.get(), loadedEnd.get()))
				.row("heap growth idle (after - before)", growth(idleBefore, idleAfter));
		}
		report.print(this.out);
		return result.failures().total();
	}

	/** How long each warm-up round of {@link #compareStreams} runs, per endpoint. */
	private static final Duration WARMUP_ROUND = Duration.ofSeconds(10);

	/**
	 * {@code --mode=stream}: lcel's {@code /stream} against the plain SSE handler, both at steady
	 * state. The warm-up alternates the two endpoints in rounds of {@link #WARMUP_ROUND} at the full
	 * number of clients until each has had {@code --warmup} (the JIT of a 2-core machine compiles
	 * for about a minute per endpoint), printing each round's CPU per stream so that the reader sees
	 * it has levelled off. The measurement runs two rounds per endpoint in the order plain, lcel,
	 * lcel, plain: a drift of the machine's load over the run weighs on both alike, and neither
	 * always runs first. Each round reports server CPU and bytes allocated per stream (the
	 * demo's {@code jvm.gc.memory.allocated}, read after a full GC on both sides of the round). The
	 * heap under load is measured in lcel's last warm-up round, whose full GCs are not charged to a
	 * measured round.
	 */
	private long compareStreams(String path) {
		LoadOptions o = this.options;
		String plainPath = o.baselinePath();
		Heap heap = new Heap(-1, -1, -1, -1);
		if (!o.warmup().isZero()) {
			long rounds = Math.max(1, (o.warmup().toMillis() + WARMUP_ROUND.toMillis() - 1) / WARMUP_ROUND.toMillis());
			this.out.printf("warming up: %d alternating rounds of %d s of %d streams per endpoint (%s, %s)%n", rounds,
					WARMUP_ROUND.toSeconds(), o.clients(), path, plainPath);
			StreamRounds warmLcel = new StreamRounds(path);
			StreamRounds warmPlain = new StreamRounds(plainPath);
			for (long i = 0; i < rounds; i++) {
				if (i == rounds - 1) {
					// The heap under load, in a round that is not measured: a full GC with 2,000 streams
					// open costs CPU that would be charged to lcel's streams.
					heap = warmLcel.runWithHeapProbes(this, WARMUP_ROUND);
				}
				else {
					warmLcel.run(this, WARMUP_ROUND, false);
				}
				warmPlain.run(this, WARMUP_ROUND, false);
				this.out.printf("  warm-up round %d: server CPU per stream: plain %s, lcel %s%n", i + 1,
						warmPlain.lastCpuPerStream(), warmLcel.lastCpuPerStream());
			}
		}
		Duration round = o.duration().dividedBy(2);
		this.out.printf("measuring: %d concurrent streams, 2 rounds of %d s per endpoint (plain, lcel, lcel, plain)%n",
				o.clients(), round.toSeconds());
		StreamRounds plain = new StreamRounds(plainPath);
		StreamRounds lcel = new StreamRounds(path);
		plain.run(this, round, true);
		lcel.run(this, round, true);
		lcel.run(this, round, true);
		plain.run(this, round, true);
		Report report = new Report(String.format(Locale.ROOT,
				"stream: %d concurrent streams of %s against %s, 2 rounds of %d s each (plain, lcel, lcel, plain), "
						+ "after %d s of warm-up per endpoint",
				o.clients(), path, plainPath, round.toSeconds(), o.warmup().toSeconds()));
		report.row("plain WebFlux SSE handler " + plainPath + ": " + STREAM_FIGURES, plain.figures())
			.row("lcel " + path + ": " + STREAM_FIGURES, lcel.figures())
			.row("lcel / plain (completed streams per server CPU second)", (plain.cpu <= 0 || lcel.cpu <= 0) ? "n/a"
					: String.format(Locale.ROOT, "%.2f", lcel.perCpuSecond() / plain.perCpuSecond()))
			.row("server CPU per stream, per round: plain / lcel", plain.cpuRounds + " / " + lcel.cpuRounds)
			.row("bytes allocated per stream, per round: plain / lcel", plain.allocatedRounds + " / " + lcel.allocatedRounds)
			.row("errors: plain / lcel", Report.count(plain.failures.total()) + kinds(plain.failures) + " / "
					+ Report.count(lcel.failures.total()) + kinds(lcel.failures))
			.row("peak open streams (client side), lcel", Report.count(lcel.peakOpen))
			.row("server heap after GC: idle before lcel's last warm-up round", Report.mebibytes(heap.idleBefore))
			.row("server heap after GC: under load, start / end of lcel's last warm-up round",
					Report.mebibytes(heap.loadedStart) + " / " + Report.mebibytes(heap.loadedEnd))
			.row("server RSS under load / peak (VmHWM)", Report.mebibytes(heap.rss) + " / "
					+ Report.mebibytes(this.server.statusBytes("VmHWM")))
			.print(this.out);
		return plain.failures.total() + lcel.failures.total();
	}

	/** The heap and RSS of the server, measured during a round. */
	private record Heap(long idleBefore, long loadedStart, long loadedEnd, long rss) {
	}

	/** One endpoint's rounds of streams, added up. */
	private static final class StreamRounds {

		final String path;

		long completed;

		double cpu;

		double seconds;

		int peakOpen;

		final Failures failures = new Failures();

		final Samples firstChunk = new Samples();

		final Samples steadyFirstChunk = new Samples();

		final StringBuilder cpuRounds = new StringBuilder();

		final StringBuilder allocatedRounds = new StringBuilder();

		private String lastCpu = "n/a";

		StreamRounds(String path) {
			this.path = path;
		}

		void run(LoadDriver driver, Duration duration, boolean measured) {
			measure(driver, duration, measured, null);
		}

		Heap runWithHeapProbes(LoadDriver driver, Duration duration) {
			AtomicLong start = new AtomicLong(-1);
			AtomicLong end = new AtomicLong(-1);
			AtomicLong rss = new AtomicLong(-1);
			long idle = driver.server.heapAfterGcBytes();
			ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor();
			Duration ramp = driver.options.ramp();
			probes.schedule(() -> start.set(driver.server.heapAfterGcBytes()),
					ramp.plus(duration.minus(ramp).dividedBy(5)).toMillis(), TimeUnit.MILLISECONDS);
			probes.schedule(() -> {
				rss.set(driver.server.statusBytes("VmRSS"));
				end.set(driver.server.heapAfterGcBytes());
			}, duration.minusSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
			measure(driver, duration, false, probes);
			return new Heap(idle, start.get(), end.get(), rss.get());
		}

		private void measure(LoadDriver driver, Duration duration, boolean measured,
				ScheduledExecutorService probes) {
			ConnectionProvider connections = driver.connections();
			StreamLoad load = new StreamLoad(driver.client(connections), this.path, driver.options.requestBody());
			long allocatedBefore = measured ? driver.allocatedBytes() : -1;
			double cpuBefore = driver.server.cpuSeconds();
			StreamLoad.Result result = load.run(driver.options.clients(), duration, driver.options.ramp());
			double used = (cpuBefore < 0) ? -1 : driver.server.cpuSeconds() - cpuBefore;
			if (probes != null) {
				probes.shutdownNow();
			}
			connections.disposeLater().block();
			settle();
			long allocatedAfter = measured ? driver.allocatedBytes() : -1;
			this.lastCpu = (used < 0 || result.completed() == 0) ? "n/a"
					: String.format(Locale.ROOT, "%.0f us", used / result.completed() * 1e6);
			if (!measured) {
				return;
			}
			this.completed += result.completed();
			this.cpu = (used < 0 || this.cpu < 0) ? -1 : this.cpu + used;
			this.seconds += result.elapsed().toNanos() / 1e9;
			this.peakOpen = Math.max(this.peakOpen, result.peakOpen());
			this.failures.addAll(result.failures());
			this.firstChunk.addAll(result.firstChunk());
			this.steadyFirstChunk.addAll(result.steadyFirstChunk());
			this.cpuRounds.append((this.cpuRounds.length() > 0) ? ", " : "").append(this.lastCpu);
			this.allocatedRounds.append((this.allocatedRounds.length() > 0) ? ", " : "")
				.append((allocatedBefore < 0 || allocatedAfter < 0 || result.completed() == 0) ? "n/a"
						: String.format(Locale.ROOT, "%,d B", (allocatedAfter - allocatedBefore) / result.completed()));
		}

		String lastCpuPerStream() {
			return this.lastCpu;
		}

		double perCpuSecond() {
			return this.completed / this.cpu;
		}

		String figures() {
			return String.format(Locale.ROOT, "%s, %s, %s / %s (%s / %s)", Report.count(this.completed),
					(this.cpu <= 0) ? "n/a" : String.format(Locale.ROOT, "%.0f", perCpuSecond()),
					Report.millis(this.firstChunk.percentile(50)), Report.millis(this.firstChunk.percentile(99)),
					Report.millis(this.steadyFirstChunk.percentile(50)), Report.millis(this.steadyFirstChunk.percentile(99)));
		}

	}

	/** A pattern for the value of a Micrometer counter in the actuator's answer. */
	private static final java.util.regex.Pattern METRIC_VALUE = java.util.regex.Pattern
		.compile("\"statistic\"\\s*:\\s*\"COUNT\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.eE+]+)");

	/**
	 * The bytes the server has allocated so far: {@code jvm.gc.memory.allocated} from its actuator,
	 * read after a full GC (Micrometer counts the young generation's growth at each collection, so
	 * without one the count would lag by up to a young generation).
	 * @return the bytes, or -1 when the server has no such metric or no process id was given
	 */
	private long allocatedBytes() {
		if (this.server.heapAfterGcBytes() < 0) {
			return -1;
		}
		settle();
		String answer = HttpClient.create()
			.get()
			.uri(this.options.url() + "/actuator/metrics/jvm.gc.memory.allocated")
			.responseSingle((response, body) -> (response.status().code() == 200) ? body.asString() : Mono.just(""))
			.block(Duration.ofSeconds(10));
		java.util.regex.Matcher value = METRIC_VALUE.matcher((answer != null) ? answer : "");
		return value.find() ? (long) Double.parseDouble(value.group(1)) : -1;
	}

	private void warmUp(String path, int clients) {
		ConnectionProvider warmup = connections();
		new StreamLoad(client(warmup), path, this.options.requestBody()).run(clients, this.options.warmup(),
				this.options.ramp().dividedBy(2));
		warmup.disposeLater().block();
		settle();
	}

	private long invoke() {
		LoadOptions o = this.options;
		String path = "/chains/" + o.chain() + "/invoke";
		InvokeLoad load = new InvokeLoad(client(connections()), o.requestBody());
		if (!o.warmup().isZero()) {
			this.out.printf("warming up: %s and %s for %d s each%n", path, o.baselinePath(), o.warmup().toSeconds());
			load.run(path, o.clients(), o.warmup());
			load.run(o.baselinePath(), o.clients(), o.warmup());
		}
		this.out.printf("measuring: %d connections, %d s each%n", o.clients(), o.duration().toSeconds());
		double cpu0 = this.server.cpuSeconds();
		InvokeLoad.Result baseline = load.run(o.baselinePath(), o.clients(), o.duration());
		double cpu1 = this.server.cpuSeconds();
		InvokeLoad.Result chain = load.run(path, o.clients(), o.duration());
		double cpu2 = this.server.cpuSeconds();
		double baselineCpu = (cpu1 - cpu0) / baseline.completed() * 1e6;
		double chainCpu = (cpu2 - cpu1) / chain.completed() * 1e6;
		new Report(String.format(Locale.ROOT, "invoke: %d connections for %d s each (tool: reactor-netty driver)",
				o.clients(), o.duration().toSeconds()))
			.row("plain WebFlux handler " + o.baselinePath(), throughput(baseline))
			.row("lcel " + path, throughput(chain))
			.row("lcel / plain (throughput)", String.format(Locale.ROOT, "%.2f", chain.perSecond() / baseline.perSecond()))
			.row("server CPU per request: plain / lcel", (cpu0 < 0) ? "n/a"
					: String.format(Locale.ROOT, "%.0f us / %.0f us", baselineCpu, chainCpu))
			.row("plain / lcel (CPU per request)", (cpu0 < 0) ? "n/a" : String.format(Locale.ROOT, "%.2f", baselineCpu / chainCpu))
			.row("errors", Report.count(baseline.failures().total() + chain.failures().total())
					+ kinds(baseline.failures()) + kinds(chain.failures()))
			.print(this.out);
		return baseline.failures().total() + chain.failures().total();
	}

	/**
	 * Streams of the same chain through OpenAI's {@code /v1/chat/completions} and LangServe's
	 * {@code /chains/CHAIN/stream}, in three alternating rounds per route (a shared machine drifts;
	 * alternating spreads the drift over both), and their throughput as a ratio.
	 */
	private long openAi() {
		LoadOptions o = this.options;
		String langServe = "/chains/" + o.chain() + "/stream";
		String openAi = "/v1/chat/completions";
		StreamLoad langServeLoad = new StreamLoad(client(connections()), langServe, o.requestBody());
		StreamLoad openAiLoad = new StreamLoad(client(connections()), openAi, o.openAiRequestBody(), SseProgress::openAi);
		if (!o.warmup().isZero()) {
			this.out.printf("warming up: %s and %s for %d s each%n", langServe, openAi, o.warmup().toSeconds());
			langServeLoad.run(o.clients(), o.warmup(), o.ramp().dividedBy(2));
			openAiLoad.run(o.clients(), o.warmup(), o.ramp().dividedBy(2));
		}
		Duration round = o.duration().dividedBy(3);
		this.out.printf("measuring: %d concurrent streams, 3 alternating rounds of %d s per route%n", o.clients(),
				round.toSeconds());
		RoundTotals langServeTotals = new RoundTotals();
		RoundTotals openAiTotals = new RoundTotals();
		for (int i = 0; i < 3; i++) {
			langServeTotals.add(langServeLoad, o.clients(), round, o.ramp().dividedBy(2), this.server);
			openAiTotals.add(openAiLoad, o.clients(), round, o.ramp().dividedBy(2), this.server);
		}
		new Report(String.format(Locale.ROOT, "openai: %d concurrent streams of chain '%s', %d s per route in 3 alternating rounds",
				o.clients(), o.chain(), round.toSeconds() * 3))
			.row("LangServe " + langServe, langServeTotals.describe())
			.row("OpenAI " + openAi, openAiTotals.describe())
			.row("OpenAI / LangServe (streams per second)",
					String.format(Locale.ROOT, "%.2f", openAiTotals.perSecond() / langServeTotals.perSecond()))
			.row("OpenAI / LangServe (server CPU per stream)", (langServeTotals.cpu < 0) ? "n/a"
					: String.format(Locale.ROOT, "%.2f", openAiTotals.cpuPerStream() / langServeTotals.cpuPerStream()))
			.row("streams per second per round: LangServe / OpenAI", langServeTotals.rounds + " / " + openAiTotals.rounds)
			.row("errors", Report.count(langServeTotals.failures + openAiTotals.failures))
			.print(this.out);
		return langServeTotals.failures + openAiTotals.failures;
	}

	/** What the rounds of one route added up to. */
	private static final class RoundTotals {

		long completed;

		long failures;

		double seconds;

		double cpu;

		final StringBuilder rounds = new StringBuilder();

		final StringBuilder p50s = new StringBuilder();

		void add(StreamLoad load, int clients, Duration round, Duration ramp, ServerProbe server) {
			double cpuBefore = server.cpuSeconds();
			StreamLoad.Result result = load.run(clients, round, ramp);
			double used = server.cpuSeconds() - cpuBefore;
			this.cpu = (cpuBefore < 0 || this.cpu < 0) ? -1 : this.cpu + used;
			this.completed += result.completed();
			this.failures += result.failures().total();
			double elapsed = result.elapsed().toNanos() / 1e9;
			this.seconds += elapsed;
			this.rounds.append((this.rounds.length() > 0) ? ", " : "")
				.append(String.format(Locale.ROOT, "%.0f", result.completed() / elapsed));
			this.p50s.append((this.p50s.length() > 0) ? ", " : "").append(Report.millis(result.total().percentile(50)));
		}

		double perSecond() {
			return this.completed / this.seconds;
		}

		double cpuPerStream() {
			return this.cpu / this.completed;
		}

		String describe() {
			return String.format(Locale.ROOT, "%,.0f streams/s (%d streams; whole stream p50 per round: %s; server CPU %s per stream)",
					perSecond(), this.completed, this.p50s,
					(this.cpu < 0) ? "n/a" : String.format(Locale.ROOT, "%.0f us", cpuPerStream() * 1e6));
		}

	}

	/** How many well-behaved clients call the server beside the attackers. */
	private static final int SERVED_CLIENTS = 8;

	private long amplification() {
		LoadOptions o = this.options;
		String attackPath = "/chains/" + o.attackChain() + "/invoke";
		String servedPath = "/chains/" + o.chain() + "/invoke";
		ConnectionProvider attackers = ConnectionProvider.builder("attack").maxConnections(o.clients()).build();
		ConnectionProvider others = ConnectionProvider.builder("served").maxConnections(SERVED_CLIENTS).build();
		long maxHeap = this.server.maxHeapBytes();
		long idleBefore = this.server.heapAfterGcBytes();
		AtomicLong peakUsed = new AtomicLong(-1);
		AtomicLong liveUnderLoad = new AtomicLong(-1);
		ScheduledExecutorService probes = Executors.newScheduledThreadPool(2);
		probes.scheduleAtFixedRate(() -> peakUsed.accumulateAndGet(this.server.heapUsedBytes(), Math::max), 500, 500,
				TimeUnit.MILLISECONDS);
		for (long at : new long[] { o.duration().toMillis() * 2 / 5, o.duration().toMillis() * 4 / 5 }) {
			probes.schedule(() -> liveUnderLoad.accumulateAndGet(this.server.heapAfterGcBytes(), Math::max), at,
					TimeUnit.MILLISECONDS);
		}
		this.out.printf("measuring: %d connections sending %,d-byte invalid inputs to %s, %d clients of %s, for %d s%n",
				o.clients(), o.attackBytes(), attackPath, SERVED_CLIENTS, servedPath, o.duration().toSeconds());
		Mono<AmplificationLoad.Result> attack = Mono
			.fromCallable(() -> new AmplificationLoad(client(attackers), o.attackBytes()).run(attackPath, o.clients(), o.duration()))
			.subscribeOn(Schedulers.boundedElastic())
			.cache();
		attack.subscribe();
		InvokeLoad.Result served = new InvokeLoad(client(others), o.requestBody()).run(servedPath, SERVED_CLIENTS,
				o.duration());
		AmplificationLoad.Result invalid = attack.block();
		probes.shutdownNow();
		attackers.disposeLater().block();
		others.disposeLater().block();
		boolean bounded = maxHeap > 0 && liveUnderLoad.get() >= 0 && liveUnderLoad.get() < maxHeap / 2;
		new Report(String.format(Locale.ROOT, "amplification: %d concurrent invalid %,d-byte requests for %d s", o.clients(),
				invalid.requestBytes(), o.duration().toSeconds()))
			.row("invalid requests answered", Report.count(invalid.requests()) + " " + invalid.statuses())
			.row("invalid requests failed (no answer)", Report.count(invalid.failures().total()) + kinds(invalid.failures()))
			.row("largest answer / request", String.format(Locale.ROOT, "%,d / %,d bytes (%.3f)", invalid.largestAnswer(),
					invalid.requestBytes(), (double) invalid.largestAnswer() / invalid.requestBytes()))
			.row("other clients " + servedPath, throughput(served))
			.row("other clients' errors", Report.count(served.failures().total()) + kinds(served.failures()))
			.row("server heap after GC: idle before / under load (max of 2)",
					Report.mebibytes(idleBefore) + " / " + Report.mebibytes(liveUnderLoad.get()))
			.row("server heap used, peak sampled every 0.5 s (garbage included)", Report.mebibytes(peakUsed.get()))
			.row("server max heap (-Xmx)", Report.mebibytes(maxHeap))
			.row("live heap under load below 50% of -Xmx", bounded ? "yes" : "no")
			.row("server RSS peak (VmHWM)", Report.mebibytes(this.server.statusBytes("VmHWM")))
			.print(this.out);
		return served.failures().total() + (bounded ? 0 : 1);
	}

	/** Gives the server a moment to close the connections the client has just closed. */
	private static void settle() {
		try {
			Thread.sleep(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String throughput(InvokeLoad.Result result) {
		return String.format(Locale.ROOT, "%,.0f requests/s (p50 %s, p99 %s)", result.perSecond(),
				Report.millis(result.latency().percentile(50)), Report.millis(result.latency().percentile(99)));
	}

	private static String kinds(Failures failures) {
		return failures.byKind().isEmpty() ? "" : " " + failures.byKind();
	}

	private static String growth(long before, long after) {
		if (before < 0 || after < 0) {
			return "n/a";
		}
		double percent = 100.0 * (after - before) / before;
		return String.format(Locale.ROOT, "%+.1f MiB (%+.1f%%)", (after - before) / (1024.0 * 1024.0), percent);
	}

}
