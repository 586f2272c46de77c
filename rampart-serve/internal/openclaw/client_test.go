package openclaw_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
	"rampart.dev/rampart-serve/internal/openclaw"
	"rampart.dev/rampart-serve/internal/server"
)

const testPolicy = `version: 1
default_action: allow
policies:
  - name: no-marker
    match: {tool: [exec]}
    rules:
      - action: deny
        when: {command_matches: ["touch */blocked-marker"]}
        message: "the blocked marker may not be touched"
  - name: needs-human
    match: {tool: [exec]}
    rules:
      - action: require_approval
        when: {command_matches: ["echo needs-approval*"]}
        message: "a human must say yes"
`

const gatewayToken = "gw-token-0123456789abcdef"

// rig is a real decision point and approval store (rampart-serve's), a
// fake gateway, and a client running between them.
type rig struct {
	dir   string
	gw    *fakeGateway
	srv   *server.Server
	audit string
	stop  func()
}

func newRig(t *testing.T, setup func(*fakeGateway)) *rig {
	t.Helper()
	dir := t.TempDir()
	pol := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(pol, []byte(testPolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &rig{dir: dir, audit: filepath.Join(dir, "audit", "audit.jsonl")}
	p, err := decide.Open(decide.Config{PolicyPath: pol, Home: home.Layout{Dir: dir}, UserHome: dir, Via: "serve", Compile: compile.Parse})
	if err != nil {
		t.Fatal(err)
	}
	r.srv, err = server.New(server.Config{
		Point: p, AgentToken: strings.Repeat("a", 32), AdminToken: strings.Repeat("b", 32),
		Approvals: filepath.Join(dir, "approvals"), AuditLog: r.audit, UserHome: dir, Cwd: dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	r.gw = newFakeGateway(t, gatewayToken)
	if setup != nil {
		setup(r.gw)
	}
	id, err := openclaw.LoadOrCreateIdentity(filepath.Join(dir, "openclaw-device.pem"))
	if err != nil {
		t.Fatal(err)
	}
	cl, err := openclaw.New(openclaw.Config{
		URL: r.gw.url(), Token: gatewayToken, Identity: id, Point: p, Approver: r.srv,
		Version: "test", Log: testLog{t}, MinBackoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); cl.Run(ctx) }()
	r.stop = func() {
		cancel()
		<-done
		r.srv.Close()
		p.Close()
	}
	t.Cleanup(r.stop)
	return r
}

type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// auditLines returns the audit trail's lines that mention s.
func (r *rig) auditLines(t *testing.T, s string) []string {
	t.Helper()
	f, err := os.Open(r.audit)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.Contains(sc.Text(), s) {
			out = append(out, sc.Text())
		}
	}
	return out
}

// waitPending waits for n pending approvals in rampart-serve's store.
func (r *rig) waitPending(t *testing.T, n int) []approval.Approval {
	t.Helper()
	for range 400 {
		if l := r.srv.Store().List(approval.Pending); len(l) == n {
			return l
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("never saw %d pending approvals: %v", n, r.srv.Store().List(approval.Pending))
	return nil
}

func TestConnectParams(t *testing.T) {
	r := newRig(t, nil)
	p := r.gw.waitHello(t) // the fake gateway checked token, scopes, caps and signature
	client := p["client"].(map[string]any)
	if client["displayName"] != "Rampart" || client["id"] != "gateway-client" {
		t.Errorf("client = %v, want id gateway-client and displayName Rampart", client)
	}
}

func TestDecisions(t *testing.T) {
	tests := []struct {
		name, command string
		resolve       func(t *testing.T, r *rig) // for asks: what the person does
		want          string
	}{
		{name: "deny", command: "touch /tmp/x/blocked-marker", want: "deny"},
		{name: "allow", command: "git status", want: "allow-once"},
		{name: "ask-approved", command: "echo needs-approval yes", want: "allow-once", resolve: func(t *testing.T, r *rig) {
			a := r.waitPending(t, 1)[0]
			if a.Call.Agent != "openclaw" || a.Call.Session != "agent:main:main" || a.Call.Cwd != "/home/u/project" {
				t.Errorf("held call = %+v, want agent openclaw with the request's session and cwd", a.Call)
			}
			if _, err := r.srv.Store().Resolve(a.ID, true, "admin", "fine"); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "ask-denied", command: "echo needs-approval no", want: "deny", resolve: func(t *testing.T, r *rig) {
			a := r.waitPending(t, 1)[0]
			if _, err := r.srv.Store().Resolve(a.ID, false, "admin", "no"); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, nil)
			r.gw.waitHello(t)
			r.gw.request("appr-"+tt.name, tt.command, time.Minute, true)
			if tt.resolve != nil {
				tt.resolve(t, r)
			}
			got := r.gw.waitResolved(t)
			if got.ID != "appr-"+tt.name || got.Decision != tt.want {
				t.Errorf("resolved %+v, want %s with %s", got, "appr-"+tt.name, tt.want)
			}
			r.stop()
			if n := len(r.auditLines(t, "openclaw approval appr-"+tt.name+" answered "+tt.want)); n != 1 {
				t.Errorf("%d audit records of the answer, want 1", n)
			}
			if n := len(r.auditLines(t, `"agent":"openclaw"`)); n < 2 {
				t.Errorf("%d audit records for the request, want the decision and the answer", n)
			}
		})
	}
}

func TestAskExpires(t *testing.T) {
	r := newRig(t, nil)
	r.gw.waitHello(t)
	r.gw.request("appr-expiring", "echo needs-approval late", 1500*time.Millisecond, true)
	r.waitPending(t, 1)
	got := r.gw.waitResolved(t)
	if got.Decision != "deny" {
		t.Errorf("an unanswered ask resolved %q, want deny", got.Decision)
	}
	if l := r.srv.Store().List(approval.Expired); len(l) != 1 {
		t.Errorf("%d expired approvals, want 1", len(l))
	}
}

func TestPendingBeforeConnect(t *testing.T) {
	r := newRig(t, func(g *fakeGateway) {
		g.request("appr-early", "touch /tmp/early/blocked-marker", time.Minute, false)
	})
	if got := r.gw.waitResolved(t); got != (resolution{"appr-early", "deny"}) {
		t.Errorf("resolved %+v, want appr-early denied", got)
	}
}

func TestRetriesARefusedConnect(t *testing.T) {
	r := newRig(t, func(g *fakeGateway) { g.refuse = 2 })
	r.gw.waitHello(t)
	r.gw.mu.Lock()
	n := r.gw.connects
	r.gw.mu.Unlock()
	if n < 3 {
		t.Errorf("%d connects, want 3 (two refused)", n)
	}
}

// An ask held while the gateway restarts is answered on the new connection.
func TestAskSurvivesReconnect(t *testing.T) {
	r := newRig(t, nil)
	r.gw.waitHello(t)
	r.gw.request("appr-across", "echo needs-approval across", time.Minute, true)
	a := r.waitPending(t, 1)[0]
	r.gw.dropAll()
	r.gw.waitHello(t)
	if _, err := r.srv.Store().Resolve(a.ID, true, "admin", ""); err != nil {
		t.Fatal(err)
	}
	if got := r.gw.waitResolved(t); got != (resolution{"appr-across", "allow-once"}) {
		t.Errorf("resolved %+v, want appr-across allowed once", got)
	}
	if l := r.srv.Store().List(""); len(l) != 1 {
		t.Errorf("%d approvals in the store, want 1: the relist after reconnect must not hold it again", len(l))
	}
}

func TestRejectsBadToken(t *testing.T) {
	dir := t.TempDir()
	gw := newFakeGateway(t, gatewayToken)
	p, err := decide.Open(decide.Config{Profile: "standard", Home: home.Layout{Dir: dir}, UserHome: dir, Via: "serve", Compile: compile.Parse})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	id, _ := openclaw.GenerateIdentity()
	var log strings.Builder
	cl, _ := openclaw.New(openclaw.Config{URL: gw.url(), Token: "wrong", Identity: id, Point: p, Log: &syncWriter{b: &log}, MinBackoff: 10 * time.Millisecond})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	cl.Run(ctx)
	if !strings.Contains(log.String(), "AUTH_TOKEN_MISMATCH") {
		t.Errorf("log = %q, want the gateway's refusal", log.String())
	}
}
