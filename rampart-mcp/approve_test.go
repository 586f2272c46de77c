package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// fakeServe stands in for rampart-serve's approval API: every approval it
// files is resolved by the verdict function on the first poll.
type fakeServe struct {
	mu      sync.Mutex
	filed   []map[string]any
	approve bool
}

func (f *fakeServe) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer agent-tok" {
		http.Error(w, `{"error":"unauthorized"}`, http.StatusUnauthorized)
		return
	}
	switch {
	case r.Method == "GET" && r.URL.Path == "/healthz":
		w.Write([]byte(`{"status":"ok"}`))
	case r.Method == "POST" && r.URL.Path == "/v1/approvals":
		var body map[string]any
		json.NewDecoder(r.Body).Decode(&body)
		f.mu.Lock()
		f.filed = append(f.filed, body)
		f.mu.Unlock()
		w.WriteHeader(http.StatusCreated)
		w.Write([]byte(`{"id":"01TESTAPPROVAL","status":"pending"}`))
	case r.Method == "GET" && strings.HasPrefix(r.URL.Path, "/v1/approvals/01TESTAPPROVAL"):
		status := "denied"
		if f.approve {
			status = "approved"
		}
		w.Write([]byte(`{"id":"01TESTAPPROVAL","status":"` + status + `","resolved_by":"admin","reason":"checked"}`))
	default:
		http.NotFound(w, r)
	}
}

const approvalPolicy = `version: 1
default_action: allow
policies:
  - name: ask-echo
    match: {tool: [mcp]}
    rules:
      - action: require_approval
        when: {tool_name_matches: ["echo"]}
        message: echo needs a human
`

func TestApprovalThroughServe(t *testing.T) {
	for _, approve := range []bool{true, false} {
		f := &fakeServe{approve: approve}
		srv := httptest.NewServer(f)
		dir := t.TempDir()
		homeDir := filepath.Join(dir, "home")
		os.MkdirAll(homeDir, 0o700)
		os.WriteFile(filepath.Join(homeDir, "agent.token"), []byte("agent-tok\n"), 0o600)
		pol := filepath.Join(dir, "p.yaml")
		os.WriteFile(pol, []byte(approvalPolicy), 0o600)
		cmd := proxyCmd(t, []string{"--config", pol}, "fake-mcp-server")
		cmd.Env = append(cmd.Env, "RAMPART_HOME="+homeDir, "RAMPART_SERVE_ADDR="+srv.URL)
		s := start(t, cmd)
		s.send(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`)
		text, isErr := resultText(t, mustID(s, float64(1)))
		if approve && (text != "hi" || isErr) {
			t.Errorf("approved call = %q (isError %v), want the server's answer", text, isErr)
		}
		if !approve && (!isErr || !strings.Contains(text, "approval denied") || !strings.Contains(text, "admin")) {
			t.Errorf("denied approval = %q (isError %v)", text, isErr)
		}
		if code := s.exit(); code != 0 {
			t.Errorf("exit %d", code)
		}
		srv.Close()
		if len(f.filed) != 1 {
			t.Fatalf("filed %d approvals, want 1", len(f.filed))
		}
		c, _ := f.filed[0]["call"].(map[string]any)
		if params, _ := c["params"].(map[string]any); c["tool"] != "mcp" || params["tool"] != "echo" || params["server"] != "fake" {
			t.Errorf("filed call = %v", f.filed[0])
		}
		if !strings.Contains(s.stderr.String(), "rampart approve 01TESTAPPROVAL") {
			t.Errorf("stderr does not say how to approve: %q", s.stderr)
		}
	}
}
