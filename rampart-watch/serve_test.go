package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestWithRampartServe runs the dashboard against the real rampart-serve,
// built from ../rampart-serve: its event stream feeds the rows, its
// approvals show in the footer, and a resolves one. Skipped with -short,
// since building the server takes a few seconds.
func TestWithRampartServe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds rampart-serve")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build rampart-serve")
	}
	dir := t.TempDir()
	serve := filepath.Join(dir, "rampart-serve")
	build := exec.Command(goTool, "build", "-o", serve, ".")
	build.Dir = filepath.Join("..", "rampart-serve")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build rampart-serve: %v\n%s", err, out)
	}
	policy := filepath.Join(dir, "policy.yaml")
	os.WriteFile(policy, []byte(`version: 1
name: e2e
default_action: allow
policies:
  - name: block-marker
    match: {tool: [exec]}
    rules:
      - action: deny
        when: {command_matches: ["touch */blocked-marker"]}
        message: marker blocked
  - name: ask-deploy
    match: {tool: [exec]}
    rules:
      - action: ask
        when: {command_matches: ["kubectl apply *"]}
        message: production change
`), 0o600)
	home := filepath.Join(dir, "home")
	srv := exec.Command(serve, "--addr", "127.0.0.1:0", "--config", policy)
	srv.Env = []string{"HOME=" + dir, "RAMPART_HOME=" + home, "PATH=/usr/bin:/bin"}
	stderr, _ := srv.StderrPipe()
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
	addr := ""
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if m := regexp.MustCompile(`listening on (http://\S+)`).FindStringSubmatch(sc.Text()); m != nil {
			addr = m[1]
			break
		}
	}
	if addr == "" {
		t.Fatal("rampart-serve did not say where it listens")
	}
	go func() {
		for sc.Scan() {
		}
	}()

	p := startPTY(t, 140, 20, dashEnv(dir), "--server", addr, "--config", policy)
	waitScreen(t, p, "the connection", has("connected to "+addr, "policy e2e (2 policies)"))

	token, _ := os.ReadFile(filepath.Join(home, "agent.token"))
	preflight := func(body string) map[string]any {
		req, _ := http.NewRequest(http.MethodPost, addr+"/v1/preflight/exec", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(token)))
		req.Header.Set("Prefer", "respond-async")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		return out
	}
	if d := preflight(`{"params":{"command":"touch /tmp/x/blocked-marker"}}`); d["decision"] != "deny" {
		t.Fatalf("preflight of the marker = %v, want deny", d)
	}
	held := preflight(`{"params":{"command":"kubectl apply -f prod.yaml"},"agent":"deploy-bot"}`)
	id, _ := held["approval_id"].(string)
	if id == "" {
		t.Fatalf("preflight of kubectl = %v, want a pending approval", held)
	}
	waitScreen(t, p, "both calls and the pending approval", has(
		"touch /tmp/x/blocked-marker", "kubectl apply -f prod.yaml", "✗ deny 1   ? approval 1",
		"pending 1/1 ▸ exec kubectl apply -f prod.yaml", "chain holds for seq 1-2"))

	p.typeKeys("a")
	waitScreen(t, p, "the approval resolved", has("approved "+id, "approvals: none pending"))
	admin, _ := os.ReadFile(filepath.Join(home, "admin.token"))
	req, _ := http.NewRequest(http.MethodGet, addr+"/v1/approvals/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(admin)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	resp.Body.Close()
	if !strings.Contains(buf.String(), `"status":"approved"`) || !strings.Contains(buf.String(), `"resolved_by":"admin"`) {
		t.Errorf("the server has %s, want it approved by admin", buf.String())
	}
	p.typeKeys("q")
	if err := p.exited(10 * time.Second); err != nil {
		t.Errorf("after q: %v", err)
	}
}
