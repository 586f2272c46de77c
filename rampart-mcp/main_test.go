package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"rampart-mcp":     main,
		"fake-mcp-server": fakeServer,
	})
}

var update = flag.Bool("u", false, "update testscript output files")

func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", RequireExplicitExec: true, UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("RAMPART_HOME", filepath.Join(env.WorkDir, ".rampart"))
			env.Setenv("RAMPART_SERVE_ADDR", "127.0.0.1:1") // never a real rampart-serve
			return nil
		}})
}

// testPolicy denies writes under a folder named protected, and MCP tools
// named wipe_*.
const testPolicy = `version: 1
default_action: allow
policies:
  - name: protect-folder
    match: {tool: [write]}
    rules:
      - action: deny
        when: {path_matches: ["**/protected/**"]}
        message: writes to the protected folder are blocked
  - name: no-wipe
    match: {tool: [mcp]}
    rules:
      - action: deny
        when: {tool_name_matches: ["wipe_*"]}
        message: wiping is blocked
`

// writePolicy writes testPolicy into dir and returns its path.
func writePolicy(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(p, []byte(testPolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// proxyCmd returns the proxy in front of server, with the test policy and
// an isolated home.
func proxyCmd(t *testing.T, flags []string, server ...string) *exec.Cmd {
	t.Helper()
	dir := t.TempDir()
	args := append([]string{"--config", writePolicy(t, dir)}, flags...)
	args = append(append(args, "--"), server...)
	cmd := exec.Command("rampart-mcp", args...)
	cmd.Env = append(os.Environ(), "RAMPART_HOME="+filepath.Join(dir, "home"), "RAMPART_SERVE_ADDR=127.0.0.1:1", "RAMPART_POLICY=")
	return cmd
}

// session is a raw JSON-RPC conversation with a proxy process.
type session struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *lockedBuffer
	lines  chan []byte
	kept   []kept
}

func start(t *testing.T, cmd *exec.Cmd) *session {
	t.Helper()
	s := &session{t: t, cmd: cmd, stderr: &lockedBuffer{}, lines: make(chan []byte, 64)}
	var err error
	if s.in, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s.out = bufio.NewReaderSize(out, 1<<20)
	go func() {
		defer close(s.lines)
		for {
			line, err := s.out.ReadBytes('\n')
			if len(line) > 0 {
				s.lines <- line
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		s.in.Close()
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	return s
}

// lockedBuffer collects a process's stderr while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (s *session) send(lines ...string) {
	s.t.Helper()
	for _, l := range lines {
		if _, err := io.WriteString(s.in, l+"\n"); err != nil {
			s.t.Fatalf("writing to the proxy: %v", err)
		}
	}
}

// recv returns the next message from the proxy, decoded.
func (s *session) recv() (map[string]any, string) {
	s.t.Helper()
	select {
	case line, ok := <-s.lines:
		if testing.Verbose() {
			s.t.Logf("<<< %.300s", line)
		}
		if !ok {
			s.t.Fatalf("the proxy closed its output; stderr:\n%s", s.stderr)
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			s.t.Fatalf("proxy wrote %q: %v", line, err)
		}
		return m, string(line)
	case <-time.After(20 * time.Second):
		s.t.Fatalf("no message from the proxy in 20s; stderr:\n%s", s.stderr)
	}
	return nil, ""
}

// recvID returns the response with the given id, keeping the messages that
// arrive before it for later calls.
func (s *session) recvID(id any) (map[string]any, string) {
	s.t.Helper()
	for i, m := range s.kept {
		if m.m["id"] == id && m.m["method"] == nil {
			s.kept = append(s.kept[:i], s.kept[i+1:]...)
			return m.m, m.line
		}
	}
	for {
		m, line := s.recv()
		if m["id"] == id && m["method"] == nil {
			return m, line
		}
		s.kept = append(s.kept, kept{m, line})
	}
}

type kept struct {
	m    map[string]any
	line string
}

// exit closes the proxy's input and returns its exit status.
func (s *session) exit() int {
	s.t.Helper()
	s.in.Close()
	err := s.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return 128 + int(ws.Signal())
		}
		return ee.ExitCode()
	}
	if err != nil {
		s.t.Fatalf("waiting for the proxy: %v", err)
	}
	return 0
}

func resultText(t *testing.T, m map[string]any) (string, bool) {
	t.Helper()
	res, ok := m["result"].(map[string]any)
	if !ok {
		t.Fatalf("no result in %v", m)
	}
	content, _ := res["content"].([]any)
	var b strings.Builder
	for _, c := range content {
		if cm, ok := c.(map[string]any); ok {
			s, _ := cm["text"].(string)
			b.WriteString(s)
		}
	}
	isErr, _ := res["isError"].(bool)
	return b.String(), isErr
}

const initialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw-test","version":"0"}}}`

func TestFakeRoundTrip(t *testing.T) {
	s := start(t, proxyCmd(t, []string{"--hide-denied"}, "fake-mcp-server"))
	s.send(initialize, `{"jsonrpc":"2.0","method":"notifications/initialized"}`, `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`)
	s.recvID(float64(1))
	m, line := s.recvID(float64(2))
	if strings.Contains(line, "wipe_disk") {
		t.Errorf("--hide-denied left wipe_disk in %s", line)
	}
	if tools := m["result"].(map[string]any)["tools"].([]any); len(tools) != 1 {
		t.Errorf("tools = %v", tools)
	}
	s.send(`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`,
		`{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"wipe_disk","arguments":{}}}`,
		`{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"secret","arguments":{}}}`)
	if text, isErr := resultText(t, mustID(s, float64(3))); text != "hi" || isErr {
		t.Errorf("echo = %q (isError %v)", text, isErr)
	}
	if text, isErr := resultText(t, mustID(s, float64(4))); !isErr || !strings.Contains(text, "wiping is blocked") {
		t.Errorf("wipe_disk = %q (isError %v), want a denial", text, isErr)
	}
	if text, _ := resultText(t, mustID(s, float64(5))); strings.Contains(text, "AKIAIOSFODNN7EXAMPLE") || !strings.Contains(text, "[REDACTED]") {
		t.Errorf("secret result = %q, want the key redacted", text)
	}
	if code := s.exit(); code != 0 {
		t.Errorf("exit status %d, want 0; stderr:\n%s", code, s.stderr)
	}
	if !strings.Contains(s.stderr.String(), "fake server ready") {
		t.Errorf("server stderr not passed through: %q", s.stderr)
	}
}

func mustID(s *session, id any) map[string]any {
	m, _ := s.recvID(id)
	return m
}

func TestServerCrashMidCall(t *testing.T) {
	s := start(t, proxyCmd(t, nil, "fake-mcp-server"))
	s.send(initialize)
	s.recvID(float64(1))
	s.send(`{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"crash","arguments":{}}}`)
	m, line := s.recvID(float64(7))
	e, ok := m["error"].(map[string]any)
	if !ok || e["code"] != float64(-32603) || !strings.Contains(e["message"].(string), "status 3") {
		t.Errorf("pending call answered %s, want a JSON-RPC error naming status 3", line)
	}
	if code := s.exit(); code != 3 {
		t.Errorf("exit status %d, want the server's 3", code)
	}
}

func TestTenMiBMessages(t *testing.T) {
	s := start(t, proxyCmd(t, nil, "fake-mcp-server"))
	s.send(initialize)
	s.recvID(float64(1))
	const n = 10 << 20
	big := strings.Repeat("a", n)
	s.send(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"size","arguments":{"text":"` + big + `"}}}`)
	if text, _ := resultText(t, mustID(s, float64(2))); text != "10485760" {
		t.Errorf("server saw %s bytes, want 10485760", text)
	}
	s.send(`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"big","arguments":{"n":10485760}}}`)
	if text, _ := resultText(t, mustID(s, float64(3))); len(text) != n {
		t.Errorf("client got %d bytes, want %d", len(text), n)
	}
}

func TestClientEOFEndsServer(t *testing.T) {
	s := start(t, proxyCmd(t, nil, "fake-mcp-server"))
	s.send(initialize)
	s.recvID(float64(1))
	if code := s.exit(); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

func TestStubbornServerIsKilled(t *testing.T) {
	cmd := proxyCmd(t, []string{"--grace", "200ms"}, "fake-mcp-server")
	cmd.Env = append(cmd.Env, "FAKE_STUBBORN=1")
	s := start(t, cmd)
	s.send(initialize)
	s.recvID(float64(1))
	if code := s.exit(); code != 128+int(syscall.SIGKILL) {
		t.Errorf("exit status %d, want %d (SIGKILL after SIGTERM was ignored)", code, 128+int(syscall.SIGKILL))
	}
}

func TestSignalForwarded(t *testing.T) {
	s := start(t, proxyCmd(t, nil, "fake-mcp-server"))
	s.send(initialize)
	s.recvID(float64(1))
	s.cmd.Process.Signal(syscall.SIGTERM)
	err := s.cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGTERM) {
		t.Errorf("proxy ended with %v, want status %d (the server killed by the forwarded SIGTERM)", err, 128+int(syscall.SIGTERM))
	}
}
