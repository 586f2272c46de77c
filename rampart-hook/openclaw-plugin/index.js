// Rampart's OpenClaw plugin. Before each exec, file or web tool call the
// gateway makes, it asks `rampart-hook --format openclaw` (a JSON object on
// stdin, an answer on stdout) and blocks the call with Rampart's reason when
// the policy denies it. It fails closed: a hook that cannot start, exits
// non-zero, takes longer than timeoutMs or answers something unreadable
// blocks the call. `rampart setup openclaw` installs it and writes
// rampart.json beside this file with the hook's command line.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// The tools Rampart judges: the shell, the file tools and the web tools,
// by their canonical ids (the gateway refuses to register a matcher with an
// alias such as "bash", and then runs without the plugin).
const TOOLS = ["exec", "read", "write", "edit", "apply_patch", "web_fetch", "web_search"];

// Below OpenClaw's own 15 s hook budget, so Rampart's reason is the one shown.
const DEFAULT_TIMEOUT_MS = 10_000;
// An answer is a small JSON object; more than this is not one.
const MAX_ANSWER = 1 << 20;

function settings(api) {
  const fromConfig = api?.pluginConfig ?? {};
  let fromFile = {};
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    fromFile = JSON.parse(readFileSync(join(here, "rampart.json"), "utf8"));
  } catch {
    // No rampart.json: the plugin config or the defaults apply.
  }
  const command = fromConfig.command ?? fromFile.command ?? ["rampart-hook", "--format", "openclaw"];
  const timeoutMs = fromConfig.timeoutMs ?? fromFile.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return { command, timeoutMs };
}

function blocked(reason) {
  return { block: true, blockReason: `rampart: ${reason} (the call was blocked: rampart fails closed)` };
}

// ask runs the hook once and resolves to the hook result for OpenClaw.
function ask({ command, timeoutMs }, payload, signal) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command[0], command.slice(1), { stdio: ["pipe", "pipe", "pipe"], signal });
    } catch (err) {
      resolve(blocked(`cannot run ${command[0]}: ${err.message}`));
      return;
    }
    let out = "";
    let errText = "";
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish(blocked(`${command[0]} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", (err) => finish(blocked(`cannot run ${command[0]}: ${err.message}`)));
    child.stdout.on("data", (d) => {
      out += d;
      if (out.length > MAX_ANSWER) {
        child.kill("SIGKILL");
        finish(blocked(`${command[0]} answered more than ${MAX_ANSWER} bytes`));
      }
    });
    child.stderr.on("data", (d) => {
      if (errText.length < 4096) errText += d;
    });
    child.on("close", (code) => {
      if (code !== 0) {
        finish(blocked(`${command[0]} exited with status ${code}: ${errText.trim().slice(0, 500)}`));
        return;
      }
      const text = out.trim();
      if (text === "") {
        finish(undefined); // no opinion: OpenClaw's own rules apply
        return;
      }
      let answer;
      try {
        answer = JSON.parse(text);
      } catch {
        finish(blocked(`${command[0]} answered something that is not JSON`));
        return;
      }
      if (answer?.block === true) {
        finish({ block: true, blockReason: String(answer.blockReason || "blocked by Rampart") });
      } else if (answer?.requireApproval && typeof answer.requireApproval === "object") {
        finish({ requireApproval: answer.requireApproval });
      } else {
        finish(undefined);
      }
    });
    child.stdin.on("error", () => {}); // a hook that exits early is judged by its status
    child.stdin.end(JSON.stringify(payload));
  });
}

export default {
  id: "rampart",
  name: "Rampart",
  description: "Judges exec, file and web tool calls with Rampart's policy before they run.",
  register(api) {
    const s = settings(api);
    api.on(
      "before_tool_call",
      async (event, ctx) => {
        try {
          const payload = {
            hook_event_name: "before_tool_call",
            tool_name: event?.toolName,
            params: event?.params ?? {},
            derived_paths: event?.derivedPaths,
            agent_id: ctx?.agentId,
            session_key: ctx?.sessionKey ?? ctx?.sessionId,
            cwd: ctx?.workspaceDir ?? ctx?.cwd ?? process.cwd(),
          };
          return await ask(s, payload, ctx?.abortSignal);
        } catch (err) {
          return blocked(`plugin error: ${err?.message ?? err}`);
        }
      },
      { matcher: TOOLS, priority: 1000 },
    );
  },
};
