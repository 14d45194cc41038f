// Calls lcel's endpoints with LangChain.js's own RemoteRunnable and prints what it got, as JSON.
import { RemoteRunnable } from "@langchain/core/runnables/remote";

const base = process.argv[2];
const words = new RemoteRunnable({ url: `${base}/chains/words` });
const result = {};

result.invoke = await words.invoke("to be");
result.batch = await words.batch(["a b", "c"]);

result.stream = [];
for await (const chunk of await words.stream("one two three")) {
  result.stream.push(chunk);
}

result.events = [];
for await (const event of words.streamEvents("a b", { version: "v2" })) {
  result.events.push(`${event.event} ${event.name}`);
}

let log;
for await (const patch of words.streamLog("a b")) {
  log = log === undefined ? patch : log.concat(patch);
}
result.logFinalOutput = log.state.final_output;
result.logRuns = Object.keys(log.state.logs);

result.tagged = await new RemoteRunnable({ url: `${base}/chains/tagged` }).invoke("x", { tags: ["from-js"], runName: "js" });

try {
  await new RemoteRunnable({ url: `${base}/chains/missing` }).invoke("x");
  result.missing = "no error";
} catch (error) {
  result.missing = String(error.message);
}

try {
  for await (const chunk of await new RemoteRunnable({ url: `${base}/chains/broken` }).stream("x")) {
    result.brokenChunk = chunk;
  }
  result.broken = "no error";
} catch (error) {
  result.broken = String(error.message);
}

console.log(JSON.stringify(result));
