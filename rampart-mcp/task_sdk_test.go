package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// taskClient is a client built on the official TypeScript SDK that calls a
// tool as a task (the SDK's experimental callToolStream) through the proxy
// and prints each message of the stream as a JSON line. argv: SDK client
// module path, SDK stdio transport module path, proxy command and args.
const taskClient = `
const [clientMod, stdioMod, cmd, ...args] = process.argv.slice(2);
const { Client } = await import(clientMod);
const { StdioClientTransport } = await import(stdioMod);
const client = new Client({ name: "task-test", version: "1" }, { capabilities: { tasks: {} } });
await client.connect(new StdioClientTransport({ command: cmd, args, env: process.env, stderr: "inherit" }));
const stream = client.experimental.tasks.callToolStream(
  { name: "simulate-research-query", arguments: { topic: "x", ambiguous: false } },
  undefined,
  { task: { ttl: 60000 } });
for await (const m of stream) console.log(JSON.stringify(m));
await client.close();
`

// A call denied while made as a task reaches the model through the
// official SDK client: a task is created, and its result is the denial.
func TestDeniedTaskThroughOfficialSDK(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("skipping: node is not installed")
	}
	mods := npmServers(t)
	sdk := filepath.Join(mods, "@modelcontextprotocol", "sdk", "dist", "esm")
	dir := t.TempDir()
	script := filepath.Join(dir, "client.mjs")
	policy := filepath.Join(dir, "policy.yaml")
	os.WriteFile(script, []byte(taskClient), 0o644)
	os.WriteFile(policy, []byte(`version: 1
default_action: allow
policies:
  - name: no-research
    match: {tool: [mcp]}
    rules:
      - action: deny
        message: research queries are blocked here
        when: {tool_name_matches: ["simulate-research-query"]}
`), 0o600)
	args := append([]string{script,
		"file://" + filepath.Join(sdk, "client", "index.js"),
		"file://" + filepath.Join(sdk, "client", "stdio.js"),
		"rampart-mcp", "--config", policy, "--"}, everythingServer(t)...)
	cmd := exec.Command("node", args...)
	cmd.Env = append(os.Environ(), "RAMPART_HOME="+filepath.Join(dir, "home"), "RAMPART_SERVE_ADDR=127.0.0.1:1", "RAMPART_POLICY=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the SDK client failed: %v\n%s", err, out)
	}
	s := string(out)
	t.Logf("SDK stream:\n%s", s)
	if !strings.Contains(s, `"type":"taskCreated"`) || !strings.Contains(s, `"type":"result"`) ||
		!strings.Contains(s, "research queries are blocked here") || !strings.Contains(s, `"isError":true`) {
		t.Errorf("the SDK client's stream did not end in the denial as a result:\n%s", s)
	}
}
