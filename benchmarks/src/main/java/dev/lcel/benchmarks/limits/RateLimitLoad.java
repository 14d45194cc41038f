package dev.lcel.benchmarks.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.governance.GovernanceAutoConfiguration;
import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.core.governance.RateLimitExceededException;
import dev.lcel.core.models.ChatModel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The load run of the Redis rate limiter: starts {@code --instances} application contexts (default
 * 2) with one global limit of {@code --rate} requests per second (default 50) in one Redis (or
 * {@code --store=memory}, one budget per instance), lets {@code --callers} (default 256)
 * concurrent callers per instance call the offline fake model as fast as the
 * limiter lets them for {@code --warmup} plus {@code --duration} seconds, and prints the rate
 * granted over the measured seconds against the configured one. Calls wait for their budget up to
 * {@code --max-wait-ms} (default 30000, so that every caller stays queued and the limiter, not
 * the callers' own speed, sets the rate; 0 fails fast, and a refused caller then waits the
 * {@code Retry-After} it was given, as a client of a 429 does). Run it with {@code benchmarks/rate-limit-load.sh}.
 */
public final class RateLimitLoad {

	private RateLimitLoad() {
	}

	/**
	 * Run the load.
	 * @param args {@code --rate=N --instances=N --callers=N --duration=S --warmup=S --max-wait-ms=N --store=redis|memory --redis=URL}
	 */
	public static void main(String[] args) {
		long rate = option(args, "rate", 50);
		int instances = (int) option(args, "instances", 2);
		int callers = (int) option(args, "callers", 256);
		long duration = option(args, "duration", 30);
		long warmup = option(args, "warmup", 10);
		long maxWait = option(args, "max-wait-ms", 30000);
		String store = text(args, "store", "redis");
		String redis = text(args, "redis", System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
		String prefix = "lcel-load:" + UUID.randomUUID() + ":";
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			contexts.add(new SpringApplicationBuilder(Instance.class).web(WebApplicationType.NONE)
				.logStartupInfo(false)
				.properties("spring.main.banner-mode=off", "spring.data.redis.url=" + redis,
						"lcel.models.fake.provider=fake", "lcel.models.fake.responses=ok",
						"lcel.governance.rate-limits.store=" + store, "lcel.governance.rate-limits.redis.key-prefix=" + prefix,
						"lcel.governance.rate-limits.global.requests-per-interval=" + rate,
						"lcel.governance.rate-limits.interval=1s", "lcel.governance.rate-limits.max-wait=" + maxWait + "ms")
				.run());
		}
		AtomicLong[] granted = new AtomicLong[instances];
		AtomicLong refused = new AtomicLong();
		long end = System.nanoTime() + Duration.ofSeconds(warmup + duration).toNanos();
		List<Flux<Void>> loads = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			AtomicLong count = new AtomicLong();
			granted[i] = count;
			ChatModel model = contexts.get(i).getBean(ChatModelRegistry.class).get("fake");
			loads.add(Flux.range(0, callers).flatMap((caller) -> call(model, count, refused, end), callers));
		}
		Flux.merge(loads).subscribe();
		sleep(Duration.ofSeconds(warmup));
		long start = System.nanoTime();
		long before = sum(granted);
		long[] beforeEach = each(granted);
		sleep(Duration.ofSeconds(duration));
		double seconds = (System.nanoTime() - start) / 1e9;
		long during = sum(granted) - before;
		double grantedRate = during / seconds;
		System.out.printf(Locale.ROOT,
				"instances %d, callers %d each, configured %d/s, max wait %d ms, measured %.1f s after %d s warm-up%n",
				instances, callers, rate, maxWait, seconds, warmup);
		long[] afterEach = each(granted);
		for (int i = 0; i < instances; i++) {
			System.out.printf(Locale.ROOT, "  instance %d granted %.1f/s%n", i + 1, (afterEach[i] - beforeEach[i]) / seconds);
		}
		System.out.printf(Locale.ROOT, "granted %.1f/s of %d/s configured: %+.2f%% (refusals: %d)%n", grantedRate, rate,
				100 * (grantedRate - rate) / rate, refused.get());
		contexts.forEach(ConfigurableApplicationContext::close);
	}

	private static Mono<Void> call(ChatModel model, AtomicLong granted, AtomicLong refused, long end) {
		return Mono.defer(() -> {
			if (System.nanoTime() >= end) {
				return Mono.empty();
			}
			return model.ainvoke("hello")
				.doOnNext((answer) -> granted.incrementAndGet())
				.then()
				.onErrorResume(RateLimitExceededException.class, (error) -> {
					refused.incrementAndGet();
					return Mono.delay(error.retryAfter()).then();
				})
				.then(Mono.defer(() -> call(model, granted, refused, end)));
		});
	}

	private static long sum(AtomicLong[] counts) {
		long sum = 0;
		for (AtomicLong count : counts) {
			sum += count.get();
		}
		return sum;
	}

	private static long[] each(AtomicLong[] counts) {
		long[] values = new long[counts.length];
		for (int i = 0; i < counts.length; i++) {
			values[i] = counts[i].get();
		}
		return values;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static long option(String[] args, String name, long fallback) {
		return Long.parseLong(text(args, name, String.valueOf(fallback)));
	}

	private static String text(String[] args, String name, String fallback) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		return fallback;
	}

	/** One instance: the auto-configurations a chain server with a Redis limiter needs, without a server. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
			ChainAutoConfiguration.class, ModelAutoConfiguration.class, GovernanceAutoConfiguration.class })
	static class Instance {

	}

}
