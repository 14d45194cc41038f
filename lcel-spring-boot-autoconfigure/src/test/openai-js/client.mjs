// The official openai npm package against lcel's OpenAI-compatible routes: lists the models,
// completes, streams with usage, keeps a conversation by `user`, and reads errors. Prints one
// JSON line of what it saw, for OpenAiNodeSdkTests to check.
import OpenAI from "openai";

const client = new OpenAI({ baseURL: process.argv[2] + "/v1", apiKey: "not-checked", maxRetries: 0 });
const result = {};

const models = await client.models.list();
result.models = models.data.map((m) => m.id).sort();

const completion = await client.chat.completions.create({
  model: "joke",
  messages: [{ role: "user", content: "bears" }],
});
result.completion = completion.choices[0].message.content;
result.completionUsage = completion.usage;

const stream = await client.chat.completions.create({
  model: "assistant",
  messages: [{ role: "user", content: "hi" }],
  stream: true,
  stream_options: { include_usage: true },
});
const pieces = [];
const times = [];
let streamUsage = null;
for await (const chunk of stream) {
  if (chunk.usage) streamUsage = chunk.usage;
  const content = chunk.choices[0]?.delta?.content;
  if (content) {
    pieces.push(content);
    times.push(performance.now());
  }
}
result.pieces = pieces.length;
result.streamed = pieces.join("");
result.firstBeforeLastMs = times[times.length - 1] - times[0];
result.streamUsage = streamUsage;

const user = "js-" + Math.random().toString(36).slice(2);
await client.chat.completions.create({ model: "chat", user, messages: [{ role: "user", content: "I am Ada" }] });
const second = await client.chat.completions.create({ model: "chat", user, messages: [{ role: "user", content: "who am I?" }] });
result.history = second.choices[0].message.content;

try {
  await client.chat.completions.create({ model: "no-such-chain", messages: [{ role: "user", content: "x" }] });
} catch (error) {
  result.unknownModel = { status: error.status, code: error.code, param: error.param, type: error.type };
}
try {
  await client.chat.completions.create({ model: "limited", messages: [{ role: "user", content: "x" }] });
} catch (error) {
  result.limited = { status: error.status, code: error.code, retryAfter: error.headers?.get("retry-after") };
}

try {
  const limitedStream = await client.chat.completions.create({
    model: "limited", stream: true, messages: [{ role: "user", content: "x" }],
  });
  for await (const chunk of limitedStream) result.limitedStreamChunk = chunk;
} catch (error) {
  result.limitedStream = { status: error.status, code: error.code, retryAfter: error.headers?.get("retry-after") };
}
try {
  const flaky = await client.chat.completions.create({
    model: "flaky", stream: true, messages: [{ role: "user", content: "x" }],
  });
  result.flakyPieces = [];
  for await (const chunk of flaky) {
    const content = chunk.choices[0]?.delta?.content;
    if (content) result.flakyPieces.push(content);
  }
} catch (error) {
  result.flaky = { message: error.message };
}

console.log(JSON.stringify(result));
