package main

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A project policy added while the proxy runs is seen at the next call, for
// calls and for results alike: the proxy's decision point re-finds the
// project layer of its working directory instead of caching it.
func TestProjectPolicyAddedMidSession(t *testing.T) {
	proj := t.TempDir()
	cmd := proxyCmd(t, nil, "fake-mcp-server")
	cmd.Dir = proj
	s := start(t, cmd)
	s.send(initialize)
	s.recvID(float64(1))

	s.send(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"plan: CONFIDENTIAL merger"}}}`)
	m, _ := s.recvID(float64(2))
	if text, isErr := resultText(t, m); isErr || !strings.Contains(text, "CONFIDENTIAL") {
		t.Fatalf("before the project policy: %q (error %v), want the echo", text, isErr)
	}

	if err := os.MkdirAll(filepath.Join(proj, ".rampart"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(proj, ".rampart", "policy.yaml"), []byte(`version: 1
policies:
  - name: no-echo-marker
    match: {tool: [mcp]}
    rules:
      - action: deny
        message: the project blocks this
        when: {argument_matches: ["*blocked-marker*"]}
  - name: no-confidential
    rules:
      - action: deny
        message: confidential output stays here
        when: {response_matches: ["*CONFIDENTIAL*"]}
`), 0o644); err != nil {
		t.Fatal(err)
	}

	s.send(`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"blocked-marker"}}}`)
	m, _ = s.recvID(float64(3))
	if text, isErr := resultText(t, m); !isErr || !strings.Contains(text, "the project blocks this") {
		t.Errorf("call after the project policy appeared: %q (error %v), want the project's deny", text, isErr)
	}
	s.send(`{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo","arguments":{"text":"plan: CONFIDENTIAL merger"}}}`)
	m, _ = s.recvID(float64(4))
	if text, _ := resultText(t, m); strings.Contains(text, "CONFIDENTIAL") || !strings.Contains(text, "confidential output stays here") {
		t.Errorf("result after the project policy appeared: %q, want it withheld by the project's response rule", text)
	}
	s.exit()
}

// Base64 content (image and audio data, resource blobs) is decoded and
// scanned like text: a credential in it is redacted.
func TestBase64ContentIsScanned(t *testing.T) {
	s := start(t, proxyCmd(t, nil, "fake-mcp-server"))
	s.send(initialize)
	s.recvID(float64(1))
	s.send(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"blob","arguments":{"text":"aws_access_key_id = AKIAIOSFODNN7EXAMPLE"}}}`)
	m, line := s.recvID(float64(2))
	content := m["result"].(map[string]any)["content"].([]any)
	img := content[0].(map[string]any)["data"].(string)
	blob := content[1].(map[string]any)["resource"].(map[string]any)["blob"].(string)
	for _, b64 := range []string{img, blob} {
		b, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || strings.Contains(string(b), "AKIAIOSFODNN7EXAMPLE") || !strings.Contains(string(b), "[REDACTED]") {
			t.Errorf("base64 content decodes to %q (%v), want the key redacted; message %s", b, err, line)
		}
	}
	s.exit()
}

// An over-size request is refused with its own id when the start of the
// message names it, so the client's pending call ends.
func TestOverSizeRequestAnsweredWithItsID(t *testing.T) {
	s := start(t, proxyCmd(t, nil, "fake-mcp-server"))
	s.send(initialize)
	s.recvID(float64(1))
	s.send(`{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo","arguments":{"text":"` + strings.Repeat("x", 65<<20) + `"}}}`)
	m, line := s.recvID(float64(42))
	if e, ok := m["error"].(map[string]any); !ok || !strings.Contains(e["message"].(string), "exceeds") {
		t.Errorf("over-size request answered %.200s, want an error for id 42", line)
	}
	s.exit()
}

// A denied call made as a task is answered with a task, already completed,
// whose result is the denial; tasks/get, tasks/result and tasks/cancel for
// it are answered by the proxy.
func TestDeniedTaskAnsweredAsTask(t *testing.T) {
	s := start(t, proxyCmd(t, nil, "fake-mcp-server"))
	s.send(initialize)
	s.recvID(float64(1))
	s.send(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"wipe_disk","arguments":{},"task":{"ttl":60000}}}`)
	m, line := s.recvID(float64(2))
	task, _ := m["result"].(map[string]any)["task"].(map[string]any)
	id, _ := task["taskId"].(string)
	if id == "" || task["status"] != "completed" {
		t.Fatalf("tools/call as a task answered %s, want a completed task", line)
	}
	s.send(`{"jsonrpc":"2.0","id":3,"method":"tasks/get","params":{"taskId":"` + id + `"}}`)
	if m, line := s.recvID(float64(3)); m["result"].(map[string]any)["status"] != "completed" {
		t.Errorf("tasks/get answered %s", line)
	}
	s.send(`{"jsonrpc":"2.0","id":4,"method":"tasks/result","params":{"taskId":"` + id + `"}}`)
	m, line = s.recvID(float64(4))
	if text, isErr := resultText(t, m); !isErr || !strings.Contains(text, "wiping is blocked") || !strings.Contains(line, id) {
		t.Errorf("tasks/result answered %s, want the denial tied to the task", line)
	}
	s.send(`{"jsonrpc":"2.0","id":5,"method":"tasks/cancel","params":{"taskId":"` + id + `"}}`)
	if m, line := s.recvID(float64(5)); m["error"] == nil {
		t.Errorf("tasks/cancel answered %s, want an error", line)
	}
	s.exit()
}
