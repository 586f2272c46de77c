package proxy

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"rampart.dev/pkg/call"
)

// fakeJudge denies tools named in deny, holds those in ask, and records
// what it is asked.
type fakeJudge struct {
	mu       sync.Mutex
	deny     map[string]bool
	ask      map[string]bool
	decided  []call.Call
	probed   []call.Call
	recorded []call.Decision
}

func (j *fakeJudge) eval(c call.Call) call.Decision {
	tool := c.Params.String("tool")
	if ann, ok := c.Params["annotations"].(map[string]any); ok && ann["destructiveHint"] == true && j.deny["destructive"] {
		return call.Decision{Decision: call.Deny, Message: "destructive tool", MatchedPolicies: []string{"no-destructive"}}
	}
	if j.deny[tool] {
		return call.Decision{Decision: call.Deny, Message: "test denies " + tool, MatchedPolicies: []string{"test-policy"}}
	}
	if j.ask[tool] {
		return call.Decision{Decision: call.RequireApproval, Message: "needs a human"}
	}
	return call.Decision{Decision: call.Allow}
}

func (j *fakeJudge) Decide(c call.Call) call.Decision {
	j.mu.Lock()
	j.decided = append(j.decided, c)
	j.mu.Unlock()
	return j.eval(c)
}

func (j *fakeJudge) Probe(c call.Call) call.Decision {
	j.mu.Lock()
	j.probed = append(j.probed, c)
	j.mu.Unlock()
	return j.eval(c)
}

func (j *fakeJudge) Record(c call.Call, d call.Decision) {
	j.mu.Lock()
	j.recorded = append(j.recorded, d)
	j.mu.Unlock()
}

// fakeRedactor redacts the word SECRET-TOKEN.
type fakeRedactor struct{}

func (fakeRedactor) Value(v any) (any, []string) {
	var found []string
	var walk func(v any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case string:
			if strings.Contains(v, "SECRET-TOKEN") {
				found = append(found, "token")
				return strings.ReplaceAll(v, "SECRET-TOKEN", "[REDACTED]")
			}
		case map[string]any:
			out := map[string]any{}
			for k, e := range v {
				out[k] = walk(e)
			}
			return out
		case []any:
			out := make([]any, len(v))
			for i, e := range v {
				out[i] = walk(e)
			}
			return out
		}
		return v
	}
	out := walk(v)
	return out, found
}

func (fakeRedactor) Text(s string) (string, []string) {
	if strings.Contains(s, "SECRET-TOKEN") {
		return strings.ReplaceAll(s, "SECRET-TOKEN", "[REDACTED]"), []string{"token"}
	}
	return s, nil
}

// lines collects what the proxy writes to one side.
type lines struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lines) get() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := strings.TrimSuffix(l.buf.String(), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

type harness struct {
	p              *Proxy
	j              *fakeJudge
	client, server *lines
}

func newHarness(t *testing.T, mod func(*Config)) *harness {
	t.Helper()
	h := &harness{j: &fakeJudge{deny: map[string]bool{"write_file": true}, ask: map[string]bool{"drop_table": true}}, client: &lines{}, server: &lines{}}
	cfg := Config{Server: "fs", Judge: h.j, Redactor: fakeRedactor{}, Session: "s1"}
	if mod != nil {
		mod(&cfg)
	}
	h.p = New(cfg, h.client, h.server)
	return h
}

func (h *harness) fromClient(t *testing.T, in ...string) {
	t.Helper()
	if err := h.p.FromClient(strings.NewReader(strings.Join(in, "\n") + "\n")); err != nil {
		t.Fatal(err)
	}
}

func (h *harness) fromServer(t *testing.T, in ...string) {
	t.Helper()
	if err := h.p.FromServer(strings.NewReader(strings.Join(in, "\n") + "\n")); err != nil {
		t.Fatal(err)
	}
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("decoding %q: %v", s, err)
	}
	return m
}

const (
	initReq   = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"probe","version":"0.0.1"}}}`
	readCall  = `{"jsonrpc":"2.0", "id":10, "method":"tools/call","params":{"name":"read_text_file","arguments":{"path":"/sandbox/hello.txt"}}}`
	writeCall = `{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"write_file","arguments":{"path":"/etc/x","content":"y"}}}`
)

func TestAllowForwardsUntouched(t *testing.T) {
	h := newHarness(t, nil)
	in := []string{
		initReq,
		`{"jsonrpc":"2.0","method":"notifications/initialized"}`,
		`{ "jsonrpc" : "2.0" , "id" : "p1" , "method" : "ping" }`,
		readCall,
		`{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"t","progress":1.50}}`,
		`{"jsonrpc":"2.0","id":0,"result":{"roots":[]}}`,
	}
	h.fromClient(t, in...)
	equal(t, "server got", h.server.get(), in)
	equal(t, "client got", h.client.get(), nil)
	if len(h.j.decided) != 1 {
		t.Fatalf("decided %d calls, want 1", len(h.j.decided))
	}
	c := h.j.decided[0]
	if c.Tool != "mcp" || c.Params.String("server") != "fs" || c.Params.String("tool") != "read_text_file" || c.Agent != "probe" || c.Session != "s1" {
		t.Errorf("call = %+v", c)
	}
	if args, _ := c.Params["arguments"].(map[string]any); args["path"] != "/sandbox/hello.txt" {
		t.Errorf("arguments = %v", c.Params["arguments"])
	}
}

func TestDenyAnswersClientOnly(t *testing.T) {
	h := newHarness(t, nil)
	h.fromClient(t, writeCall, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":11,"reason":"x"}}`)
	equal(t, "server got", h.server.get(), nil)
	got := h.client.get()
	if len(got) != 1 {
		t.Fatalf("client got %q, want one denial", got)
	}
	m := decode(t, got[0])
	res := m["result"].(map[string]any)
	text := res["content"].([]any)[0].(map[string]any)["text"].(string)
	if m["id"] != float64(11) || res["isError"] != true || !strings.Contains(text, "test denies write_file") || !strings.Contains(text, "test-policy") {
		t.Errorf("denial = %s", got[0])
	}
	if _, ok := res["resultType"]; ok {
		t.Errorf("2025-11-25 denial carries resultType: %s", got[0])
	}
}

func TestDenyModernHasResultType(t *testing.T) {
	h := newHarness(t, nil)
	h.fromClient(t, `{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"write_file","arguments":{},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientInfo":{"name":"modern"}}}}`)
	got := h.client.get()
	if len(got) != 1 || !strings.Contains(got[0], `"resultType":"complete"`) || !strings.Contains(got[0], `"id":"a"`) {
		t.Errorf("client got %q", got)
	}
	if h.j.decided[0].Agent != "modern" {
		t.Errorf("agent = %q, want the _meta clientInfo name", h.j.decided[0].Agent)
	}
}

func TestServerRequestIDsAreTheirOwn(t *testing.T) {
	h := newHarness(t, nil)
	h.fromClient(t, `{"jsonrpc":"2.0","id":1,"method":"tools/list"}`)
	// The server's own request reuses id 1; it is no answer to tools/list.
	srv := []string{
		`{"method":"roots/list","jsonrpc":"2.0","id":1}`,
		`{"result":{"tools":[{"name":"a","annotations":{"destructiveHint":true}}]},"jsonrpc":"2.0","id":1}`,
	}
	h.fromServer(t, srv...)
	equal(t, "client got", h.client.get(), srv)
	h.fromClient(t, `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"a","arguments":{}}}`)
	ann, _ := h.j.decided[0].Params["annotations"].(map[string]any)
	if ann["destructiveHint"] != true {
		t.Errorf("annotations in call = %v, want those of tools/list", h.j.decided[0].Params["annotations"])
	}
}

func TestHideDenied(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.HideDenied = true })
	h.j.deny["destructive"] = true
	h.fromClient(t, `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`)
	h.fromServer(t, `{"result":{"tools":[{"name":"read_text_file","annotations":{"readOnlyHint":true}},{"name":"write_file","inputSchema":{"type":"object","properties":{"path":{"type":"string"}}}},{"name":"nuke","annotations":{"destructiveHint":true}}],"nextCursor":"c1"},"jsonrpc":"2.0","id":2}`)
	got := h.client.get()
	if len(got) != 1 {
		t.Fatalf("client got %q", got)
	}
	res := decode(t, got[0])["result"].(map[string]any)
	tools := res["tools"].([]any)
	if len(tools) != 1 || tools[0].(map[string]any)["name"] != "read_text_file" || res["nextCursor"] != "c1" {
		t.Errorf("filtered list = %s", got[0])
	}
	if len(h.j.decided) != 0 {
		t.Errorf("probes were recorded as decisions: %v", h.j.decided)
	}
	if args := h.j.probed[len(h.j.probed)-1].Params["arguments"].(map[string]any); len(h.j.probed) < 2 {
		t.Errorf("probes = %v (args %v)", h.j.probed, args)
	}
}

func TestRedactsServerMessages(t *testing.T) {
	h := newHarness(t, nil)
	h.fromClient(t, readCall)
	h.fromServer(t,
		`{"result":{"content":[{"type":"text","text":"key SECRET-TOKEN here"}],"structuredContent":{"content":"key SECRET-TOKEN here","n":1.0e2}},"jsonrpc":"2.0","id":10}`,
		`{"result":{},"jsonrpc":"2.0","id":99}`,
		`not json SECRET-TOKEN`,
		`{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"SECRET-TOKEN","progress":1}}`,
	)
	got := h.client.get()
	if len(got) != 4 {
		t.Fatalf("client got %q", got)
	}
	if strings.Contains(got[0], "SECRET-TOKEN") || !strings.Contains(got[0], "[REDACTED]") || !strings.Contains(got[0], `"n":1.0e2`) {
		t.Errorf("redacted result = %s", got[0])
	}
	if got[1] != `{"result":{},"jsonrpc":"2.0","id":99}` {
		t.Errorf("clean message changed: %s", got[1])
	}
	if got[2] != "not json [REDACTED]" {
		t.Errorf("malformed line = %q", got[2])
	}
	if got[3] != `{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"SECRET-TOKEN","progress":1}}` {
		t.Errorf("notification changed: %s", got[3])
	}
	var redacted int
	for _, d := range h.j.recorded {
		if len(d.Flags) > 0 && d.Flags[0] == FlagRedacted {
			redacted++
		}
	}
	if redacted != 2 {
		t.Errorf("recorded %v, want two redactions", h.j.recorded)
	}
}

func TestMonitorChangesNothing(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Monitor = true; c.HideDenied = true })
	h.fromClient(t, `{not json`)
	h.fromServer(t, `{"result":{"content":[{"type":"text","text":"SECRET-TOKEN"}]},"jsonrpc":"2.0","id":10}`)
	equal(t, "server got", h.server.get(), []string{`{not json`})
	equal(t, "client got", h.client.get(), []string{`{"result":{"content":[{"type":"text","text":"SECRET-TOKEN"}]},"jsonrpc":"2.0","id":10}`})
}

func TestMalformedClientLine(t *testing.T) {
	h := newHarness(t, nil)
	// Two halves of one call: a stream decoder would join them.
	h.fromClient(t, `{"jsonrpc":"2.0","id":11,"method":`, `"tools/call","params":{"name":"write_file","arguments":{}}}`, `42`)
	equal(t, "server got", h.server.get(), []string{`42`})
	got := h.client.get()
	if len(got) != 2 || !strings.Contains(got[0], `"code":-32700`) || !strings.Contains(got[0], `"id":null`) {
		t.Errorf("client got %q, want two parse errors", got)
	}
}

func TestAmbiguousNamesRefused(t *testing.T) {
	for _, in := range []string{
		`{"jsonrpc":"2.0","id":5,"method":"ping","Method":"tools/call","params":{"name":"write_file"}}`,
		`{"jsonrpc":"2.0","id":5,"METHOD":"tools/call","params":{"name":"write_file"}}`,
		`{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"read_text_file","NAME":"write_file"}}`,
		`{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"read_text_file","arguments":{"path":"/ok","PATH":"/etc/shadow"}}}`,
		"{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"x\",\"argument\u017f\":{}}}",
	} {
		h := newHarness(t, nil)
		h.fromClient(t, in)
		equal(t, "server got", h.server.get(), nil)
		got := h.client.get()
		if len(got) != 1 || !strings.Contains(got[0], `"code":-32600`) || !strings.Contains(got[0], `"id":5`) {
			t.Errorf("%s: client got %q", in, got)
		}
	}
}

func TestBatch(t *testing.T) {
	h := newHarness(t, nil)
	allowed := `[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"read_text_file","arguments":{}}}]`
	h.fromClient(t, allowed)
	equal(t, "server got", h.server.get(), []string{allowed})

	h = newHarness(t, nil)
	h.fromClient(t, `[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"write_file","arguments":{}}},{"jsonrpc":"2.0","method":"notifications/x"}]`)
	equal(t, "server got", h.server.get(), []string{`[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/x"}]`})
	got := h.client.get()
	if len(got) != 1 || !strings.HasPrefix(got[0], `[{"jsonrpc":"2.0","id":2,"result":`) {
		t.Errorf("client got %q, want a batch with the denial", got)
	}

	// A nested batch is not passed on.
	h = newHarness(t, nil)
	h.fromClient(t, `[[{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"write_file","arguments":{}}}],{"jsonrpc":"2.0","id":1,"method":"ping"}]`)
	equal(t, "server got", h.server.get(), []string{`[{"jsonrpc":"2.0","id":1,"method":"ping"}]`})
	if got := h.client.get(); len(got) != 1 || !strings.Contains(got[0], `"code":-32600`) {
		t.Errorf("client got %q, want an invalid-request error", got)
	}
}

type fakeApprover struct {
	approve bool
	err     error
	block   bool
}

func (a fakeApprover) Approve(ctx context.Context, c call.Call, d call.Decision) (Approval, error) {
	if a.block {
		<-ctx.Done()
		return Approval{}, ctx.Err()
	}
	return Approval{Approved: a.approve, ID: "01ABC", Message: "by admin"}, a.err
}

func TestApproval(t *testing.T) {
	ask := `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"drop_table","arguments":{"table":"t"}}}`
	t.Run("approved", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Approver = fakeApprover{approve: true} })
		h.fromClient(t, ask)
		h.p.Wait()
		equal(t, "server got", h.server.get(), []string{ask})
		equal(t, "client got", h.client.get(), nil)
	})
	t.Run("denied", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Approver = fakeApprover{approve: false} })
		h.fromClient(t, ask)
		h.p.Wait()
		equal(t, "server got", h.server.get(), nil)
		if got := h.client.get(); len(got) != 1 || !strings.Contains(got[0], "approval denied: by admin") {
			t.Errorf("client got %q", got)
		}
	})
	t.Run("no approver", func(t *testing.T) {
		h := newHarness(t, nil)
		h.fromClient(t, ask)
		h.p.Wait()
		if got := h.client.get(); len(got) != 1 || !strings.Contains(got[0], "start rampart-serve, retry the call, and approve it with `rampart approve ID`") || !strings.Contains(got[0], `"isError":true`) {
			t.Errorf("client got %q", got)
		}
	})
	t.Run("cancelled while held", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Approver = fakeApprover{block: true} })
		h.fromClient(t, ask, `{"jsonrpc":"2.0","id":8,"method":"ping"}`, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}}`)
		done := make(chan struct{})
		go func() { h.p.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("held call not released by its cancellation")
		}
		equal(t, "server got", h.server.get(), []string{`{"jsonrpc":"2.0","id":8,"method":"ping"}`})
		equal(t, "client got", h.client.get(), nil)
	})
}

func TestAbortAnswersPending(t *testing.T) {
	h := newHarness(t, nil)
	h.fromClient(t, readCall, `{"jsonrpc":"2.0","id":"x","method":"ping"}`, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	h.fromServer(t, `{"jsonrpc":"2.0","id":"x","result":{}}`)
	h.p.Abort("server exited (status 3) before answering")
	got := h.client.get()
	if len(got) != 2 || !strings.Contains(got[1], `"id":10,"error":{"code":-32603,"message":"server exited (status 3) before answering"}`) {
		t.Errorf("client got %q", got)
	}
}

func TestIDKey(t *testing.T) {
	if idKey([]byte(`1`)) != idKey([]byte(`1.0`)) || idKey([]byte(`"1"`)) == idKey([]byte(`1`)) {
		t.Error("idKey: numbers must compare by value and differ from strings")
	}
	k, _ := idKeyValue(json.Number("1"))
	if k != idKey([]byte(`1`)) {
		t.Error("idKeyValue disagrees with idKey")
	}
}
