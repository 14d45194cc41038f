// The benchmark workloads on LangChain.js (@langchain/core, version pinned in package.json), with the
// same parameters as the JMH benchmarks. Prints one JSON object per line: {workload, value, unit}.
import { RunnableLambda, RunnableParallel } from "@langchain/core/runnables";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { StringOutputParser, JsonOutputParser } from "@langchain/core/output_parsers";
import { AIMessageChunk } from "@langchain/core/messages";
import { FakeListChatModel, FakeStreamingChatModel } from "@langchain/core/utils/testing";

const quick = process.env.QUICK === "1";

async function measure(iterations, warmup, fn) {
  for (let i = 0; i < warmup; i++) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn();
  return Number(process.hrtime.bigint() - start) / iterations / 1000; // µs per op
}

function report(workload, value, unit) {
  console.log(JSON.stringify({ workload, value, unit }));
}

// 1. invoke overhead: ten RunnableLambda(x => x + 1)
let chain = RunnableLambda.from((x) => x + 1);
for (let i = 1; i < 10; i++) chain = chain.pipe(RunnableLambda.from((x) => x + 1));
report("1 invoke (10 steps)", await measure(quick ? 500 : 5000, quick ? 200 : 2000, () => chain.invoke(1)), "us/op");

// 2. batch: prompt | FakeListChatModel | StringOutputParser over 1,000 inputs
const batchChain = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}")
  .pipe(new FakeListChatModel({ responses: ["ok"] }))
  .pipe(new StringOutputParser());
const inputs = Array.from({ length: 1000 }, (_, i) => ({ topic: `t${i}` }));
const batchUs = await measure(quick ? 2 : 5, 1, () => batchChain.batch(inputs));
report("2 batch (per item)", batchUs / 1000, "us/item");

// 3. stream: 1,000 one-token chunks into StringOutputParser
const chunks = Array.from({ length: 1000 }, () => new AIMessageChunk("x"));
const streamChain = new FakeStreamingChatModel({ chunks }).pipe(new StringOutputParser());
async function consume(iterable) {
  let count = 0;
  for await (const _ of iterable) count++;
  return count;
}
const streamUs = await measure(quick ? 5 : 20, 3, async () => consume(await streamChain.stream("go")));
report("3 stream (per chunk)", streamUs / 1000, "us/chunk");

// 6. streamEvents and streamLog over workload 3, as ratios to stream
const eventsUs = await measure(quick ? 3 : 10, 2, () => consume(streamChain.streamEvents("go", { version: "v2" })));
report("6 streamEvents / stream", eventsUs / streamUs, "ratio");
const logUs = await measure(quick ? 3 : 10, 2, () => consume(streamChain.streamLog("go")));
report("6 streamLog / stream", logUs / streamUs, "ratio");

// 4. streaming JSON: 25, 50 and 100 KB documents in 10-character chunks
function document(kilobytes) {
  let json = '{"countries": [';
  for (let i = 0; json.length < kilobytes * 1024; i++) {
    json += (i > 0 ? ", " : "") + `{"name": "Country ${i}", "population": ${1000 + i}, "tags": ["a", "b"]}`;
  }
  return json + "]}";
}
for (const kilobytes of [25, 50, 100]) {
  const text = document(kilobytes);
  const pieces = [];
  for (let i = 0; i < text.length; i += 10) pieces.push(text.slice(i, i + 10));
  const parser = new JsonOutputParser();
  async function* source() {
    for (const piece of pieces) yield piece;
  }
  const us = await measure(1, 0, async () => consume(await parser.transform(source(), {})));
  report(`4 json ${kilobytes} KB`, us / 1000, "ms/doc");
}

// 5. parallel: ten branches that each wait 50 ms
const branches = {};
for (let i = 0; i < 10; i++) branches[`b${i}`] = RunnableLambda.from(() => new Promise((r) => setTimeout(() => r(i), 50)));
const parallel = RunnableParallel.from(branches);
report("5 parallel (10 x 50 ms)", (await measure(5, 1, () => parallel.invoke(0))) / 1000, "ms/op");
