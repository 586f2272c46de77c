package decide

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

func open(t *testing.T, cfg Config) *Point {
	t.Helper()
	dir := t.TempDir()
	if cfg.Home.Dir == "" {
		cfg.Home = home.Layout{Dir: filepath.Join(dir, ".rampart")}
	}
	if cfg.UserHome == "" {
		cfg.UserHome = dir
	}
	cfg.Via = "test"
	if cfg.Compile == nil {
		cfg.Compile = compile.Parse
	}
	p, err := Open(cfg)
	if err != nil {
		t.Logf("Open: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func exec(cmd, cwd string) call.Call {
	return call.Call{Tool: "exec", Params: call.Params{"command": cmd}, Cwd: cwd}
}

func TestDecideAuditsBeforeAnswering(t *testing.T) {
	p := open(t, Config{})
	if d := p.Decide(exec("rm -rf /", "/")); d.Decision != call.Deny {
		t.Fatalf("rm -rf / = %v", d.Decision)
	}
	if d := p.Decide(exec("git status", "/")); d.Decision != call.Allow {
		t.Fatalf("git status = %v", d.Decision)
	}
	res, err := audit.Verify(p.cfg.Home.AuditLog(), audit.VerifyOptions{})
	if err != nil || res.Problem != nil {
		t.Fatalf("Verify = %+v, %v", res, err)
	}
	b, _ := os.ReadFile(p.cfg.Home.AuditLog())
	if n := strings.Count(string(b), "\n"); n != 2 {
		t.Errorf("audit has %d records, want 2", n)
	}
}

func TestProjectLayerTightens(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "repo", "sub")
	os.MkdirAll(filepath.Join(root, "repo", ".rampart"), 0o755)
	os.MkdirAll(proj, 0o755)
	os.WriteFile(filepath.Join(root, "repo", ".rampart", "policy.yaml"), []byte(`
version: 1
policies:
  - name: no-docker
    match: {tool: [exec]}
    rules:
      - action: deny
        message: no docker in this repo
        when: {command_matches: ["docker"]}
  - name: loosen
    rules: [{action: allow}]
`), 0o644)
	p := open(t, Config{})
	if d := p.Decide(exec("docker ps", proj)); d.Decision != call.Deny || d.Message != "no docker in this repo" {
		t.Errorf("docker ps in project = %+v, want the project's deny", d)
	}
	if d := p.Decide(exec("docker ps", root)); d.Decision != call.Allow {
		t.Errorf("docker ps outside project = %+v, want allow", d)
	}
	if d := p.Decide(exec("rm -rf /", proj)); d.Decision != call.Deny {
		t.Errorf("project allow loosened rm -rf /: %+v", d)
	}
}

func TestBrokenProjectPolicyFailsClosed(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, ".rampart"), 0o755)
	os.WriteFile(filepath.Join(root, ".rampart", "policy.yaml"), []byte("policies: [\n"), 0o644)
	p := open(t, Config{})
	if d := p.Decide(exec("ls", root)); d.Decision != call.Deny || !strings.Contains(d.Message, "project policy could not be loaded") {
		t.Errorf("broken project policy: %+v, want deny with the reason", d)
	}
}

func TestBadPolicyFailsClosedOrOpen(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("version: 1\nwat: 1\n"), 0o644)
	p := open(t, Config{PolicyPath: bad})
	if d := p.Decide(exec("ls", "/")); d.Decision != call.Deny || !strings.Contains(d.Message, "unknown key") {
		t.Errorf("bad policy: %+v, want deny with the reason", d)
	}
	p = open(t, Config{PolicyPath: bad, FailOpen: true})
	if d := p.Decide(exec("ls", "/")); d.Decision != call.Allow || len(d.Flags) == 0 || d.Flags[0] != call.FlagFailOpen {
		t.Errorf("bad policy with fail-open: %+v, want flagged allow", d)
	}
}

func TestUnwritableAuditFailsClosed(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, nil, 0o644)
	p := open(t, Config{AuditPath: filepath.Join(f, "audit.jsonl")})
	if d := p.Decide(exec("git status", "/")); d.Decision != call.Deny || !strings.Contains(d.Message, "audit log could not be written") {
		t.Errorf("unwritable audit: %+v, want deny", d)
	}
}

func TestMonitorAllowsAndRecordsWouldBe(t *testing.T) {
	p := open(t, Config{Monitor: true, Now: func() time.Time { return time.Unix(1e9, 0) }})
	d := p.Decide(exec("rm -rf /", "/"))
	if d.Decision != call.Allow || !strings.HasPrefix(d.Message, "monitor mode: would deny") {
		t.Errorf("monitor: %+v", d)
	}
	b, _ := os.ReadFile(p.cfg.Home.AuditLog())
	if !strings.Contains(string(b), `"decision":"deny"`) || !strings.Contains(string(b), `"monitor"`) {
		t.Errorf("audit record lacks the would-be deny: %s", b)
	}
}

func TestReloadKeepsLastGoodPolicy(t *testing.T) {
	f := filepath.Join(t.TempDir(), "p.yaml")
	os.WriteFile(f, []byte("version: 1\ndefault_action: deny\n"), 0o644)
	p := open(t, Config{PolicyPath: f, NoAudit: true})
	os.WriteFile(f, []byte("version: 1\ndefault_action: nope\n"), 0o644)
	if err := p.Reload(); err == nil {
		t.Fatalf("Reload of a bad file succeeded")
	}
	if d := p.Decide(exec("ls", "/")); d.Decision != call.Deny {
		t.Errorf("after bad reload: %+v, want the old default deny", d)
	}
	os.WriteFile(f, []byte("version: 1\ndefault_action: allow\n"), 0o644)
	if err := p.Reload(); err != nil {
		t.Fatal(err)
	}
	if d := p.Decide(exec("ls", "/")); d.Decision != call.Allow {
		t.Errorf("after good reload: %+v, want allow", d)
	}
}
