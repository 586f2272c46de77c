package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
)

// npmPackagesFile lists, one a line, the MCP servers the end-to-end tests
// run, pinned to the versions checked on Node 20 (the SDK pin keeps both
// servers on one SDK). scripts/bench-mcp.sh reads it too, and shares the
// cache folder.
const npmPackagesFile = "testdata/npm-packages.txt"

var (
	npmOnce sync.Once
	npmDir  string
	npmErr  string
)

// npmServers returns the node_modules folder holding the packages listed in
// npmPackagesFile, installing them on first use into a cache folder kept
// across runs: $RAMPART_TEST_NPM_CACHE, else the user cache folder's
// rampart-test/npm, in a folder named by the list's hash. The test is
// skipped when node or npm is missing, and fails when the install does.
func npmServers(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("skipping: %s is not installed; the end-to-end tests run real MCP servers from npm", tool)
		}
	}
	npmOnce.Do(func() {
		b, err := os.ReadFile(npmPackagesFile)
		if err != nil {
			npmErr = err.Error()
			return
		}
		npmPackages := strings.Fields(string(b))
		root := os.Getenv("RAMPART_TEST_NPM_CACHE")
		if root == "" {
			c, err := os.UserCacheDir()
			if err != nil {
				c = os.TempDir()
			}
			root = filepath.Join(c, "rampart-test", "npm")
		}
		sum := sha256.Sum256([]byte(strings.Join(npmPackages, " ")))
		dir := filepath.Join(root, hex.EncodeToString(sum[:6]))
		mods := filepath.Join(dir, "node_modules")
		if _, err := os.Stat(filepath.Join(mods, "@modelcontextprotocol", "server-everything", "package.json")); err == nil {
			npmDir = mods
			return
		}
		if err := os.MkdirAll(root, 0o755); err != nil {
			npmErr = err.Error()
			return
		}
		// Install beside the final folder and rename, so that an
		// interrupted install is never taken for a complete one.
		tmp, err := os.MkdirTemp(root, "install-")
		if err != nil {
			npmErr = err.Error()
			return
		}
		defer os.RemoveAll(tmp)
		args := append([]string{"install", "--prefix", tmp, "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"}, npmPackages...)
		cmd := exec.Command("npm", args...)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			npmErr = "npm install: " + err.Error() + "\n" + string(out)
			return
		}
		t.Logf("installed %s in %v", strings.Join(npmPackages, " "), time.Since(start).Round(time.Second))
		if err := os.Rename(tmp, dir); err != nil {
			if _, statErr := os.Stat(mods); statErr != nil {
				npmErr = err.Error()
				return
			}
		}
		npmDir = mods
	})
	if npmErr != "" {
		t.Fatalf("installing the MCP servers from npm: %s", npmErr)
	}
	return npmDir
}

// fsServer is the command line of the filesystem server serving dir.
func fsServer(t *testing.T, dir string) []string {
	return []string{"node", filepath.Join(npmServers(t), "@modelcontextprotocol", "server-filesystem", "dist", "index.js"), dir}
}

// everythingServer is the command line of the everything server on stdio.
func everythingServer(t *testing.T) []string {
	return []string{"node", filepath.Join(npmServers(t), "@modelcontextprotocol", "server-everything", "dist", "index.js"), "stdio"}
}

// awsKey is AWS's documented example key: a credential to package secret,
// harmless anywhere.
const awsKey = "AKIAIOSFODNN7EXAMPLE"

// sandbox makes the folder the filesystem server serves: hello.txt, a file
// with a credential, and a protected folder the test policy guards.
func sandbox(t *testing.T) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"hello.txt":            "hello from the sandbox\n",
		"creds.txt":            "aws_access_key_id = " + awsKey + "\nregion = eu-west-1\n",
		"protected/readme.txt": "nothing may be written here\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func callLine(id int, tool string, args map[string]any, meta map[string]any) string {
	params := map[string]any{"name": tool, "arguments": args}
	if meta != nil {
		params["_meta"] = meta
	}
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": params})
	return string(b)
}

func TestFilesystemRaw(t *testing.T) {
	dir := sandbox(t)
	cmd := proxyCmd(t, nil, fsServer(t, dir)...)
	s := start(t, cmd)
	s.send(initialize, `{"jsonrpc":"2.0","method":"notifications/initialized"}`, `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`)
	init, _ := s.recvID(float64(1))
	if info := init["result"].(map[string]any)["serverInfo"].(map[string]any); info["name"] != "secure-filesystem-server" {
		t.Errorf("serverInfo = %v", info)
	}
	list, _ := s.recvID(float64(2))
	tools := list["result"].(map[string]any)["tools"].([]any)
	if len(tools) < 10 {
		t.Errorf("tools/list gave %d tools", len(tools))
	}

	s.send(callLine(3, "read_text_file", map[string]any{"path": filepath.Join(dir, "hello.txt")}, nil))
	if text, isErr := resultText(t, mustID(s, float64(3))); text != "hello from the sandbox\n" || isErr {
		t.Errorf("allowed read = %q (isError %v)", text, isErr)
	}

	marker := filepath.Join(dir, "protected", "blocked-marker")
	s.send(callLine(4, "write_file", map[string]any{"path": marker, "content": "x"}, nil))
	if text, isErr := resultText(t, mustID(s, float64(4))); !isErr || !strings.Contains(text, "writes to the protected folder are blocked") {
		t.Errorf("denied write = %q (isError %v), want the policy's message", text, isErr)
	}

	allowed := filepath.Join(dir, "written.txt")
	s.send(callLine(5, "write_file", map[string]any{"path": allowed, "content": "ok"}, nil))
	if text, isErr := resultText(t, mustID(s, float64(5))); isErr {
		t.Errorf("allowed write = %q (isError)", text)
	}

	s.send(callLine(6, "read_text_file", map[string]any{"path": filepath.Join(dir, "creds.txt")}, nil))
	m, line := s.recvID(float64(6))
	if text, _ := resultText(t, m); strings.Contains(line, awsKey) || !strings.Contains(text, "[REDACTED]") || !strings.Contains(text, "region = eu-west-1") {
		t.Errorf("credential read = %s, want the key redacted and the rest kept", line)
	}

	// A ping, an unknown method and a server error pass through.
	s.send(`{"jsonrpc":"2.0","id":"p1","method":"ping"}`, `{"jsonrpc":"2.0","id":7,"method":"no/such/method"}`)
	if m, _ := s.recvID("p1"); m["result"] == nil {
		t.Errorf("ping answered %v", m)
	}
	if m, _ := s.recvID(float64(7)); m["error"].(map[string]any)["code"] != float64(-32601) {
		t.Errorf("unknown method answered %v", m)
	}
	if code := s.exit(); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	if _, err := os.Stat(marker); !os.IsNotExist(err) {
		t.Errorf("the denied write created %s", marker)
	}
	if b, err := os.ReadFile(allowed); err != nil || string(b) != "ok" {
		t.Errorf("the allowed write left %q, %v", b, err)
	}
	if !strings.Contains(s.stderr.String(), "Secure MCP Filesystem Server running on stdio") {
		t.Errorf("server stderr not passed through: %q", s.stderr)
	}

	// The audit trail has the denial and the redaction, and not the key.
	trail := auditTrail(t, cmd)
	if strings.Contains(trail, awsKey) {
		t.Errorf("the audit trail holds the credential")
	}
	var denied, redacted bool
	for _, line := range strings.Split(strings.TrimSpace(trail), "\n") {
		var r struct {
			Tool     string
			Params   map[string]any
			Decision string
			Flags    []string
			Via      string
			Message  string
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("audit line %q: %v", line, err)
		}
		if r.Tool != "mcp" || r.Via != audit.ViaMCP || r.Params["server"] != "filesystem" {
			t.Errorf("audit record %s", line)
		}
		denied = denied || r.Decision == "deny" && r.Params["tool"] == "write_file"
		redacted = redacted || strings.Join(r.Flags, ",") == "redacted" && r.Params["tool"] == "read_text_file" && strings.Contains(r.Message, "aws_access_key_id")
	}
	if !denied || !redacted {
		t.Errorf("audit trail lacks the denial (%v) or the redaction (%v):\n%s", denied, redacted, trail)
	}
}

// auditTrail reads the audit log of the proxy run by cmd.
func auditTrail(t *testing.T, cmd *exec.Cmd) string {
	t.Helper()
	for _, kv := range cmd.Env {
		if h, ok := strings.CutPrefix(kv, "RAMPART_HOME="); ok {
			b, err := os.ReadFile(filepath.Join(h, "audit", "audit.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatal("no RAMPART_HOME")
	return ""
}

func TestEverythingRaw(t *testing.T) {
	s := start(t, proxyCmd(t, nil, everythingServer(t)...))
	s.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"sampling":{},"elicitation":{"form":{}}},"clientInfo":{"name":"raw-test","version":"0"}}}`)
	s.recvID(float64(1))
	// The server drops an initialized notification that arrives before it
	// has answered initialize, as a careful client never sends one.
	s.send(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	// The server adds its sampling and elicitation tools after
	// initialized, and says so with list_changed: wait until it has.
	for i := 0; ; i++ {
		s.send(`{"jsonrpc":"2.0","id":` + jsonString(fmt.Sprint("list-", i)) + `,"method":"tools/list"}`)
		_, line := s.recvID(fmt.Sprint("list-", i))
		if strings.Contains(line, "trigger-elicitation-request") && strings.Contains(line, "trigger-sampling-request") {
			break
		}
		if i == 50 {
			t.Fatalf("the server never listed its sampling and elicitation tools: %s", line)
		}
		time.Sleep(50 * time.Millisecond)
	}

	// Progress.
	s.send(callLine(3, "trigger-long-running-operation", map[string]any{"duration": 1, "steps": 2}, map[string]any{"progressToken": "tok-A"}))
	var progress []float64
	for {
		m, _ := s.recv()
		if m["method"] == "notifications/progress" {
			p := m["params"].(map[string]any)
			if p["progressToken"] == "tok-A" {
				progress = append(progress, p["progress"].(float64))
			}
			continue
		}
		if m["id"] == float64(3) {
			break
		}
	}
	if len(progress) != 2 || progress[1] != 2 {
		t.Errorf("progress relayed = %v, want [1 2]", progress)
	}

	// Sampling: the server's own request, with its own ids.
	s.send(callLine(4, "trigger-sampling-request", map[string]any{"prompt": "hi", "maxTokens": 10}, nil))
	req := s.serverRequest("sampling/createMessage")
	s.send(`{"jsonrpc":"2.0","id":` + rawID(req) + `,"result":{"role":"assistant","content":{"type":"text","text":"canned sample"},"model":"test-model","stopReason":"endTurn"}}`)
	if text, _ := resultText(t, mustID(s, float64(4))); !strings.Contains(text, "canned sample") {
		t.Errorf("sampling result = %q", text)
	}

	// Elicitation.
	s.send(callLine(5, "trigger-elicitation-request", map[string]any{}, nil))
	req = s.serverRequest("elicitation/create")
	s.send(`{"jsonrpc":"2.0","id":` + rawID(req) + `,"result":{"action":"decline"}}`)
	if text, _ := resultText(t, mustID(s, float64(5))); !strings.Contains(text, "declined") {
		t.Errorf("elicitation result = %q", text)
	}

	// Cancellation: the server stops answering the call (its progress may
	// go on), so the ping sent after the last step is answered first.
	s.send(callLine(6, "trigger-long-running-operation", map[string]any{"duration": 2, "steps": 4}, map[string]any{"progressToken": "tok-B"}))
	cancelled := false
	for {
		m, line := s.recv()
		if m["id"] == float64(6) {
			t.Fatalf("the cancelled call was answered: %s", line)
		}
		if m["method"] != "notifications/progress" {
			continue
		}
		p := m["params"].(map[string]any)
		if !cancelled {
			s.send(`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":6,"reason":"test cancel"}}`)
			cancelled = true
		}
		if p["progress"] == p["total"] {
			break
		}
	}
	time.Sleep(100 * time.Millisecond)
	s.send(`{"jsonrpc":"2.0","id":7,"method":"ping"}`)
	for {
		m, line := s.recv()
		if m["id"] == float64(6) {
			t.Fatalf("the cancelled call was answered: %s", line)
		}
		if m["id"] == float64(7) {
			break
		}
	}
	if code := s.exit(); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

// serverRequest skips to the server's next request of the given method.
func (s *session) serverRequest(method string) map[string]any {
	s.t.Helper()
	for {
		m, _ := s.recv()
		if m["method"] == method && m["id"] != nil {
			return m
		}
	}
}

func rawID(m map[string]any) string {
	b, _ := json.Marshal(m["id"])
	return string(b)
}
