package dev.lcel.autoconfigure.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.lcel.core.governance.RateLimitStore;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link RateLimitStore} in Redis, shared by every instance: each bucket is one key holding its
 * theoretical arrival time in microseconds of the Redis server's clock (so the instances' own
 * clocks do not matter), expiring when the bucket is full again.
 *
 * <p>A reservation is one Lua script, atomic on the server: it reads every bucket of the call,
 * computes the wait, and takes the units from all of them or from none. No read-modify-write
 * crosses the network, so concurrent calls from any number of instances never overspend.
 */
final class RedisRateLimitStore implements RateLimitStore {

	/** KEYS: the buckets; ARGV: max wait (µs), then capacity, interval (µs), amount per bucket. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RESERVE = RedisScript.of("""
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
			local max_wait = tonumber(ARGV[1])
			local worst, blocking = 0, 0
			local tats = {}
			for i = 1, #KEYS do
			  local capacity = tonumber(ARGV[3 * i - 1])
			  local interval = tonumber(ARGV[3 * i])
			  local amount = tonumber(ARGV[3 * i + 1])
			  local emission = interval / capacity
			  local base = math.max(tonumber(redis.call('GET', KEYS[i]) or now), now)
			  local wait = math.max(0, base + math.ceil(math.min(amount, capacity) * emission) - interval - now)
			  if wait > worst then worst, blocking = wait, i - 1 end
			  tats[i] = base + math.ceil(amount * emission)
			end
			if worst > max_wait then return {0, worst, blocking} end
			for i = 1, #KEYS do
			  redis.call('SET', KEYS[i], string.format('%.0f', tats[i]), 'PX', math.floor((tats[i] - now) / 1000) + 1)
			end
			return {1, worst, 0}
			""", List.class);

	/** KEYS: the bucket; ARGV: capacity, interval (µs), amount (negative gives back). */
	private static final RedisScript<Long> CORRECT = RedisScript.of("""
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
			local emission = tonumber(ARGV[2]) / tonumber(ARGV[1])
			local amount = tonumber(ARGV[3])
			local tat = tonumber(redis.call('GET', KEYS[1]) or now)
			if amount >= 0 then
			  tat = math.max(tat, now) + math.ceil(amount * emission)
			elseif tat > now then
			  tat = math.max(now, tat + math.floor(amount * emission))
			else
			  return 0
			end
			redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', math.floor((tat - now) / 1000) + 1)
			return 1
			""", Long.class);

	private final RedisKeyspace keyspace;

	RedisRateLimitStore(RedisKeyspace keyspace) {
		this.keyspace = Objects.requireNonNull(keyspace, "keyspace must not be null");
	}

	@Override
	public Mono<Reservation> reserve(List<Draw> draws, Duration maxWait) {
		List<String> keys = new ArrayList<>(draws.size());
		List<String> arguments = new ArrayList<>(draws.size() * 3 + 1);
		arguments.add(String.valueOf(micros(maxWait)));
		for (Draw draw : draws) {
			keys.add(this.keyspace.key(draw.key()));
			arguments.add(String.valueOf(draw.capacity()));
			arguments.add(String.valueOf(micros(draw.interval())));
			arguments.add(String.valueOf(draw.amount()));
		}
		return this.keyspace.redis().execute(RESERVE, keys, arguments).next().map((reply) -> {
			Duration wait = Duration.ofNanos(((Number) reply.get(1)).longValue() * 1000);
			return (((Number) reply.get(0)).longValue() == 1) ? Reservation.granted(wait)
					: Reservation.refused(wait, ((Number) reply.get(2)).intValue());
		});
	}

	@Override
	public Mono<Void> correct(Draw draw) {
		return this.keyspace.redis()
			.execute(CORRECT, List.of(this.keyspace.key(draw.key())), List.of(String.valueOf(draw.capacity()),
					String.valueOf(micros(draw.interval())), String.valueOf(draw.amount())))
			.then();
	}

	private static long micros(Duration duration) {
		return duration.toNanos() / 1000;
	}

}
