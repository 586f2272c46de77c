// bench-mcp.mjs: the official MCP TypeScript SDK client timing tools/call
// round trips over stdio, on several legs side by side (scripts/bench-mcp.sh
// runs it). Every leg is connected once and warmed up; then each round
// makes CALLS sequential calls on every leg in turn, so that a busy
// machine weighs on every leg alike, and reports each leg's median per
// call. The summary gives min/median/max over the rounds of the per-call
// medians, of what each leg adds over the first, and of the ratio to it.
//
//	node bench-mcp.mjs SPEC.json
//
// SPEC: {"modules": node_modules folder holding @modelcontextprotocol/sdk,
//        "calls": N, "rounds": R, "warmup": W, "stderr": log file,
//        "tool": name, "arguments": {...}, "expect": text in the result,
//        "legs": [{"name": "direct", "argv": [...], "env": {...} optional}, ...],
//        "compare": [["proxy", "hop"], ...] more pairs to compare}
import { readFileSync, readdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const sdk = join(spec.modules, "@modelcontextprotocol", "sdk", "dist", "esm", "client");
const { Client } = await import(pathToFileURL(join(sdk, "index.js")).href);
const { StdioClientTransport } = await import(pathToFileURL(join(sdk, "stdio.js")).href);

const stderr = openSync(spec.stderr, "a");

async function connect(leg) {
  const transport = new StdioClientTransport({
    command: leg.argv[0],
    args: leg.argv.slice(1),
    env: { ...process.env, ...(leg.env ?? {}) },
    stderr,
  });
  const client = new Client({ name: "rampart-bench", version: "0" });
  await client.connect(transport);
  client.pid = transport.pid;
  return client;
}

// cpuMicros is the CPU time of a process's threads so far (not of its
// children) in µs: the sum of each thread's run time in
// /proc/PID/task/*/schedstat, which the scheduler keeps in nanoseconds (the
// user and system times of /proc/PID/stat count 10 ms ticks, too coarse for
// calls of a few hundred µs); NaN where there is no /proc.
function cpuMicros(pid) {
  try {
    let ns = 0;
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // the thread exited meanwhile
      }
    }
    return ns / 1000;
  } catch {
    return NaN;
  }
}

// switches is how often a process's threads have given up the CPU so far
// (voluntary and involuntary context switches in /proc/PID/task/*/status):
// each wake-up of a relay costs one, so unlike wall time the count per
// call holds on a busy machine; NaN where there is no /proc.
function switches(pid) {
  try {
    let n = 0;
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      try {
        for (const m of readFileSync(`/proc/${pid}/task/${t}/status`, "utf8").matchAll(/^(?:non)?voluntary_ctxt_switches:\s*(\d+)/gm)) {
          n += Number(m[1]);
        }
      } catch {
        // the thread exited meanwhile
      }
    }
    return n;
  } catch {
    return NaN;
  }
}

async function callOnce(client) {
  const res = await client.callTool({ name: spec.tool, arguments: spec.arguments });
  const text = (res.content ?? []).map((c) => c.text ?? "").join("");
  if (res.isError || !text.includes(spec.expect)) {
    throw new Error(`unexpected result: ${JSON.stringify(res).slice(0, 300)}`);
  }
}

// round makes n calls on every leg, the legs taking turns call by call so
// that whatever else the machine does weighs on all of them alike, and
// returns each leg's median round trip in µs.
async function round(clients, n) {
  const us = clients.map(() => []);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < clients.length; j++) {
      const t0 = process.hrtime.bigint();
      await callOnce(clients[j]);
      us[j].push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  return us.map(median);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmt = (x, w = 9, d = 0) => x.toFixed(d).padStart(w);

const legs = spec.legs;
const clients = [];
for (const leg of legs) {
  clients.push(await connect(leg));
}
for (const c of clients) {
  for (let i = 0; i < spec.warmup; i++) await callOnce(c);
}

const cpu0 = clients.map((c) => cpuMicros(c.pid));
const sw0 = clients.map((c) => switches(c.pid));
const base = legs[0].name;
const perRound = legs.map(() => []);
const col = (s, w) => String(s).padStart(w);
let head = "round";
for (const leg of legs) head += col(leg.name, 10);
for (const leg of legs.slice(1)) head += col("+" + leg.name, 10) + col("x" + leg.name, 10);
console.log(`per-call median µs over ${spec.calls} calls of ${spec.tool} per leg, the legs taking turns; +LEG is µs added over ${base}, xLEG the ratio to ${base}`);
console.log(head);
for (let r = 1; r <= spec.rounds; r++) {
  const med = await round(clients, spec.calls);
  med.forEach((m, i) => perRound[i].push(m));
  let line = col(r, 5);
  for (const m of med) line += fmt(m, 10);
  for (let i = 1; i < legs.length; i++) line += fmt(med[i] - med[0], 10) + fmt(med[i] / med[0], 10, 2);
  console.log(line);
}

// stat is min, median and max of xs with d decimals.
const stat = (xs, d = 0) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${fmt(s[0], 9, d)}${fmt(median(s), 9, d)}${fmt(s[s.length - 1], 9, d)}`;
};
const row = (label, xs, d) => console.log(label.padEnd(28) + stat(xs, d));
console.log(`\n${("over " + spec.rounds + " rounds").padEnd(28)}${col("min", 9)}${col("median", 9)}${col("max", 9)}`);
for (let i = 0; i < legs.length; i++) row(`${legs[i].name} µs/call`, perRound[i]);
const compare = (b, a) => {
  row(`${legs[b].name} µs added over ${legs[a].name}`, perRound[b].map((m, r) => m - perRound[a][r]));
  row(`${legs[b].name} / ${legs[a].name}`, perRound[b].map((m, r) => m / perRound[a][r]), 2);
};
for (let i = 1; i < legs.length; i++) compare(i, 0);
// Other pairs the spec names (the proxy over the bare hop).
for (const [b, a] of spec.compare ?? []) {
  const ib = legs.findIndex((l) => l.name === b), ia = legs.findIndex((l) => l.name === a);
  if (ib >= 0 && ia >= 0) compare(ib, ia);
}

// CPU time and context switches per call of the process each leg starts
// (the server itself on the first leg): unlike wall time, they hold on a
// busy machine.
const total = spec.calls * spec.rounds;
console.log(`\nper call of the process each leg starts, over ${total} calls: CPU µs (scheduler run time) and context switches`);
clients.forEach((c, i) => console.log(`${legs[i].name.padEnd(28)}${fmt((cpuMicros(c.pid) - cpu0[i]) / total, 9)}${fmt((switches(c.pid) - sw0[i]) / total, 9, 2)}  (${legs[i].argv[0].split("/").pop()})`));

for (const c of clients) await c.close();
