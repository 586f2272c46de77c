package decide

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/home"
)

const denyMarker = `
version: 1
default_action: allow
policies:
  - name: no-marker
    match: {tool: [exec]}
    rules:
      - action: deny
        message: marker blocked
        when: {command_matches: ["touch *marker*"]}
`

const allowAll = `
version: 1
default_action: allow
policies:
  - name: everything
    rules: [{action: allow}]
`

func write(t *testing.T, path, body string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestManagedPolicyCannotBeLoosened(t *testing.T) {
	dir := t.TempDir()
	managed := write(t, filepath.Join(dir, "etc", "policy.yaml"), denyMarker)
	user := write(t, filepath.Join(dir, "user.yaml"), allowAll)
	p := open(t, Config{ManagedPath: managed, PolicyPath: user})
	d := p.Decide(exec("touch /tmp/marker", dir))
	if d.Decision != call.Deny || d.Message != "marker blocked" {
		t.Fatalf("managed deny under an allow-all user policy = %+v", d)
	}
	tiers, err := p.Tiers(dir)
	if err != nil || len(tiers) != 2 || tiers[1].Layer != "managed" {
		t.Fatalf("Tiers = %+v, %v", tiers, err)
	}
	// The user can still tighten.
	loose := write(t, filepath.Join(dir, "etc", "loose.yaml"), allowAll)
	p2 := open(t, Config{ManagedPath: loose, PolicyPath: write(t, filepath.Join(dir, "strict.yaml"), denyMarker)})
	if d := p2.Decide(exec("touch marker", dir)); d.Decision != call.Deny {
		t.Errorf("user deny under an allow-all managed policy = %+v", d)
	}
}

func TestBrokenPoliciesFailClosed(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]func(l home.Layout) Config{
		"managed unreadable": func(home.Layout) Config {
			return Config{ManagedPath: write(t, filepath.Join(dir, "bad-managed.yaml"), "policies: [")}
		},
		"managed dangling symlink": func(home.Layout) Config {
			link := filepath.Join(dir, "dangling-managed.yaml")
			os.Symlink(filepath.Join(dir, "nowhere"), link)
			return Config{ManagedPath: link}
		},
		"home policy dangling symlink": func(l home.Layout) Config {
			os.MkdirAll(l.Dir, 0o755)
			os.Symlink(filepath.Join(dir, "nowhere"), l.Policy())
			return Config{Home: l}
		},
		"configured file missing": func(home.Layout) Config {
			return Config{PolicyPath: filepath.Join(dir, "missing.yaml")}
		},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			l := home.Layout{Dir: filepath.Join(t.TempDir(), ".rampart")}
			cfg := mk(l)
			if cfg.Home.Dir == "" {
				cfg.Home = l
			}
			p := open(t, cfg)
			if d := p.Decide(exec("git status", dir)); d.Decision != call.Deny || !strings.Contains(d.Message, "could not be loaded") {
				t.Errorf("git status = %+v, want a deny saying the policy could not be loaded", d)
			}
		})
	}
}

func TestReloadKeepsLastGoodPolicyWhenFileGoes(t *testing.T) {
	l := home.Layout{Dir: filepath.Join(t.TempDir(), ".rampart")}
	write(t, l.Policy(), denyMarker)
	p := open(t, Config{Home: l, ManagedPath: "-"})
	if d := p.Decide(exec("touch marker", "/")); d.Decision != call.Deny {
		t.Fatalf("before = %+v", d)
	}
	os.Remove(l.Policy())
	if err := p.Reload(); err == nil || !strings.Contains(err.Error(), "removed") {
		t.Fatalf("Reload after removal = %v, want an error", err)
	}
	if d := p.Decide(exec("touch marker", "/")); d.Decision != call.Deny {
		t.Errorf("after removal = %+v, want the last good policy's deny", d)
	}
	write(t, l.Policy(), "not: [valid")
	if err := p.Reload(); err == nil {
		t.Fatal("Reload of a broken file succeeded")
	}
	if d := p.Decide(exec("touch marker", "/")); d.Decision != call.Deny {
		t.Errorf("after a broken file = %+v, want the last good policy's deny", d)
	}
}

func TestProjectAddedMidSessionIsSeen(t *testing.T) {
	root := t.TempDir()
	p := open(t, Config{ManagedPath: "-"})
	if d := p.Decide(exec("touch marker", root)); d.Decision != call.Allow {
		t.Fatalf("before = %+v", d)
	}
	write(t, filepath.Join(root, ProjectFile), denyMarker)
	if d := p.Decide(exec("touch marker", filepath.Join(root))); d.Decision != call.Deny {
		t.Errorf("after the project policy appeared = %+v", d)
	}
	os.Chmod(filepath.Join(root, ProjectFile), 0)
	if os.Geteuid() != 0 {
		if d := p.Decide(exec("git status", root)); d.Decision != call.Deny {
			t.Errorf("unreadable project policy = %+v, want deny", d)
		}
	}
}

func TestNoCwdIsTheProcessDirectory(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ProjectFile), denyMarker)
	p := open(t, Config{ManagedPath: "-", Cwd: root})
	if d := p.Decide(exec("touch marker", "")); d.Decision != call.Deny {
		t.Errorf("a call with no cwd skipped the project of the process's directory: %+v", d)
	}
}

func TestResolveEnvOnlyTightens(t *testing.T) {
	env := map[string]string{
		"RAMPART_MODE":      "monitor",
		"RAMPART_FAIL_OPEN": "1",
		"RAMPART_PROFILE":   "paranoid",
		"RAMPART_POLICY":    "/p.yaml",
		"RAMPART_VERSION":   "true",
	}
	cfg, warns, err := Resolve(Flags{Profile: "standard"}, func(k string) string { return env[k] }, "/home/u")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Monitor || cfg.FailOpen {
		t.Errorf("environment weakened enforcement: monitor %v, fail-open %v", cfg.Monitor, cfg.FailOpen)
	}
	if len(warns) != 2 {
		t.Errorf("warnings = %q, want two", warns)
	}
	if cfg.PolicyPath != "" || cfg.Profile != "standard" || len(cfg.TightenFiles) != 1 || cfg.TightenFiles[0] != "/p.yaml" {
		t.Errorf("RAMPART_POLICY should add a tier that only tightens, leaving --profile the policy: %+v", cfg)
	}
	if len(cfg.Tighten) != 1 || cfg.Tighten[0] != "paranoid" {
		t.Errorf("Tighten = %v", cfg.Tighten)
	}
	cfg, _, _ = Resolve(Flags{Config: "/c.yaml", Mode: "monitor"}, func(k string) string {
		return map[string]string{"RAMPART_POLICY": "/p.yaml", "RAMPART_MODE": "enforce"}[k]
	}, "/home/u")
	if cfg.PolicyPath != "/c.yaml" || cfg.Monitor {
		t.Errorf("--config beats RAMPART_POLICY and RAMPART_MODE=enforce tightens: %+v", cfg)
	}
}

func TestEnvProfileTightensOnly(t *testing.T) {
	dir := t.TempDir()
	user := write(t, filepath.Join(dir, "user.yaml"), allowAll)
	p := open(t, Config{ManagedPath: "-", PolicyPath: user, Tighten: []string{"yolo"}})
	if d := p.Decide(exec("touch marker", dir)); d.Decision == call.Deny {
		t.Fatalf("allow-all = %+v", d)
	}
	p = open(t, Config{ManagedPath: "-", PolicyPath: user, Tighten: []string{"standard"}})
	if d := p.Decide(exec("rm -rf /", dir)); d.Decision != call.Deny {
		t.Errorf("RAMPART_PROFILE=standard over allow-all = %+v, want deny", d)
	}
}

func TestDecideResponseUsesProjectLayer(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ProjectFile), `
version: 1
policies:
  - name: no-internal
    rules:
      - action: deny
        message: internal hostnames stay inside
        when: {response_matches: ["*corp.internal*"]}
`)
	p := open(t, Config{ManagedPath: "-"})
	c := exec("cat notes", root)
	if r := p.DecideResponse(c, "see db.corp.internal", ""); r.Decision.Decision != call.Deny {
		t.Errorf("project response rule = %+v", r.Decision)
	}
	if r := p.DecideResponse(exec("cat notes", t.TempDir()), "see db.corp.internal", ""); r.Decision.Decision != call.Allow {
		t.Errorf("outside the project = %+v", r.Decision)
	}
	r := p.DecideResponse(c, map[string]any{"text": "AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}, "")
	if r.Decision.Decision != call.Deny || !r.Found() || r.Redacted == nil {
		t.Errorf("credentials = %+v", r)
	}
}

// A finding in a tool's output that cannot be audited still withholds it.
func TestResponseAuditFailureBlocks(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "file"), "a regular file")
	p := open(t, Config{ManagedPath: "-", AuditPath: filepath.Join(dir, "file", "audit.jsonl")})
	p.openErr = nil // the audit trail breaks after the point opened
	r := p.DecideResponse(exec("env", dir), "K=AKIAIOSFODNN7EXAMPLE", "")
	if r.Decision.Decision != call.Deny || !strings.Contains(r.Decision.Message, "cannot audit a finding") {
		t.Errorf("got %+v, want a deny naming the audit failure", r.Decision)
	}
}

// A full disk is named as such (ENOSPC; ERROR_DISK_FULL on Windows).
func TestAuditFailureNamesFullDisk(t *testing.T) {
	err := &os.PathError{Op: "write", Path: "/r/audit.jsonl", Err: diskFull[0]}
	if got := auditFailure(err); !strings.Contains(got, "the disk is full") {
		t.Errorf("auditFailure(ENOSPC) = %q", got)
	}
	if got := auditFailure(os.ErrPermission); strings.Contains(got, "full") {
		t.Errorf("auditFailure(EPERM) = %q", got)
	}
}

// Decisions from many goroutines while the policy reloads and a project
// layer comes and goes: run with -race.
func TestConcurrentDecideReloadAndProjects(t *testing.T) {
	root := t.TempDir()
	l := home.Layout{Dir: filepath.Join(root, ".rampart")}
	write(t, l.Policy(), denyMarker)
	p := open(t, Config{Home: l, ManagedPath: "-", NoAudit: true})
	proj := filepath.Join(root, "p")
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 50; i++ {
			write(t, filepath.Join(proj, ProjectFile), denyMarker)
			p.Reload()
			os.Remove(filepath.Join(proj, ProjectFile))
		}
	}()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if d := p.Decide(exec("touch marker", proj)); d.Decision != call.Deny {
					t.Errorf("touch marker = %+v, want the user policy's deny", d)
					return
				}
			}
		}()
	}
	wg.Wait()
	<-done
}

// TestEnvPolicyTightensOnly: a permissive policy named by RAMPART_POLICY
// cannot loosen the user's policy; a stricter one tightens it.
func TestEnvPolicyTightensOnly(t *testing.T) {
	dir := t.TempDir()
	allowAll := filepath.Join(dir, "allow.yaml")
	if err := os.WriteFile(allowAll, []byte("version: 1\nextends: yolo\ndefault_action: allow\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, _, err := Resolve(Flags{Profile: "standard"}, func(k string) string {
		return map[string]string{"RAMPART_POLICY": allowAll}[k]
	}, dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ManagedPath, cfg.NoAudit = "-", true
	p := open(t, cfg)
	if d := p.Decide(call.Call{Tool: call.ToolExec, Params: call.Params{"command": "rm -rf /"}, Cwd: dir}); d.Decision != call.Deny {
		t.Errorf("a permissive RAMPART_POLICY loosened the policy: %+v", d)
	}
}

// HasResponseRules and Decide read the tiers into an array of their own
// (appendTiers): HasResponseRules follows a project layer with
// response_matches rules as it comes and goes, under the env tiers too,
// and with the walk kept it allocates nothing.
func TestHasResponseRulesFollowsProject(t *testing.T) {
	root := t.TempDir()
	cwd := filepath.Join(root, "sub")
	mustDo(t, os.MkdirAll(cwd, 0o755))
	user := write(t, filepath.Join(root, "user.yaml"), allowAll)
	for _, tighten := range [][]string{nil, {"standard", "paranoid", "yolo"}} {
		p := open(t, Config{ManagedPath: "-", PolicyPath: user, Tighten: tighten, NoAudit: true})
		warm(t, p, cwd)
		tiers, err := p.Tiers(cwd)
		if err != nil || len(tiers) != 1+len(tighten) {
			t.Fatalf("Tiers = %d tiers, %v; want %d", len(tiers), err, 1+len(tighten))
		}
		if p.HasResponseRules(cwd) {
			t.Fatalf("tighten %v: response rules before the project layer", tighten)
		}
		proj := write(t, filepath.Join(cwd, ProjectFile), `
version: 1
policies:
  - name: no-internal
    rules:
      - action: deny
        when: {response_matches: ["*corp.internal*"]}
`)
		if !p.HasResponseRules(cwd) {
			t.Errorf("tighten %v: the project layer's response rules are not seen", tighten)
		}
		mustDo(t, os.RemoveAll(filepath.Dir(proj)))
		if p.HasResponseRules(cwd) {
			t.Errorf("tighten %v: the removed project layer's response rules are still seen", tighten)
		}
		warm(t, p, cwd)
		if n := testing.AllocsPerRun(50, func() { p.HasResponseRules(cwd) }); n != 0 {
			t.Errorf("tighten %v: HasResponseRules allocates %v times a call, want 0", tighten, n)
		}
	}
}
