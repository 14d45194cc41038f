// Runs every differential case with LangChain.js (@langchain/core, pinned in package.json) and writes one
// JSON document: per case its inputs, config, filter and what invoke, batch, stream, streamEvents (v2) and
// streamLog reported. DifferentialTests (lcel-core's test sources) runs the Java twin of each case and
// compares. Values are written in a neutral form (see `neutral`) so that both sides can be compared as JSON;
// run ids are kept, the Java side maps them to the order of their first appearance.
//
// Usage: node reference.mjs OUTPUT.json   (ONLY_CASE=id runs one case; TRACE_CASES=1 names each case on stderr)
import { readFileSync, writeFileSync } from "node:fs";
import {
  RunnableBinding,
  RunnableBranch,
  RunnableEach,
  RunnableLambda,
  RunnableParallel,
  RunnablePassthrough,
  RunnablePick,
} from "@langchain/core/runnables";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { JsonOutputParser, StringOutputParser } from "@langchain/core/output_parsers";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { isBaseMessage } from "@langchain/core/messages";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";

const output = process.argv[2];
if (!output) {
  console.error("usage: node reference.mjs OUTPUT.json");
  process.exit(2);
}

// LangChain.js can leave the rejection of a failed stream's prefetched first chunk unhandled; it
// belongs to a case whose error is already recorded, so it is reported, not fatal.
process.on("unhandledRejection", (reason) => console.error(`unhandled rejection (its case records the error): ${reason}`));

// ---- building blocks, each with the same name and behaviour as its Java twin ----

const model = (...responses) => new FakeListChatModel({ responses });
const prompt = () => ChatPromptTemplate.fromTemplate("Tell me a joke about {topic}");
const str = () => new StringOutputParser();

/** A lambda named like a Python `def name(...)`: LangChain Python names a lambda after its function. */
function lambda(name, func) {
  const runnable = RunnableLambda.from(func);
  runnable.name = name;
  return runnable;
}

/** A generator step: LangChain.js has no transform generator, so its closest form is a lambda returning an async generator. */
function generator(name, func) {
  return lambda(name, (input) => func(input));
}

class Boom extends Error {}

/** A counter per input, so that retries in a batch fail the same way whatever the order of the inputs. */
function flaky(failures) {
  const seen = new Map();
  return lambda("flaky", (x) => {
    const n = (seen.get(x) ?? 0) + 1;
    seen.set(x, n);
    if (n <= failures) throw new Boom(`attempt ${n} of ${x} fails`);
    return `${x} after ${n}`;
  });
}

const jokeChain = () => prompt().pipe(model("Why?")).pipe(str());

/** The chain of the fallback cases: a generator that fails after its first chunk, with a fallback. */
const trimmedHalfWithSpare = () => lambda("prep", (x) => x.trim())
  .pipe(generator("half", async function* (s) {
    yield s.slice(0, 1);
    throw new Boom("mid-stream");
  }).withFallbacks([lambda("spare", (s) => `spare ${s}`)]));

/** A case of the event and log filters: prompt, model (with the given tags) and parser, streamed with a filter. */
function filtered(id, filter, modelTags = []) {
  const tagged = () => (modelTags.length > 0 ? model("Hi").withConfig({ tags: modelTags }) : model("Hi"));
  return {
    id,
    build: () => prompt().pipe(tagged()).pipe(str()),
    input: { topic: "cats" },
    filter,
    aspects: ["events", "event-data", "log"],
  };
}

// ---- the cases: id, chain factory (fresh state per aspect), inputs, config, filter ----

const cases = [
  {
    id: "prompt_model_str",
    build: jokeChain,
    input: { topic: "cats" },
    batch: [{ topic: "cats" }, { topic: "dogs" }],
  },
  {
    id: "parallel",
    build: () => RunnableParallel.from({
      upper: lambda("upper", (x) => x.toUpperCase()),
      length: lambda("length", (x) => x.length),
    }),
    input: "abc",
    batch: ["abc", "de"],
    unordered: true,
  },
  {
    id: "parallel_in_sequence",
    build: () => lambda("prep", (x) => ({ topic: x.trim() }))
      .pipe({ joke: prompt().pipe(model("Ha")).pipe(str()), topic: new RunnablePick("topic") })
      .pipe(lambda("combine", (m) => `${m.topic}: ${m.joke}`)),
    input: " cats ",
    unordered: true,
  },
  {
    id: "parallel_streaming",
    build: () => lambda("wrap", (x) => ({ topic: x }))
      .pipe({ joke: prompt().pipe(model("Ha")).pipe(str()), echo: new RunnablePassthrough() }),
    input: "cats",
    unordered: true,
  },
  {
    id: "assign",
    build: () => RunnablePassthrough.assign({ doubled: lambda("double", (m) => m.n * 2) }),
    input: { n: 21 },
    batch: [{ n: 1 }, { n: 2 }],
    unordered: true,
  },
  {
    id: "pick",
    build: () => RunnablePassthrough.assign({ doubled: lambda("double", (m) => m.n * 2) })
      .pipe(new RunnablePick("doubled")),
    input: { n: 21 },
    unordered: true,
  },
  {
    id: "pick_in_assign_in_stream",
    build: () => lambda("wrap", (x) => ({ topic: x }))
      .pipe(RunnablePassthrough.assign({ again: new RunnablePick("topic") }))
      .pipe(new RunnablePick(["topic", "again"])),
    input: "cats",
    unordered: true,
  },
  {
    id: "lambda_blocks_stream",
    build: () => jokeChain().pipe(lambda("shout", (s) => s.toUpperCase())),
    input: { topic: "cats" },
  },
  {
    id: "generator",
    build: () => lambda("prep", (x) => x.trim()).pipe(generator("letters", async function* (s) {
      for (const c of s) yield c.toUpperCase();
    })),
    input: " hey ",
  },
  {
    id: "generator_after_model",
    build: () => jokeChain().pipe(generator("upper", async function* (s) {
      for (const c of s) yield c.toUpperCase();
    })),
    input: { topic: "cats" },
  },
  {
    id: "branch",
    build: () => RunnableBranch.from([
      [(x) => x.startsWith("a"), lambda("starts_with_a", (x) => `A:${x}`)],
      [(x) => x.startsWith("b"), lambda("starts_with_b", (x) => `B:${x}`)],
      lambda("other", (x) => `other:${x}`),
    ]),
    input: "bob",
    batch: ["alice", "bob", "carol"],
  },
  {
    id: "fallbacks_before_first_chunk",
    build: () => prompt()
      .pipe(lambda("broken", () => { throw new Boom("down"); }).withFallbacks([model("Saved")]))
      .pipe(str()),
    input: { topic: "cats" },
  },
  {
    id: "fallbacks_after_first_chunk",
    build: trimmedHalfWithSpare,
    input: " ok ",
    aspects: ["stream", "events", "event-data", "log"],
  },
  {
    id: "fallbacks_invoke_after_first_chunk",
    build: trimmedHalfWithSpare,
    input: " ok ",
    aspects: ["invoke", "batch"],
    batch: [" ok ", " no "],
  },
  {
    id: "retry",
    build: () => lambda("prep", (x) => x.trim()).pipe(flaky(2).withRetry({ stopAfterAttempt: 3 })),
    input: " x ",
    batch: [" x ", " y "],
  },
  {
    id: "each",
    // Nested in a sequence: LangChain Python's RunnableEach refuses astream_events as the root run.
    build: () => lambda("numbers", (n) => Array.from({ length: n }, (_, i) => i + 1))
      .pipe(new RunnableEach({ bound: lambda("double", (x) => x * 2) })),
    input: 3,
    unordered: true,
  },
  {
    id: "nested_sequences",
    build: () => lambda("a", (x) => `${x}a`).pipe(lambda("b", (x) => `${x}b`))
      .pipe(lambda("c", (x) => `${x}c`).pipe(lambda("d", (x) => `${x}d`))),
    input: "x",
  },
  {
    id: "nested_named_sequence",
    build: () => lambda("a", (x) => `${x}a`)
      .pipe(lambda("b", (x) => `${x}b`).pipe(lambda("c", (x) => `${x}c`)).withConfig({ runName: "inner" }))
      .pipe(lambda("d", (x) => `${x}d`)),
    input: "x",
  },
  {
    id: "bind",
    build: () => prompt()
      .pipe(new RunnableBinding({ bound: model("Bound"), kwargs: { temperature: 0 }, config: {} }))
      .pipe(str()),
    input: { topic: "cats" },
  },
  {
    id: "with_config_tags_and_names",
    build: () => lambda("prep", (x) => x.trim())
      .pipe(lambda("shout", (x) => x.toUpperCase()).withConfig({ runName: "loud", tags: ["volume"] }))
      .withConfig({ tags: ["outer"] }),
    input: " hi ",
    config: { tags: ["caller"] },
  },
  {
    id: "json_parser_streaming",
    build: () => prompt().pipe(model('{"a": [1, 2], "b": "xy"}')).pipe(new JsonOutputParser()),
    input: { topic: "json" },
  },
  {
    id: "lambda_returns_runnable",
    build: () => lambda("route", (m) => (m.topic === "cats" ? jokeChain() : lambda("plain", () => "no joke"))),
    input: { topic: "cats" },
    batch: [{ topic: "cats" }, { topic: "dogs" }],
  },
  {
    id: "dict_chunk_addition",
    build: () => lambda("prep", (x) => x.trim())
      .pipe(generator("parts", async function* () {
        yield { text: "ab", n: 1, list: [1], nested: { x: "p" } };
        yield { text: "cd", n: 2, list: [2], nested: { x: "q", y: 1 } };
        yield { extra: true };
      }))
      .pipe(lambda("collect", (m) => m)),
    input: " go ",
  },
  {
    id: "error_mid_stream",
    build: () => jokeChain().pipe(generator("explode", async function* (s) {
      for (const c of s) yield c.toUpperCase();
      throw new Boom("after the last chunk");
    })),
    input: { topic: "cats" },
  },
  {
    id: "recursion_limit",
    build: () => {
      const loop = lambda("loop", (x) => loop);
      return loop;
    },
    input: "x",
    config: { recursionLimit: 4 },
  },
  filtered("filter_by_name", { includeNames: ["StrOutputParser"] }),
  filtered("filter_by_type", { includeTypes: ["chat_model"] }),
  filtered("filter_by_tag", { includeTags: ["keep"] }, ["keep"]),
  filtered("filter_by_sequence_tag", { includeTags: ["seq:step:2"] }),
  filtered("filter_exclusions", { excludeTags: ["drop"], excludeTypes: ["prompt"] }, ["drop"]),
];

const ALL_ASPECTS = ["invoke", "batch", "stream", "events", "event-data", "log"];

// ---- neutral values: what both sides' values are turned into before they are compared ----

function className(value) {
  const type = value?.constructor;
  if (type && typeof type.lc_name === "function") return type.lc_name();
  return type?.name ?? "Object";
}

/** Messages become {$message: class, content, tool_calls?}; prompt values {$prompt: class, ...}; errors {$error: true}. */
function neutral(value) {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { $error: true };
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : neutral(v)));
  if (isBaseMessage(value)) {
    const message = { $message: className(value), content: neutral(value.content) };
    if (Array.isArray(value.tool_calls) && value.tool_calls.length > 0) message.tool_calls = neutral(value.tool_calls);
    return message;
  }
  const name = className(value);
  if (name === "ChatPromptValue") return { $prompt: name, messages: neutral(value.messages) };
  if (name === "StringPromptValue") return { $prompt: name, text: value.value };
  const result = {};
  if (name !== "Object") result.$class = name;
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith("lc_") || v === undefined || typeof v === "function") continue;
    result[key] = neutral(v);
  }
  return result;
}

// ---- running the aspects ----

async function capture(run) {
  try {
    return { output: neutral(await run()) };
  } catch (e) {
    return { error: true };
  }
}

async function collect(open, each) {
  const items = [];
  try {
    for await (const item of await open()) items.push(each(item));
    return { items };
  } catch (e) {
    return { items, error: true };
  }
}

/**
 * Records each run's parent from the callbacks: LangChain.js's streamEvents v2 reports `parent_ids: []`,
 * so the events also carry `ancestors` (root first, as Python's parent_ids), which the Java side's
 * listed departure uses in their place.
 */
class ParentRecorder extends BaseCallbackHandler {
  name = "parent_recorder";
  parents = new Map();

  handleChainStart(_chain, _inputs, runId, parentRunId) {
    this.parents.set(runId, parentRunId);
  }

  handleChatModelStart(_llm, _messages, runId, parentRunId) {
    this.parents.set(runId, parentRunId);
  }

  handleLLMStart(_llm, _prompts, runId, parentRunId) {
    this.parents.set(runId, parentRunId);
  }

  /** The run's ancestors, root first; a run that names itself as its parent (see the branch case) ends the chain. */
  ancestors(runId) {
    const chain = [];
    for (let id = this.parents.get(runId); id && id !== runId && !chain.includes(id); id = this.parents.get(id)) {
      chain.unshift(id);
    }
    return chain;
  }
}

function streamOptions(filter) {
  return filter ? { ...filter } : undefined;
}

async function runCase(c) {
  const config = c.config ?? {};
  const aspects = c.aspects ?? ALL_ASPECTS;
  const results = {};
  if (aspects.includes("invoke")) results.invoke = await capture(() => c.build().invoke(c.input, config));
  if (aspects.includes("batch") && c.batch) {
    results.batch = await capture(() => c.build().batch(c.batch, config));
  }
  if (aspects.includes("stream")) {
    results.stream = await collect(() => c.build().stream(c.input, config), neutral);
  }
  if (aspects.includes("events") || aspects.includes("event-data")) {
    const recorder = new ParentRecorder();
    const events = () => c.build().streamEvents(c.input, { ...config, callbacks: [recorder], version: "v2" },
      streamOptions(c.filter));
    results.events = await collect(events, (e) => ({
      event: e.event,
      name: e.name,
      run_id: e.run_id,
      parent_ids: e.parent_ids,
      ancestors: recorder.ancestors(e.run_id),
      tags: e.tags ?? [],
      data: neutral(e.data ?? {}),
    }));
  }
  if (aspects.includes("log")) {
    let state;
    let error;
    try {
      for await (const patch of c.build().streamLog(c.input, config, streamOptions(c.filter))) {
        state = state === undefined ? patch : state.concat(patch);
      }
    } catch (e) {
      error = true;
    }
    results.log = { state: neutral(state?.state ?? null), ...(error ? { error } : {}) };
  }
  return results;
}

const version = JSON.parse(readFileSync(new URL("./node_modules/@langchain/core/package.json", import.meta.url))).version;
const document = { langchainCore: version, cases: [] };
const only = process.env.ONLY_CASE;
for (const c of cases.filter((k) => !only || k.id === only)) {
  if (process.env.TRACE_CASES) console.error(`case ${c.id}`);

  document.cases.push({
    id: c.id,
    input: c.input,
    batch: c.batch ?? null,
    config: c.config ?? {},
    filter: c.filter ?? {},
    unordered: c.unordered ?? false,
    aspects: (c.aspects ?? ALL_ASPECTS).filter((a) => a !== "batch" || c.batch),
    results: await runCase(c),
  });
}
writeFileSync(output, JSON.stringify(document, null, 1));
