package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

const testPolicy = `version: 1
default_action: allow
policies:
  - name: block-marker
    priority: 10
    match: {tool: [exec]}
    rules:
      - action: deny
        when: {command_matches: ["touch */blocked-marker"]}
        message: "marker blocked"
  - name: needs-human
    match: {tool: [exec]}
    rules:
      - action: require_approval
        when: {command_matches: ["echo needs-approval*"]}
        message: "a human must say yes"
  - name: forbidden-dir
    match: {tool: [read, write]}
    rules:
      - action: deny
        when: {path_matches: ["**/forbidden/**"]}
        message: "forbidden dir"
  - name: blocked-urls
    match: {tool: [fetch]}
    rules:
      - action: deny
        when: {url_matches: ["*/blocked*"]}
        message: "blocked url"
`

const (
	agentTok = "agent-token-0123456789abcdef"
	adminTok = "admin-token-0123456789abcdef"
)

type tenv struct {
	t      testing.TB
	dir    string
	policy string
	srv    *Server
	ts     *httptest.Server
	point  *decide.Point
	audit  string
}

type topts struct {
	timeout time.Duration
	dir     string        // reuse a home (restart)
	conn    time.Duration // shorten the connection read and write timeouts
	addr    string        // listen here (a restart on the same port)
}

func start(t testing.TB, o topts) *tenv {
	t.Helper()
	dir := o.dir
	if dir == "" {
		dir = t.TempDir()
	}
	e := &tenv{t: t, dir: dir, policy: filepath.Join(dir, "policy.yaml"), audit: filepath.Join(dir, "audit", "audit.jsonl")}
	if _, err := os.Stat(e.policy); err != nil {
		if err := os.WriteFile(e.policy, []byte(testPolicy), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p, err := decide.Open(decide.Config{PolicyPath: e.policy, Home: home.Layout{Dir: dir}, UserHome: dir, Via: "rampart-serve", Compile: compile.Parse})
	if err != nil {
		t.Fatal(err)
	}
	e.point = p
	e.srv, err = New(Config{
		Point:      p,
		AgentToken: agentTok,
		AdminToken: adminTok,
		Approvals:  filepath.Join(dir, "approvals"),
		AuditLog:   e.audit,
		Timeout:    o.timeout,
		UserHome:   dir,
		Cwd:        dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	e.ts = httptest.NewUnstartedServer(e.srv)
	if o.addr != "" {
		e.ts.Listener.Close()
		ln, err := net.Listen("tcp", o.addr)
		if err != nil {
			t.Fatal(err)
		}
		e.ts.Listener = ln
	}
	e.ts.Config = e.srv.HTTPServer()
	e.ts.Config.ErrorLog = nil
	if o.conn > 0 {
		e.ts.Config.ReadTimeout, e.ts.Config.WriteTimeout = o.conn, o.conn
	}
	e.ts.Start()
	e.ts.Client().Timeout = 30 * time.Second // a regression fails, not hangs
	t.Cleanup(e.stop)
	return e
}

// stop closes the server and checks that the audit chain it wrote verifies.
func (e *tenv) stop() {
	if e.ts == nil {
		return
	}
	e.ts.CloseClientConnections()
	e.ts.Close()
	e.srv.Close()
	e.point.Close()
	e.ts = nil
	if _, err := os.Stat(e.audit); err != nil {
		return
	}
	res, err := audit.Verify(e.audit, audit.VerifyOptions{})
	if err != nil || !res.OK() {
		e.t.Errorf("audit chain: %v %v", err, res.Problem)
	}
}

// find returns the first audit record that pred accepts.
func (e *tenv) find(pred func(audit.Record) bool) (audit.Record, bool) {
	f, err := os.Open(e.audit)
	if err != nil {
		return audit.Record{}, false
	}
	defer f.Close()
	r := audit.NewReader(f)
	for {
		rec, err := r.Next()
		if err != nil {
			return audit.Record{}, false
		}
		if pred(rec) {
			return rec, true
		}
	}
}

type answer struct {
	code int
	h    http.Header
	body []byte
}

func (a answer) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(a.body, v); err != nil {
		t.Fatalf("bad JSON %q: %v", a.body, err)
	}
}

func (e *tenv) do(method, path, token string, body any, hdr ...string) answer {
	e.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		r = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, e.ts.URL+path, r)
	if err != nil {
		e.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := e.ts.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, b}
}

func (e *tenv) call(path string, body any, hdr ...string) (answer, Response) {
	e.t.Helper()
	a := e.do("POST", path, agentTok, body, hdr...)
	var r Response
	if a.code == 200 || a.code == 202 || a.code == 400 || a.code == 413 {
		a.json(e.t, &r)
	}
	return a, r
}

// post sends a call from a goroutine, ignoring the answer and any error.
func post(url, body string, hdr ...string) {
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+agentTok)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	if resp, err := http.DefaultClient.Do(req); err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func TestHealthz(t *testing.T) {
	e := start(t, topts{})
	a := e.do("GET", "/healthz", "", nil)
	if a.code != 200 || !strings.Contains(string(a.body), `"ok"`) {
		t.Errorf("GET /healthz = %d %s", a.code, a.body)
	}
}

func TestAuth(t *testing.T) {
	e := start(t, topts{})
	for _, tc := range []struct {
		method, path, token string
		want                int
	}{
		{"POST", "/v1/preflight/exec", "", 401},
		{"POST", "/v1/preflight/exec", "wrong-token-0123456789", 401},
		{"POST", "/v1/preflight/exec", agentTok, 200},
		{"POST", "/v1/preflight/exec", adminTok, 200},
		{"GET", "/v1/approvals", "", 401},
		{"GET", "/v1/approvals", agentTok, 200},
		{"POST", "/v1/approvals/01JD5V7W0M6Q3YJ8E9C2N4T1RX/resolve", "", 401},
		{"POST", "/v1/approvals/01JD5V7W0M6Q3YJ8E9C2N4T1RX/resolve", agentTok, 403},
		{"POST", "/v1/approvals/01JD5V7W0M6Q3YJ8E9C2N4T1RX/resolve", adminTok, 404},
		{"GET", "/v1/nothing", agentTok, 404},
		{"GET", "/v1/nothing", "", 401},
	} {
		body := `{"approved":true}`
		if strings.HasPrefix(tc.path, "/v1/preflight/") {
			body = `{"command":"ls"}`
		}
		a := e.do(tc.method, tc.path, tc.token, body)
		if a.code != tc.want {
			t.Errorf("%s %s with %q = %d %s, want %d", tc.method, tc.path, tc.token, a.code, a.body, tc.want)
		}
		if a.code == 401 && a.h.Get("WWW-Authenticate") == "" {
			t.Errorf("%s %s: 401 without WWW-Authenticate", tc.method, tc.path)
		}
	}
	// Any case of the scheme is accepted.
	a := e.do("POST", "/v1/preflight/exec", "", `{"command":"ls"}`, "Authorization", "bearer "+agentTok)
	if a.code != 200 {
		t.Errorf("lower-case bearer = %d", a.code)
	}
}

func TestPreflight(t *testing.T) {
	e := start(t, topts{})
	marker := filepath.Join(e.dir, "blocked-marker")
	for _, tc := range []struct {
		name   string
		tool   string
		body   any
		want   call.Action
		policy string
	}{
		{"bare allow", "exec", `{"command":"ls"}`, call.Allow, ""},
		{"envelope deny", "exec", map[string]any{"params": map[string]any{"command": "touch " + marker}, "agent": "bot"}, call.Deny, "block-marker"},
		{"bare deny", "exec", map[string]any{"command": "touch " + marker}, call.Deny, "block-marker"},
		{"read denied", "read", map[string]any{"path": filepath.Join(e.dir, "forbidden", "x")}, call.Deny, "forbidden-dir"},
		{"other tool", "mcp__fs__read_file", `{"path":"/tmp/x"}`, call.Allow, ""},
		{"empty body", "exec", ``, call.Allow, ""},
	} {
		a, r := e.call("/v1/preflight/"+tc.tool, tc.body)
		if a.code != 200 || r.Decision != tc.want {
			t.Errorf("%s: preflight = %d %s, want %v", tc.name, a.code, a.body, tc.want)
			continue
		}
		if tc.policy != "" && (len(r.MatchedPolicies) == 0 || r.MatchedPolicies[0] != tc.policy) {
			t.Errorf("%s: matched %v, want %s", tc.name, r.MatchedPolicies, tc.policy)
		}
		if r.Result != nil {
			t.Errorf("%s: preflight returned a result", tc.name)
		}
	}
	if _, err := os.Stat(marker); !os.IsNotExist(err) {
		t.Errorf("marker exists after a preflight")
	}
	// Every decision was audited, with the agent from the envelope.
	if _, ok := e.find(func(r audit.Record) bool { return r.Agent == "bot" && r.Decision == "deny" }); !ok {
		t.Error("no audit record for the envelope call")
	}
}

func TestBadRequests(t *testing.T) {
	e := start(t, topts{})
	for _, tc := range []struct {
		path, body string
		want       int
	}{
		{"/v1/preflight/exec", `[1,2]`, 400},
		{"/v1/preflight/exec", `{"command":`, 400},
		{"/v1/preflight/exec", `{"command":"ls"} {}`, 400},
		{"/v1/preflight/exec", `{"params":{"command":"ls"},"cwd":"relative"}`, 400},
		{"/v1/preflight/exec", `{"params":{},"tool":"read"}`, 400},
		{"/v1/preflight/bad%20tool", `{}`, 400},
		{"/v1/tool/mcp", `{}`, 404},
	} {
		a, r := e.call(tc.path, tc.body)
		if a.code != tc.want {
			t.Errorf("POST %s %s = %d %s, want %d", tc.path, tc.body, a.code, a.body, tc.want)
		}
		if a.code == 400 && (r.Decision != call.Deny || r.Error == "") {
			t.Errorf("POST %s %s: a bad call must answer deny with an error, got %s", tc.path, tc.body, a.body)
		}
	}
}

func TestBodyTooLarge(t *testing.T) {
	e := start(t, topts{})
	big := `{"command":"` + strings.Repeat("a", MaxBody) + `"}`
	for _, path := range []string{"/v1/preflight/exec", "/v1/tool/exec"} {
		a, r := e.call(path, big)
		if a.code != http.StatusRequestEntityTooLarge || r.Decision != call.Deny {
			t.Errorf("POST %s with %d bytes = %d %.200s, want 413 and deny", path, len(big), a.code, a.body)
		}
	}
	a := e.do("POST", "/v1/approvals/x/resolve", adminTok, `{"reason":"`+strings.Repeat("a", MaxSmallBody)+`"}`)
	if a.code != http.StatusRequestEntityTooLarge {
		t.Errorf("big resolve body = %d, want 413", a.code)
	}
}

func TestToolExec(t *testing.T) {
	e := start(t, topts{})
	_, r := e.call("/v1/tool/exec", `{"command":"echo hello; echo oops >&2; exit 3"}`)
	var res ExecResult
	remarshal(t, r.Result, &res)
	if r.Decision != call.Allow || res.Stdout != "hello\n" || res.Stderr != "oops\n" || res.ExitCode != 3 {
		t.Errorf("exec = %+v / %+v", r, res)
	}

	sub := filepath.Join(e.dir, "sub")
	os.Mkdir(sub, 0o755)
	_, r = e.call("/v1/tool/exec", map[string]any{"params": map[string]any{"command": "pwd"}, "cwd": sub})
	remarshal(t, r.Result, &res)
	if strings.TrimSpace(res.Stdout) != sub {
		t.Errorf("exec in cwd printed %q, want %q", res.Stdout, sub)
	}

	marker := filepath.Join(e.dir, "blocked-marker")
	_, r = e.call("/v1/tool/exec", map[string]any{"command": "touch " + marker})
	if r.Decision != call.Deny || r.Message != "marker blocked" || r.Result != nil {
		t.Errorf("denied exec = %+v", r)
	}
	if _, err := os.Stat(marker); !os.IsNotExist(err) {
		t.Fatal("a denied command ran: the marker exists")
	}

	_, r = e.call("/v1/tool/exec", `{"command":"sleep 5","timeout":0.2}`)
	remarshal(t, r.Result, &res)
	if !res.TimedOut || res.DurationMS > 4000 {
		t.Errorf("timed-out exec = %+v", res)
	}

	_, r = e.call("/v1/tool/exec", fmt.Sprintf(`{"command":"head -c %d /dev/zero | tr '\\0' a"}`, MaxOutput+10))
	remarshal(t, r.Result, &res)
	if !res.Truncated || len(res.Stdout) != MaxOutput {
		t.Errorf("big output: truncated=%v len=%d", res.Truncated, len(res.Stdout))
	}
}

func TestRedaction(t *testing.T) {
	e := start(t, topts{})
	key := "AKIA" + "IOSFODNN7EXAMPLE"
	_, r := e.call("/v1/tool/exec", map[string]any{"command": "echo aws_key=" + key})
	var res ExecResult
	remarshal(t, r.Result, &res)
	if strings.Contains(res.Stdout, key) || len(res.Redacted) == 0 {
		t.Errorf("exec output not redacted: %+v", res)
	}
	if _, ok := e.find(func(r audit.Record) bool { return strings.Contains(r.Message, "redacted") }); !ok {
		t.Error("redaction not audited")
	}
}

func TestToolReadWrite(t *testing.T) {
	e := start(t, topts{})
	p := filepath.Join(e.dir, "notes.txt")
	_, r := e.call("/v1/tool/write", map[string]any{"path": p, "content": "hello\n"})
	if r.Decision != call.Allow || r.Error != "" {
		t.Fatalf("write = %+v", r)
	}
	_, r = e.call("/v1/tool/read", `{"path":"notes.txt"}`) // relative to the server's cwd
	var rr ReadResult
	remarshal(t, r.Result, &rr)
	if rr.Content != "hello\n" || rr.Path != p {
		t.Errorf("read = %+v", rr)
	}
	_, r = e.call("/v1/tool/read", `{"path":"~/notes.txt"}`)
	remarshal(t, r.Result, &rr)
	if rr.Content != "hello\n" {
		t.Errorf("read ~ = %+v", r)
	}
	_, r = e.call("/v1/tool/read", `{"path":"missing.txt"}`)
	if r.Decision != call.Allow || r.Error == "" {
		t.Errorf("read missing = %+v, want allow with an error", r)
	}

	// A link around the policy is judged by where it leads: by the decision
	// point, which resolves links (pkg/decide), and again just before the
	// file is opened.
	forb := filepath.Join(e.dir, "forbidden")
	os.Mkdir(forb, 0o700)
	os.WriteFile(filepath.Join(forb, "secret.txt"), []byte("top secret"), 0o600)
	os.Symlink(filepath.Join(forb, "secret.txt"), filepath.Join(e.dir, "innocent.txt"))
	_, r = e.call("/v1/tool/read", `{"path":"innocent.txt"}`)
	if r.Decision != call.Deny && !strings.Contains(r.Error, "denied") || strings.Contains(string(mustJSON(r.Result)), "top secret") {
		t.Errorf("read through a link = %+v", r)
	}
	_, r = e.call("/v1/tool/write", map[string]any{"path": filepath.Join(forb, "x"), "content": "no"})
	if r.Decision != call.Deny {
		t.Errorf("write in forbidden = %+v", r)
	}
	if _, err := os.Stat(filepath.Join(forb, "x")); !os.IsNotExist(err) {
		t.Error("a denied write happened")
	}
}

func TestToolFetch(t *testing.T) {
	e := start(t, topts{})
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hop":
			http.Redirect(w, r, "/blocked/page", http.StatusFound)
		case "/blocked/page":
			io.WriteString(w, "should never be read")
		default:
			w.Header().Set("X-Test", "yes")
			io.WriteString(w, "page body")
		}
	}))
	defer target.Close()
	_, r := e.call("/v1/tool/fetch", map[string]any{"url": target.URL + "/ok"})
	var fr FetchResult
	remarshal(t, r.Result, &fr)
	if r.Decision != call.Allow || fr.Status != 200 || fr.Body != "page body" || fr.Headers["X-Test"] != "yes" {
		t.Errorf("fetch = %+v / %+v", r, fr)
	}
	_, r = e.call("/v1/tool/fetch", map[string]any{"url": target.URL + "/blocked/x"})
	if r.Decision != call.Deny {
		t.Errorf("fetch of a blocked url = %+v", r)
	}
	_, r = e.call("/v1/tool/fetch", map[string]any{"url": target.URL + "/hop"})
	if r.Decision != call.Allow || !strings.Contains(r.Error, "denied: redirect") || strings.Contains(string(mustJSON(r)), "should never") {
		t.Errorf("fetch redirected to a blocked url = %+v", r)
	}
}

func TestApprovalReleasesWaitingRequest(t *testing.T) {
	e := start(t, topts{})
	done := make(chan Response, 1)
	go func() {
		_, r := e.call("/v1/tool/exec", `{"command":"echo needs-approval-ok"}`)
		done <- r
	}()
	a := waitPending(t, e)
	if a.Call.Command() != "echo needs-approval-ok" || a.Kind != approval.KindTool || a.Async {
		t.Errorf("pending = %+v", a)
	}
	// The agent token cannot approve its own request.
	if got := e.do("POST", "/v1/approvals/"+a.ID+"/resolve", agentTok, `{"approved":true}`); got.code != 403 {
		t.Errorf("agent resolve = %d %s, want 403", got.code, got.body)
	}
	select {
	case r := <-done:
		t.Fatalf("request returned before resolution: %+v", r)
	case <-time.After(50 * time.Millisecond):
	}
	if got := e.do("POST", "/v1/approvals/"+a.ID+"/resolve", adminTok, `{"approved":true,"reason":"looks fine"}`); got.code != 200 {
		t.Fatalf("admin resolve = %d %s", got.code, got.body)
	}
	r := <-done
	var res ExecResult
	remarshal(t, r.Result, &res)
	if r.Decision != call.Allow || r.ApprovalID != a.ID || res.Stdout != "needs-approval-ok\n" || r.Message != "approved by admin: looks fine" {
		t.Errorf("released request = %+v / %+v", r, res)
	}
	got := e.do("POST", "/v1/approvals/"+a.ID+"/resolve", adminTok, `{"approved":false}`)
	if got.code != 409 || !strings.Contains(string(got.body), `"approved"`) {
		t.Errorf("second resolve = %d %s, want 409", got.code, got.body)
	}
	if _, ok := e.find(func(r audit.Record) bool {
		return r.Decision == "allow" && strings.HasPrefix(r.Message, "approved by admin")
	}); !ok {
		t.Error("the approval is not in the audit trail")
	}
}

// A held call outlives the server's read and write timeouts: waiting is the
// point, and the timeouts are for slow clients, not slow humans.
func TestHeldCallOutlivesConnTimeouts(t *testing.T) {
	e := start(t, topts{conn: 200 * time.Millisecond})
	done := make(chan Response, 1)
	go func() {
		_, r := e.call("/v1/tool/exec", `{"command":"echo needs-approval-slow"}`)
		done <- r
	}()
	a := waitPending(t, e)
	time.Sleep(600 * time.Millisecond)
	if got, _ := e.srv.Store().Get(a.ID); got.Status != approval.Pending {
		t.Fatalf("after the conn timeouts the approval is %s (%s), want pending", got.Status, got.Reason)
	}
	e.do("POST", "/v1/approvals/"+a.ID+"/resolve", adminTok, `{"approved":true}`)
	if r := <-done; r.Decision != call.Allow || r.Result == nil {
		t.Errorf("released call = %+v", r)
	}
	// A long poll too.
	_, r := e.call("/v1/preflight/exec", `{"command":"echo needs-approval-poll"}`, "Prefer", "respond-async")
	got := e.do("GET", "/v1/approvals/"+r.ApprovalID+"?wait=600ms", agentTok, nil)
	if got.code != 200 || !strings.Contains(string(got.body), `"pending"`) {
		t.Errorf("long poll past the timeouts = %d %s", got.code, got.body)
	}
}

func TestApprovalDenied(t *testing.T) {
	e := start(t, topts{})
	done := make(chan Response, 1)
	go func() {
		_, r := e.call("/v1/preflight/exec", `{"command":"echo needs-approval"}`)
		done <- r
	}()
	a := waitPending(t, e)
	e.do("POST", "/v1/approvals/"+a.ID+"/resolve", adminTok, `{"approved":false,"reason":"no"}`)
	if r := <-done; r.Decision != call.Deny || r.Message != "denied by admin: no" {
		t.Errorf("denied preflight = %+v", r)
	}
}

func TestApprovalTimeoutDenies(t *testing.T) {
	e := start(t, topts{timeout: 200 * time.Millisecond})
	_, r := e.call("/v1/tool/exec", `{"command":"echo needs-approval-late"}`)
	if r.Decision != call.Deny || !strings.Contains(r.Message, "timed out") || r.Result != nil || r.Status != approval.Expired {
		t.Errorf("timed-out request = %+v", r)
	}
	if _, ok := e.find(func(r audit.Record) bool {
		return r.Decision == "deny" && strings.Contains(r.Message, "timed out")
	}); !ok {
		t.Error("the timeout is not in the audit trail")
	}
}

func TestAsyncApprovalAndPoll(t *testing.T) {
	e := start(t, topts{})
	a, r := e.call("/v1/tool/exec", `{"command":"echo needs-approval-async"}`, "Prefer", "respond-async, wait=10")
	if a.code != 202 || r.ApprovalID == "" || r.Status != approval.Pending || r.Decision != call.RequireApproval {
		t.Fatalf("async call = %d %s", a.code, a.body)
	}
	loc := a.h.Get("Location")
	if loc != "/v1/approvals/"+r.ApprovalID {
		t.Errorf("Location = %q", loc)
	}
	var ap approval.Approval
	got := e.do("GET", loc+"?wait=50ms", agentTok, nil)
	got.json(t, &ap)
	if got.code != 200 || ap.Status != approval.Pending {
		t.Errorf("poll = %d %s", got.code, got.body)
	}
	if got := e.do("POST", loc+"/resolve", adminTok, `{"approved":true}`); got.code != 200 {
		t.Fatalf("resolve = %d %s", got.code, got.body)
	}
	got = e.do("GET", loc+"?wait=10s", agentTok, nil)
	got.json(t, &ap)
	var out struct {
		Result ExecResult `json:"result"`
	}
	json.Unmarshal(ap.Result, &out)
	if ap.Status != approval.Approved || out.Result.Stdout != "needs-approval-async\n" {
		t.Errorf("final poll = %s", got.body)
	}
}

func TestExternalApprovalClient(t *testing.T) {
	e := start(t, topts{})
	ctx := context.Background()
	agent := &approval.Client{Addr: e.ts.URL, Token: agentTok}
	admin := &approval.Client{Addr: e.ts.URL, Token: adminTok}
	c := call.Call{Tool: "mcp", Params: call.Params{"server": "fs", "tool": "delete_file"}, Agent: "mcp-proxy"}
	id, err := agent.Request(ctx, c, call.Decision{Decision: call.RequireApproval, MatchedPolicies: []string{"p"}})
	if err != nil {
		t.Fatal(err)
	}
	type res struct {
		ok     bool
		reason string
		err    error
	}
	done := make(chan res, 1)
	go func() {
		ok, reason, err := agent.Wait(ctx, id)
		done <- res{ok, reason, err}
	}()
	list, err := admin.List(ctx, "")
	if err != nil || len(list) != 1 || list[0].ID != id || list[0].Kind != approval.KindExternal {
		t.Fatalf("List = %+v, %v", list, err)
	}
	if _, err := agent.Resolve(ctx, id, true, ""); !errors.Is(err, approval.ErrForbidden) {
		t.Errorf("agent Resolve err = %v, want ErrForbidden", err)
	}
	if _, err := admin.Resolve(ctx, id, true, "ok"); err != nil {
		t.Fatal(err)
	}
	if r := <-done; !r.ok || r.err != nil || r.reason != "approved by admin: ok" {
		t.Errorf("Wait = %+v", r)
	}
	if _, err := admin.Resolve(ctx, id, true, ""); !errors.Is(err, approval.ErrResolved) {
		t.Errorf("second Resolve err = %v, want ErrResolved", err)
	}
	got := e.do("POST", "/v1/approvals", agentTok, `{"call":{"tool":"exec"},"decision":{"decision":"allow"}}`)
	if got.code != 400 {
		t.Errorf("approval for an allowed call = %d, want 400", got.code)
	}
}

func TestRestartKeepsPending(t *testing.T) {
	e := start(t, topts{})
	_, r := e.call("/v1/tool/exec", `{"command":"echo needs-approval-restart"}`, "Prefer", "respond-async")
	id := r.ApprovalID
	// A synchronous waiter dies with the server.
	go post(e.ts.URL+"/v1/preflight/exec", `{"command":"echo needs-approval-sync"}`)
	for len(e.srv.Store().List(approval.Pending)) < 2 {
		time.Sleep(5 * time.Millisecond)
	}
	var syncID string
	for _, a := range e.srv.Store().List(approval.Pending) {
		if !a.Async {
			syncID = a.ID
		}
	}
	e.srv.Store().Close() // a crash: nothing is canceled on the way down
	e.stop()

	e2 := start(t, topts{dir: e.dir})
	var list struct{ Approvals []approval.Approval }
	e2.do("GET", "/v1/approvals", agentTok, nil).json(t, &list)
	if len(list.Approvals) != 1 || list.Approvals[0].ID != id {
		t.Fatalf("pending after restart = %+v, want only %s", list.Approvals, id)
	}
	var s approval.Approval
	e2.do("GET", "/v1/approvals/"+syncID, agentTok, nil).json(t, &s)
	if s.Status != approval.Canceled {
		t.Errorf("the orphaned synchronous approval is %s, want canceled", s.Status)
	}
	if got := e2.do("POST", "/v1/approvals/"+id+"/resolve", adminTok, `{"approved":true}`); got.code != 200 {
		t.Fatalf("resolve after restart = %d %s", got.code, got.body)
	}
	var a approval.Approval
	e2.do("GET", "/v1/approvals/"+id+"?wait=10s", agentTok, nil).json(t, &a)
	if !strings.Contains(string(a.Result), "needs-approval-restart") {
		t.Errorf("approved after restart, result = %s", a.Result)
	}
}

// An adapter waiting through approval.Client rides out a server restart:
// the approval is still there, and resolving it releases the waiter.
func TestClientWaitAcrossRestart(t *testing.T) {
	e := start(t, topts{})
	addr := e.ts.Listener.Addr().String()
	ctx := context.Background()
	agent := &approval.Client{Addr: addr, Token: agentTok}
	id, err := agent.Request(ctx, call.Call{Tool: "exec", Params: call.Params{"command": "terraform apply"}}, call.Decision{Decision: call.RequireApproval})
	if err != nil {
		t.Fatal(err)
	}
	type res struct {
		ok     bool
		reason string
		err    error
	}
	done := make(chan res, 1)
	go func() {
		ok, reason, err := agent.Wait(ctx, id)
		done <- res{ok, reason, err}
	}()
	time.Sleep(50 * time.Millisecond)
	e.stop()

	e2 := start(t, topts{dir: e.dir, addr: addr})
	admin := &approval.Client{Addr: addr, Token: adminTok}
	if _, err := admin.Resolve(ctx, id, true, "after the restart"); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-done:
		if !r.ok || r.err != nil || r.reason != "approved by admin: after the restart" {
			t.Errorf("Wait = %+v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the waiter was not released")
	}
	_ = e2
}

func TestHotReloadKeepsLastGoodPolicy(t *testing.T) {
	e := start(t, topts{})
	reports := make(chan error, 10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := WatchPolicy(ctx, e.policy, e.point.Reload, func(err error) { reports <- err }); err != nil {
		t.Fatal(err)
	}
	denyLS := strings.Replace(testPolicy, `"touch */blocked-marker"`, `"touch */blocked-marker", "ls*"`, 1)
	writeAtomic(t, e.policy, denyLS)
	if err := <-reports; err != nil {
		t.Fatalf("reload of a good policy: %v", err)
	}
	if _, r := e.call("/v1/preflight/exec", `{"command":"ls -l"}`); r.Decision != call.Deny {
		t.Errorf("after reload ls = %v, want deny", r.Decision)
	}
	os.WriteFile(e.policy, []byte("version: 1\npolicies:\n  - name: x\n    rules: [{action: explode}]\n"), 0o600)
	if err := <-reports; err == nil {
		t.Fatal("a bad policy reloaded without error")
	} else if !strings.Contains(err.Error(), "policy.yaml") {
		t.Errorf("reload error %q does not name the file", err)
	}
	if _, r := e.call("/v1/preflight/exec", `{"command":"ls -l"}`); r.Decision != call.Deny {
		t.Errorf("after a bad reload ls = %v, want deny (the last good policy)", r.Decision)
	}
}

func TestEvents(t *testing.T) {
	e := start(t, topts{})
	req, _ := http.NewRequest("GET", e.ts.URL+"/v1/events", nil)
	req.Header.Set("Authorization", "Bearer "+agentTok)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := e.ts.Client().Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type = %q", ct)
	}
	br := bufio.NewReader(resp.Body)
	// next returns the data of the next event with the given name.
	next := func(want string) string {
		name := ""
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				t.Fatalf("event stream: %v", err)
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				name = line[7:]
			case strings.HasPrefix(line, "data: ") && name == want:
				return line[6:]
			}
		}
	}
	time.Sleep(3 * tailEvery) // the tailer starts at the end of the file
	e.call("/v1/preflight/exec", `{"params":{"command":"ls"},"agent":"watcher"}`)
	if data := next("audit"); !strings.Contains(data, `"agent":"watcher"`) || !strings.Contains(data, `"hash"`) {
		t.Errorf("audit event = %s, want the record of the call", data)
	}
	go post(e.ts.URL+"/v1/tool/exec", `{"command":"echo needs-approval-ev"}`, "Prefer", "respond-async")
	if data := next("approval"); !strings.Contains(data, `"pending"`) {
		t.Errorf("approval event = %s, want a pending approval", data)
	}
}

func TestMetrics(t *testing.T) {
	e := start(t, topts{})
	e.call("/v1/preflight/exec", `{"command":"ls"}`)
	e.call("/v1/tool/exec", `{"command":"echo needs-approval-m"}`, "Prefer", "respond-async")
	a := e.do("GET", "/metrics", "", nil)
	for _, want := range []string{
		`rampart_decisions_total{action="allow",tool="exec"} 1`,
		`rampart_decisions_total{action="require_approval",tool="exec"} 1`,
		`rampart_approvals_pending 1`,
		`rampart_decision_duration_seconds_count 2`,
	} {
		if !strings.Contains(string(a.body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestLoadTokens(t *testing.T) {
	dir := t.TempDir()
	l := home.Layout{Dir: dir}
	agent, admin, err := LoadTokens(l)
	if err != nil {
		t.Fatal(err)
	}
	if len(agent) != 64 || len(admin) != 64 || agent == admin {
		t.Errorf("tokens %q %q", agent, admin)
	}
	fi, _ := os.Stat(l.AdminToken())
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("admin.token mode %v", fi.Mode())
	}
	a2, b2, err := LoadTokens(l)
	if err != nil || a2 != agent || b2 != admin {
		t.Errorf("second load = %q %q %v", a2, b2, err)
	}
	os.Chmod(l.AdminToken(), 0o644)
	if _, _, err := LoadTokens(l); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("world-readable token err = %v", err)
	}
}

func waitPending(t *testing.T, e *tenv) approval.Approval {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		var list struct{ Approvals []approval.Approval }
		e.do("GET", "/v1/approvals", agentTok, nil).json(t, &list)
		if len(list.Approvals) > 0 {
			return list.Approvals[0]
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("no pending approval appeared")
	return approval.Approval{}
}

func remarshal(t *testing.T, in, out any) {
	t.Helper()
	if err := json.Unmarshal(mustJSON(in), out); err != nil {
		t.Fatal(err)
	}
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func writeAtomic(t *testing.T, path, content string) {
	t.Helper()
	tmp := path + ".new"
	if err := os.WriteFile(tmp, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}
