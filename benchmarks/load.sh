#!/usr/bin/env bash
# HTTP load on the demo application, on this machine (127.0.0.1): builds what it needs, starts the
# server, runs the load, prints a table, stops the server. Needs a JDK 17+ (java and jcmd), Linux
# (the server's RSS comes from /proc), and for --endpoint=invoke `wrk` if installed (else the Java
# driver). Nothing in CI runs this: it times things.
#
#   benchmarks/load.sh                          # 2,000 concurrent /stream clients against a plain WebFlux
#                                               # SSE handler (/baseline/stream): 70 s of warm-up each, then
#                                               # 2 alternating rounds of 15 s each (plain, lcel, lcel, plain)
#   benchmarks/load.sh --endpoint=invoke        # /invoke throughput against a plain WebFlux handler
#   benchmarks/load.sh --endpoint=soak          # 1,000 streams for 60 s, heap at start and end
#   benchmarks/load.sh --endpoint=openai        # /v1/chat/completions streams against /chains/joke/stream
#   benchmarks/load.sh --clients=500 --duration=10 --endpoint=stream
#   benchmarks/load.sh --endpoint=amplification # 20 concurrent worst-case invalid requests (900 KB each)
#                                               # beside 8 /invoke clients: heap and the others' errors
#
# Flags: --endpoint=stream|invoke|soak|amplification|openai, --clients=N (streams, connections for
# invoke, attackers for amplification),
# --duration=SECONDS, --warmup=SECONDS (per endpoint; default 70 for stream, 60 for invoke, 10 otherwise;
# both alternate the two endpoints in 10 s warm-up rounds: the JIT on a 2-core machine compiles for 60-70 s
# per endpoint), --ramp=SECONDS (over which the stream clients start, default 5),
# --tool=wrk|driver (invoke only), --port=PORT,
# --no-build. The server runs with SERVER_JAVA_OPTS (default -Xmx512m) and SERVER_ARGS (more
# --property=value arguments, e.g. SERVER_ARGS=--lcel.observations.enabled=false); each stream's
# fake model sends CHUNK_DELAY (default 100ms; 0ms for openai) apart 3-character chunks of a
# 103-character reply.
set -euo pipefail
cd "$(dirname "$0")/.."

endpoint=stream clients="" duration="" warmup="" ramp=5 tool="" port=18080 build=1
for arg in "$@"; do
	case "$arg" in
		--endpoint=*) endpoint="${arg#*=}" ;;
		--clients=*) clients="${arg#*=}" ;;
		--duration=*) duration="${arg#*=}" ;;
		--warmup=*) warmup="${arg#*=}" ;;
		--tool=*) tool="${arg#*=}" ;;
		--port=*) port="${arg#*=}" ;;
		--no-build) build=0 ;;
		--ramp=*) ramp="${arg#*=}" ;;
		*) sed -n '2,/^set /p' "$0" | grep '^#' >&2; echo "unknown flag: $arg" >&2; exit 2 ;;
	esac
done
case "$endpoint" in stream | soak | invoke | amplification | openai) ;; *) echo "--endpoint must be stream, invoke, soak, amplification or openai" >&2; exit 2 ;; esac
# The JIT of a 2-core machine compiles for about a minute per endpoint: a shorter warm-up measures the compiler.
if [ -z "$warmup" ]; then case "$endpoint" in invoke) warmup=60 ;; stream) warmup=70 ;; *) warmup=10 ;; esac; fi
if [ -z "$tool" ]; then tool=$(command -v wrk >/dev/null && echo wrk || echo driver); fi

demo_jar=demo-app/target/demo-app-0.1.0-SNAPSHOT.jar
baseline_jar=benchmarks/target/benchmarks-0.1.0-SNAPSHOT-baseline.jar
driver_jar=benchmarks/target/benchmarks.jar
if [ "$build" = 1 ]; then
	echo "building the demo and the driver (./mvnw -pl demo-app,benchmarks -am package -DskipTests)"
	# Without this, a demo jar already repackaged can stay as it was when only the libraries changed.
	rm -f "$demo_jar"
	./mvnw -q -pl demo-app,benchmarks -am package -DskipTests
fi

reply="Why do bears have hairy coats? Fur protection! (a scripted reply from the offline fake model, streamed)"
delay="${CHUNK_DELAY:-100ms}"
[ "$endpoint" = invoke ] && delay=0ms   # invoke measures the server's own cost, not the model's wait
[ "$endpoint" = openai ] && delay="${CHUNK_DELAY:-0ms}"   # so does openai, unless told otherwise
[ "$endpoint" = amplification ] && delay=0ms
log="$(mktemp -t lcel-load-server.XXXXXX.log)"
# The baseline handler joins the demo only here: a jar on the launcher's loader.path, added as a source.
# shellcheck disable=SC2086 # SERVER_JAVA_OPTS and SERVER_ARGS are lists of words
java ${SERVER_JAVA_OPTS:--Xmx512m} -Dloader.path="$baseline_jar" -cp "$demo_jar" \
	org.springframework.boot.loader.launch.PropertiesLauncher \
	--server.port="$port" --server.address=127.0.0.1 \
	--spring.main.sources=dev.lcel.benchmarks.http.baseline.BaselineRoutes \
	--load.baseline.reply="$reply" --load.baseline.chunk-size=3 --load.baseline.delay="$delay" \
	"--lcel.models.joke-model.fake.responses[0]=$reply" \
	--lcel.models.joke-model.fake.chunk-size=3 \
	--lcel.models.joke-model.fake.delay="$delay" \
	${SERVER_ARGS:-} \
	>"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
	curl -fs "$url/actuator/health" >/dev/null 2>&1 && break
	kill -0 "$server" 2>/dev/null || { echo "the server did not start; its log:" >&2; cat "$log" >&2; exit 1; }
	sleep 0.5
done
curl -fs "$url/actuator/health" >/dev/null || { echo "the server is not healthy after 60 s; log: $log" >&2; exit 1; }

echo "server: pid $server, $(java -version 2>&1 | head -1), ${SERVER_JAVA_OPTS:--Xmx512m}, $(nproc) cores, chunk delay $delay"
echo "machine load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
driver=(java -Xmx1g -cp "$driver_jar" dev.lcel.benchmarks.http.LoadDriver --url="$url" --pid="$server" --warmup="$warmup" --ramp="$ramp")
[ -n "$clients" ] && driver+=(--clients="$clients")
[ -n "$duration" ] && driver+=(--duration="$duration")

# The server's CPU time so far (user + system), in clock ticks of 1/CLK_TCK s.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
# The same for the threads that serve requests only (Netty's event loops, Reactor's bounded elastic
# and parallel workers): without the JIT compiler's and the GC's threads, which on a loaded machine
# are still compiling long after the warm-up and would be charged to whichever endpoint runs then.
request_cpu_ticks() {
	local total=0 task name ticks
	for task in /proc/"$server"/task/*; do
		read -r name <"$task/comm" 2>/dev/null || continue
		case "$name" in reactor-http-* | boundedElastic* | parallel-*) ;; *) continue ;; esac
		# the fields after the command name, which is in parentheses: utime is the 12th, stime the 13th
		ticks=$(sed 's/^.*) //' "$task/stat" 2>/dev/null | awk '{ print $12 + $13 }') || continue
		total=$(( total + ${ticks:-0} ))
	done
	echo "$total"
}

# The bytes the server's JVM has allocated so far (Micrometer's jvm.gc.memory.allocated, which counts
# at each collection: read after one that jcmd asks for, so that the count is up to date).
allocated_bytes() {
	jcmd "$server" GC.run >/dev/null 2>&1 || true
	sleep 1
	curl -fs "$url/actuator/metrics/jvm.gc.memory.allocated" | grep -o '"value":[0-9.eE+-]*' | head -1 | cut -d: -f2
}

# /invoke with wrk: warm both endpoints up in alternating rounds for $warmup s each (the JIT compiles
# both paths for about a minute each on this machine; a shorter warm-up measures the compiler), then
# alternate them in three rounds (a shared 2-core machine drifts; alternating spreads the drift over
# both) and compare the totals: throughput, CPU per request, and the bytes allocated per request,
# which the machine's load does not move.
invoke_with_wrk() {
	local lua; lua="$(mktemp -t lcel-load.XXXXXX.lua)"
	printf '%s\n' 'wrk.method = "POST"' 'wrk.body = '"'"'{"input":{"topic":"bears"}}'"'"'' \
		'wrk.headers["Content-Type"] = "application/json"' >"$lua"
	local c="${clients:-64}" d="${duration:-30}" round=$(( ${duration:-30} / 3 ))
	local step=$(( warmup < 10 ? warmup : 10 )) left="$warmup"
	echo "warming up: /chains/joke/invoke and /baseline/invoke for $warmup s each, alternating in rounds of up to $step s (wrk)"
	while [ "$left" -gt 0 ]; do
		step=$(( left < step ? left : step ))
		wrk -t1 -c"$c" -d"$step"s -s "$lua" "$url/chains/joke/invoke" >/dev/null
		wrk -t1 -c"$c" -d"$step"s -s "$lua" "$url/baseline/invoke" >/dev/null
		left=$(( left - step ))
	done
	echo "measuring: $c connections, 3 alternating rounds of $round s per endpoint (wrk)"
	: >"$log.wrk"
	for _ in 1 2 3; do
		for path in /baseline/invoke /chains/joke/invoke; do
			echo "== $path" >>"$log.wrk"
			local before requests_before bytes_before; bytes_before=$(allocated_bytes)
			before=$(cpu_ticks) requests_before=$(request_cpu_ticks)
			wrk -t1 -c"$c" -d"$round"s --latency -s "$lua" "$url$path" >>"$log.wrk"
			echo "server_cpu_ticks $(( $(cpu_ticks) - before ))" >>"$log.wrk"
			echo "request_cpu_ticks $(( $(request_cpu_ticks) - requests_before ))" >>"$log.wrk"
			echo "allocated_bytes ${bytes_before:-nan} $(allocated_bytes)" >>"$log.wrk"
		done
	done
	awk -v c="$c" -v d="$d" -v w="$warmup" -v hz="$(getconf CLK_TCK)" '
		/^== / { path = $2 }
		/requests in/ { sub(/s,$/, "", $4); n[path] += $1; t[path] += $4 }
		/^server_cpu_ticks/ { ticks[path] += $2 }
		/^request_cpu_ticks/ { rticks[path] += $2 }
		/^allocated_bytes/ { if ($2 == "nan" || $3 == "") nobytes = 1; else bytes[path] += $3 - $2 }
		/^ +50%/ { p50[path] = p50[path] " " $2 }
		/^ +99%/ { p99[path] = p99[path] " " $2 }
		/Non-2xx|Socket errors/ { bad[path] = bad[path] " " $0 }
		END {
			b = n["/baseline/invoke"] / t["/baseline/invoke"]; l = n["/chains/joke/invoke"] / t["/chains/joke/invoke"]
			printf "\ninvoke: %d connections, %d s per endpoint in 3 alternating rounds after %d s of warm-up each (tool: wrk)\n\n", c, d, w
			print "| measurement | value |"; print "|---|---|"
			printf "| plain WebFlux handler /baseline/invoke | %.0f requests/s (p50 per round:%s; p99:%s) |\n", b, p50["/baseline/invoke"], p99["/baseline/invoke"]
			printf "| lcel /chains/joke/invoke | %.0f requests/s (p50 per round:%s; p99:%s) |\n", l, p50["/chains/joke/invoke"], p99["/chains/joke/invoke"]
			printf "| lcel / plain (throughput) | %.2f |\n", l / b
			cb = ticks["/baseline/invoke"] / hz * 1e6 / n["/baseline/invoke"]; cl = ticks["/chains/joke/invoke"] / hz * 1e6 / n["/chains/joke/invoke"]
			printf "| server CPU per request: plain / lcel | %.0f us / %.0f us |\n", cb, cl
			printf "| plain / lcel (CPU per request) | %.2f |\n", cb / cl
			rb = rticks["/baseline/invoke"] / hz * 1e6 / n["/baseline/invoke"]; rl = rticks["/chains/joke/invoke"] / hz * 1e6 / n["/chains/joke/invoke"]
			printf "| CPU per request of the request threads (event loops, bounded elastic; no JIT, GC): plain / lcel | %.0f us / %.0f us (%.2f) |\n", rb, rl, rb / rl
			if (nobytes) print "| bytes allocated per request: plain / lcel | n/a (no /actuator/metrics/jvm.gc.memory.allocated) |"
			else printf "| bytes allocated per request (heap, jvm.gc.memory.allocated): plain / lcel | %.0f B / %.0f B (%.2f) |\n", bytes["/baseline/invoke"] / n["/baseline/invoke"], bytes["/chains/joke/invoke"] / n["/chains/joke/invoke"], (bytes["/baseline/invoke"] / n["/baseline/invoke"]) / (bytes["/chains/joke/invoke"] / n["/chains/joke/invoke"])
			printf "| errors (wrk) | %s |\n\n", (bad["/baseline/invoke"] bad["/chains/joke/invoke"]) == "" ? "0" : bad["/baseline/invoke"] bad["/chains/joke/invoke"]
			exit (bad["/baseline/invoke"] bad["/chains/joke/invoke"]) == "" ? 0 : 1
		}' "$log.wrk"
}

status=0
if [ "$endpoint" != invoke ]; then
	"${driver[@]}" --mode="$endpoint" 2>&1 | grep -v '^SLF4J' || status=$?
elif [ "$tool" = driver ]; then
	"${driver[@]}" --mode=invoke 2>&1 | grep -v '^SLF4J' || status=$?
else
	invoke_with_wrk || status=$?
fi
echo "machine load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
