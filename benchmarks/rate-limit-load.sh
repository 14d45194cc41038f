#!/usr/bin/env bash
# The load run of the Redis rate limiter: two application contexts (instances) with one global limit
# in one Redis, many concurrent callers each, for a fixed time; prints the granted rate against the
# configured one. Needs a Redis at REDIS_URL (default redis://127.0.0.1:6379) and a JDK 17+.
#
#   benchmarks/rate-limit-load.sh                                   # 2 instances, 256 callers each, 50/s, 30 s
#   benchmarks/rate-limit-load.sh --rate=200 --callers=512 --duration=60 --instances=3
#
# Flags (passed to RateLimitLoad): --rate=N, --instances=N, --callers=N, --duration=S, --warmup=S,
# --max-wait-ms=N (default 30000: callers wait for their turn; 0: fail fast, refused callers wait
# their Retry-After), --store=redis|memory, --redis=URL; and --no-build. The callers must outnumber
# rate x (one call's own latency), or the callers, not the limiter, set the rate.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 args=()
for arg in "$@"; do
	case "$arg" in
		--no-build) build=0 ;;
		*) args+=("$arg") ;;
	esac
done
if [ "$build" = 1 ]; then
	echo "building (./mvnw -pl benchmarks -am package -DskipTests) and writing the class path"
	./mvnw -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=compile \
		-Dmdep.outputFile=target/rate-limit-load.classpath
fi
classpath="benchmarks/target/classes:$(cat benchmarks/target/rate-limit-load.classpath)"
exec java -cp "$classpath" dev.lcel.benchmarks.limits.RateLimitLoad "${args[@]}"
