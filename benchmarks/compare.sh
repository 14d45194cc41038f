#!/usr/bin/env bash
# Runs the same workloads on lcel (JMH) and on LangChain.js (benchmarks/peer) and prints one table:
# workload, LangChain.js, lcel, ratio. Needs a JDK 17+ and Node.js 20+; QUICK=1 shortens both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"

./mvnw -q -pl benchmarks -am package -DskipTests
jmh_flags=(-f 1)
[ "${QUICK:-0}" = "1" ] && jmh_flags+=(-wi 2 -w 1 -i 3 -r 1)
java -jar benchmarks/target/benchmarks.jar "InvokeOverheadBenchmark.sequenceInvoke|BatchBenchmark|StreamingBenchmark|JsonStreaming|ParallelBenchmark" \
  "${jmh_flags[@]}" -rf json -rff "$out/lcel.json" >"$out/jmh.log"

(cd benchmarks/peer && [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null)
(cd benchmarks/peer && node bench.mjs) >"$out/peer.jsonl"

node - "$out/lcel.json" "$out/peer.jsonl" <<'JS'
const fs = require("fs");
const jmh = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const peer = Object.fromEntries(fs.readFileSync(process.argv[3], "utf8").trim().split("\n")
  .map((line) => JSON.parse(line)).map((r) => [r.workload, r.value]));
const score = (name, param) => {
  const r = jmh.find((b) => b.benchmark.endsWith(name) && (!param || b.params.kilobytes === param));
  return r ? r.primaryMetric.score : NaN;
};
const stream = score("StreamingBenchmark.astream");
const rows = [
  ["1 invoke (10 steps)", "us/op", score("InvokeOverheadBenchmark.sequenceInvoke") / 1000],
  ["2 batch (per item)", "us/item", score("BatchBenchmark.batch") / 1000],
  ["3 stream (per chunk)", "us/chunk", stream / 1000],
  ["4 json 25 KB", "ms/doc", score("JsonStreamingBenchmark.parseStreamed", "25")],
  ["4 json 50 KB", "ms/doc", score("JsonStreamingBenchmark.parseStreamed", "50")],
  ["4 json 100 KB", "ms/doc", score("JsonStreamingBenchmark.parseStreamed", "100")],
  ["5 parallel (10 x 50 ms)", "ms/op", score("ParallelBenchmark.invoke")],
  ["6 streamEvents / stream", "ratio", score("StreamingBenchmark.astreamEvents") / stream],
  ["6 streamLog / stream", "ratio", score("StreamingBenchmark.astreamLog") / stream],
];
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3));
console.log("| workload | unit | LangChain.js | lcel | LangChain.js / lcel |");
console.log("|---|---|---|---|---|");
for (const [name, unit, ours] of rows) {
  const theirs = peer[name];
  const ratio = unit === "ratio" ? "" : (theirs / ours >= 10 ? (theirs / ours).toFixed(0) : (theirs / ours).toFixed(1)) + "x";
  console.log(`| ${name} | ${unit} | ${fmt(theirs)} | ${fmt(ours)} | ${ratio} |`);
}
JS
