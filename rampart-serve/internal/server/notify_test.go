package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

// startNotify starts a server with the test policy and notifications.
func startNotify(t *testing.T, n Notify) *tenv { return startNotifyIn(t, t.TempDir(), n) }

// startNotifyIn starts it in the home dir (a restart when reused).
func startNotifyIn(t *testing.T, dir string, n Notify) *tenv {
	t.Helper()
	e := &tenv{t: t, dir: dir, policy: filepath.Join(dir, "policy.yaml"), audit: filepath.Join(dir, "audit", "audit.jsonl")}
	if err := os.WriteFile(e.policy, []byte(testPolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := decide.Open(decide.Config{PolicyPath: e.policy, Home: home.Layout{Dir: dir}, UserHome: dir, Via: "serve", Compile: compile.Parse})
	if err != nil {
		t.Fatal(err)
	}
	e.point = p
	e.srv, err = New(Config{
		Point: p, AgentToken: agentTok, AdminToken: adminTok,
		Approvals: filepath.Join(dir, "approvals"), AuditLog: e.audit, UserHome: dir, Cwd: dir,
		Notify: n,
	})
	if err != nil {
		t.Fatal(err)
	}
	e.ts = httptest.NewServer(e.srv)
	e.ts.Client().Timeout = 30 * time.Second
	t.Cleanup(e.stop)
	return e
}

// receiver is a webhook on loopback that keeps what it is sent.
type receiver struct {
	mu     sync.Mutex
	bodies [][]byte
	got    chan struct{}
}

func newReceiver(t *testing.T) (*receiver, *httptest.Server) {
	r := &receiver{got: make(chan struct{}, 100)}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		if req.Header.Get("Content-Type") != "application/json" || req.Header.Get("X-Test") != "yes" && strings.Contains(req.URL.Path, "hdr") {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		r.bodies = append(r.bodies, b)
		r.mu.Unlock()
		r.got <- struct{}{}
	}))
	t.Cleanup(ts.Close)
	return r, ts
}

func (r *receiver) wait(t *testing.T) []byte {
	t.Helper()
	select {
	case <-r.got:
	case <-time.After(30 * time.Second):
		t.Fatal("the webhook was not called")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.bodies[len(r.bodies)-1]
}

// A GitHub token in the held command: notifications must not carry it.
const heldCommand = "echo needs-approval ghp_0123456789abcdefghijABCDEFGHIJ012345"

func TestNotifyWebhooks(t *testing.T) {
	plain, plainTS := newReceiver(t)
	slack, slackTS := newReceiver(t)
	e := startNotify(t, Notify{
		BaseURL: "http://rampart.example:9090",
		Webhooks: []Webhook{
			{URL: plainTS.URL + "/hdr", Format: FormatJSON, Headers: map[string]string{"X-Test": "yes"}},
			{URL: slackTS.URL + "/services/T0/B0/secret", Format: FormatSlack},
		},
	})
	a, resp := e.call("/v1/tool/exec", map[string]any{"params": map[string]any{"command": heldCommand}, "agent": "deploy-bot"}, "Prefer", "respond-async")
	if a.code != http.StatusAccepted || resp.ApprovalID == "" {
		t.Fatalf("held call: %d %s", a.code, a.body)
	}
	id := resp.ApprovalID

	body := plain.wait(t)
	if strings.Contains(string(body), "ghp_0123") {
		t.Errorf("the JSON notification carries the credential: %s", body)
	}
	var n Notification
	if err := json.Unmarshal(body, &n); err != nil {
		t.Fatalf("JSON notification: %v\n%s", err, body)
	}
	cmd, _ := n.Approval.Call.Params["command"].(string)
	if n.Event != "approval.pending" || n.Approval.ID != id || n.Approval.Status != "pending" ||
		!strings.HasPrefix(cmd, "echo needs-approval ") || n.Approval.Call.Agent != "deploy-bot" ||
		n.Approval.Decision.Message != "a human must say yes" {
		t.Errorf("JSON notification = %s", body)
	}
	if n.Resolve.Approve != "rampart approve "+id || n.Resolve.Deny != "rampart deny "+id ||
		n.Resolve.HTTP != "POST http://rampart.example:9090/v1/approvals/"+id+"/resolve" {
		t.Errorf("resolve = %+v", n.Resolve)
	}

	body = slack.wait(t)
	var s struct {
		Text   string `json:"text"`
		Blocks []struct {
			Type string `json:"type"`
			Text struct{ Type, Text string }
		} `json:"blocks"`
	}
	if err := json.Unmarshal(body, &s); err != nil || len(s.Blocks) == 0 {
		t.Fatalf("Slack notification: %v\n%s", err, body)
	}
	all := s.Text
	for _, b := range s.Blocks {
		if b.Type != "section" || b.Text.Type != "mrkdwn" {
			t.Errorf("block %+v is not a mrkdwn section", b)
		}
		all += "\n" + b.Text.Text
	}
	for _, want := range []string{id, "rampart approve " + id, "rampart deny " + id, "deploy-bot", "needs-human", "/v1/approvals/" + id + "/resolve"} {
		if !strings.Contains(all, want) {
			t.Errorf("the Slack notification lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(string(body), "ghp_0123") {
		t.Errorf("the Slack notification carries the credential: %s", body)
	}

	// The notified human resolves it with the endpoint the message names.
	if r := e.do("POST", "/v1/approvals/"+id+"/resolve", adminTok, map[string]any{"approved": false, "reason": "no"}); r.code != http.StatusOK {
		t.Fatalf("resolve: %d %s", r.code, r.body)
	}
	if m := metric(t, e, `rampart_notifications_total{outcome="sent"}`); m != "2" {
		t.Errorf("sent = %s, want 2", m)
	}
}

// TestNotifyDeadAndSlowWebhooks: a webhook that refuses connections and one
// that never answers do not hold up decisions; what cannot be delivered is
// counted and audited.
func TestNotifyDeadAndSlowWebhooks(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close() // nothing listens there any more
	release := make(chan struct{})
	var entered sync.Once
	var answered atomic.Bool
	inSlow := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered.Do(func() { close(inSlow) })
		select {
		case <-release:
		case <-r.Context().Done():
		}
		answered.Store(true)
	}))
	defer slow.Close()
	defer close(release)

	e := startNotify(t, Notify{
		Webhooks: []Webhook{{URL: deadURL}, {URL: slow.URL + "/services/secret-path"}},
		Queue:    1, Retries: 1, Backoff: 10 * time.Millisecond, Timeout: time.Minute,
	})
	hold := func() string {
		a, resp := e.call("/v1/tool/exec", map[string]any{"params": map[string]any{"command": "echo needs-approval now"}}, "Prefer", "respond-async")
		if a.code != http.StatusAccepted {
			t.Fatalf("held call: %d %s", a.code, a.body)
		}
		return resp.ApprovalID
	}
	hold()
	<-inSlow // the slow webhook now holds its sender
	// Decisions go on while it hangs: each of these answers while the
	// slow webhook has not answered the first notification.
	for i := 0; i < 4; i++ {
		hold()
	}
	if answered.Load() {
		t.Fatal("the held calls were answered only after the slow webhook answered")
	}
	if d := metric(t, e, `rampart_notifications_total{outcome="dropped"}`); d == "0" {
		t.Errorf("no notification was dropped with a queue of 1 and a hung webhook")
	}
	// The dead webhook fails for good after its retries; both kinds of
	// loss are in the audit trail, without the webhook's secret path.
	ok := waitUntil(30*time.Second, func() bool {
		return metric(t, e, `rampart_notifications_total{outcome="failed"}`) != "0"
	})
	if !ok {
		t.Fatal("the dead webhook's notifications were never counted as failed")
	}
	var msgs []string
	e.find(func(r audit.Record) bool {
		for _, f := range r.Flags {
			if f == FlagNotifyDropped {
				if r.Decision != "require_approval" {
					t.Errorf("a notify_dropped record with decision %s", r.Decision)
				}
				msgs = append(msgs, r.Message)
			}
		}
		return false
	})
	joined := strings.Join(msgs, "\n")
	if !strings.Contains(joined, "queue is full") || !strings.Contains(joined, "failed") {
		t.Errorf("notify_dropped records: %q, want a full queue and a failure", msgs)
	}
	if strings.Contains(joined, "secret-path") {
		t.Errorf("the audit trail names the webhook's path: %s", joined)
	}
}

// TestNotifyAfterRestart: an approval still pending when the server starts
// again is notified again, since what was queued at the stop was lost.
func TestNotifyAfterRestart(t *testing.T) {
	dir := t.TempDir()
	e := startNotifyIn(t, dir, Notify{})
	a, resp := e.call("/v1/tool/exec", map[string]any{"params": map[string]any{"command": "echo needs-approval later"}}, "Prefer", "respond-async")
	if a.code != http.StatusAccepted {
		t.Fatalf("held call: %d %s", a.code, a.body)
	}
	e.stop()
	rcv, ts := newReceiver(t)
	startNotifyIn(t, dir, Notify{Webhooks: []Webhook{{URL: ts.URL}}})
	var n Notification
	if err := json.Unmarshal(rcv.wait(t), &n); err != nil || n.Approval.ID != resp.ApprovalID {
		t.Fatalf("after the restart: %+v, %v; want approval %s", n.Approval, err, resp.ApprovalID)
	}
}

func waitUntil(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

// metric returns the value of one series on /metrics, "0" when absent.
func metric(t *testing.T, e *tenv, series string) string {
	t.Helper()
	r := e.do("GET", "/metrics", "", nil)
	for _, line := range strings.Split(string(r.body), "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			return v
		}
	}
	return "0"
}

func TestCheckWebhook(t *testing.T) {
	for _, bad := range []Webhook{{URL: "ftp://h/secretpath"}, {URL: "hooks.slack.com/secretpath"}, {URL: "https://h/secretpath", Format: "xml"}} {
		err := CheckWebhook(bad)
		if err == nil {
			t.Errorf("CheckWebhook(%+v) accepted", bad)
		} else if strings.Contains(err.Error(), "secretpath") {
			t.Errorf("CheckWebhook(%+v) = %v: names the URL's path", bad, err)
		}
	}
	if err := CheckWebhook(Webhook{URL: "https://hooks.slack.com/services/T/B/X", Format: FormatSlack}); err != nil {
		t.Error(err)
	}
}
