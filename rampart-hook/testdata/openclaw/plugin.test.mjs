// Tests of Rampart's OpenClaw plugin with a stand-in for the gateway's
// plugin API: it fails closed, and passes rampart-hook's answer through.
// Run by TestOpenClawPlugin (plugin_test.go) with `node --test`.
import { test } from "node:test";
import assert from "node:assert/strict";
import plugin from "../../openclaw-plugin/index.js";

const node = process.execPath;

function hookWith(command, timeoutMs) {
  let handler, options;
  plugin.register({
    pluginConfig: { command, timeoutMs },
    on(name, fn, opts) {
      assert.equal(name, "before_tool_call");
      handler = fn;
      options = opts;
    },
  });
  return { handler, options };
}

const event = { toolName: "exec", params: { command: "touch /tmp/x" } };
const ctx = { agentId: "main", sessionKey: "agent:main:main", workspaceDir: "/tmp" };

test("matches the shell, file and web tools", () => {
  const { options } = hookWith([node, "-e", ""]);
  for (const t of ["exec", "read", "write", "edit", "apply_patch", "web_fetch", "web_search"]) {
    assert.ok(options.matcher.includes(t), t);
  }
  // The gateway refuses aliases in a matcher and then runs without the plugin.
  for (const alias of ["bash", "exec_command", "apply-patch", "Write", "Edit", "agent"]) {
    assert.ok(!options.matcher.includes(alias), alias);
  }
});

const failures = [
  // Node itself can take seconds to start on a busy machine: the timeout
  // is short only where the test is about it.
  ["a hook that cannot start", ["/nonexistent/rampart-hook"], /cannot run/, 10000],
  ["a hook that exits non-zero", [node, "-e", "process.exit(3)"], /exited with status 3/, 10000],
  ["an answer that is not JSON", [node, "-e", "console.log('nope')"], /not JSON/, 10000],
  ["a hook that never answers", [node, "-e", "setTimeout(() => {}, 60000)"], /did not answer/, 300],
];
for (const [name, command, reason, timeoutMs] of failures) {
  test(`blocks on ${name}`, async () => {
    const { handler } = hookWith(command, timeoutMs);
    const r = await handler(event, ctx);
    assert.equal(r.block, true);
    assert.match(r.blockReason, reason);
    assert.match(r.blockReason, /fails closed/);
  });
}

test("passes a block with Rampart's reason through", async () => {
  const answer = JSON.stringify({ block: true, blockReason: "Destructive command blocked" });
  const { handler } = hookWith([node, "-e", `console.log(${JSON.stringify(answer)})`]);
  assert.deepEqual(await handler(event, ctx), { block: true, blockReason: "Destructive command blocked" });
});

test("sends the call to the hook", async () => {
  // The hook echoes what it read back as the block reason.
  const echo = "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify({block:true,blockReason:s})))";
  const { handler } = hookWith([node, "-e", echo]);
  const r = await handler(event, ctx);
  assert.deepEqual(JSON.parse(r.blockReason), {
    hook_event_name: "before_tool_call", tool_name: "exec", params: { command: "touch /tmp/x" },
    agent_id: "main", session_key: "agent:main:main", cwd: "/tmp",
  });
});

test("no answer leaves the call to OpenClaw", async () => {
  const { handler } = hookWith([node, "-e", ""]);
  assert.equal(await handler(event, ctx), undefined);
});
