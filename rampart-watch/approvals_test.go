package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
)

// fakeServe stands in for rampart-serve: the approvals API and the event
// stream, with the admin token "admin-tok" and the agent token "agent-tok".
type fakeServe struct {
	mu       sync.Mutex
	pending  []approval.Approval
	resolved map[string]bool // id → approved
	events   chan string     // lines sent as "audit" events
}

func newFakeServe(t *testing.T) (*fakeServe, *httptest.Server) {
	f := &fakeServe{resolved: map[string]bool{}, events: make(chan string, 16)}
	f.pending = []approval.Approval{{
		ID: "01JAPPROVE", Status: approval.Pending, Kind: approval.KindExternal,
		Call:     call.Call{Tool: "exec", Params: call.Params{"command": "kubectl apply -f prod.yaml"}, Agent: "deploy-bot"},
		Decision: call.Decision{Decision: call.RequireApproval, MatchedPolicies: []string{"prod-changes"}},
		Created:  time.Now(), Expires: time.Now().Add(5 * time.Minute),
	}}
	mux := http.NewServeMux()
	auth := func(w http.ResponseWriter, r *http.Request, tokens ...string) bool {
		for _, tok := range tokens {
			if r.Header.Get("Authorization") == "Bearer "+tok {
				return true
			}
		}
		http.Error(w, `{"error":"bad token"}`, http.StatusUnauthorized)
		return false
	}
	mux.HandleFunc("GET /v1/approvals", func(w http.ResponseWriter, r *http.Request) {
		if !auth(w, r, "admin-tok", "agent-tok") {
			return
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		json.NewEncoder(w).Encode(map[string]any{"approvals": f.pending})
	})
	mux.HandleFunc("POST /v1/approvals/{id}/resolve", func(w http.ResponseWriter, r *http.Request) {
		if !auth(w, r, "admin-tok") {
			return
		}
		var body struct{ Approved bool }
		json.NewDecoder(r.Body).Decode(&body)
		f.mu.Lock()
		defer f.mu.Unlock()
		f.resolved[r.PathValue("id")] = body.Approved
		f.pending = nil
		json.NewEncoder(w).Encode(approval.Approval{ID: r.PathValue("id"), Status: approval.Approved})
	})
	mux.HandleFunc("GET /v1/events", func(w http.ResponseWriter, r *http.Request) {
		if !auth(w, r, "agent-tok") {
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprint(w, "retry: 2000\n: rampart events\n\n")
		w.(http.Flusher).Flush()
		for {
			select {
			case <-r.Context().Done():
				return
			case l := <-f.events:
				fmt.Fprintf(w, "event: audit\ndata: %s\n\n", strings.TrimSpace(l))
				w.(http.Flusher).Flush()
			}
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeServe) resolution(id string) (approved, ok bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	approved, ok = f.resolved[id]
	return
}

// writeTokens puts rampart-serve's token files in a Rampart home.
func writeTokens(t *testing.T, homeDir string, admin bool) {
	t.Helper()
	os.MkdirAll(homeDir, 0o700)
	os.WriteFile(filepath.Join(homeDir, "agent.token"), []byte("agent-tok\n"), 0o600)
	if admin {
		os.WriteFile(filepath.Join(homeDir, "admin.token"), []byte("admin-tok\n"), 0o600)
	}
}

// TestApproveFromDashboard: a pending approval shows in the footer, and a
// resolves it on the server.
func TestApproveFromDashboard(t *testing.T) {
	fake, srv := newFakeServe(t)
	dir := t.TempDir()
	writeTokens(t, filepath.Join(dir, "home"), true)
	p := startPTY(t, 120, 20, dashEnv(dir, "RAMPART_SERVE_ADDR="+srv.Listener.Addr().String()), "--file", filepath.Join(dir, "audit.jsonl"))
	waitScreen(t, p, "the pending approval", has("pending 1/1 ▸ exec kubectl apply -f prod.yaml · prod-changes · agent deploy-bot", "a approve · r deny"))
	p.typeKeys("a")
	waitScreen(t, p, "the approval resolved", has("approved 01JAPPROVE", "approvals: none pending"))
	if approved, ok := fake.resolution("01JAPPROVE"); !ok || !approved {
		t.Errorf("server saw resolution %v (sent: %v), want approved", approved, ok)
	}
}

// TestReadOnlyWithoutAdminToken: with only the agent token the dashboard
// lists approvals but says it cannot resolve them.
func TestReadOnlyWithoutAdminToken(t *testing.T) {
	fake, srv := newFakeServe(t)
	dir := t.TempDir()
	writeTokens(t, filepath.Join(dir, "home"), false)
	p := startPTY(t, 120, 20, dashEnv(dir, "RAMPART_SERVE_ADDR="+srv.Listener.Addr().String()), "--file", filepath.Join(dir, "audit.jsonl"))
	waitScreen(t, p, "a read-only pending approval", has("pending 1/1", "read-only: no admin token"))
	p.typeKeys("r")
	waitScreen(t, p, "the refusal", has("cannot resolve approvals: no admin token"))
	if _, ok := fake.resolution("01JAPPROVE"); ok {
		t.Error("resolved without an admin token")
	}
}

// TestServerStream follows rampart-serve's event stream with --server.
func TestServerStream(t *testing.T) {
	fake, srv := newFakeServe(t)
	dir := t.TempDir()
	writeTokens(t, filepath.Join(dir, "home"), true)
	p := startPTY(t, 160, 20, dashEnv(dir), "--server", srv.URL)
	waitScreen(t, p, "connected", has("connected to "+srv.URL, "events from "+srv.URL))
	w := newAuditWriter(t, filepath.Join(dir, "scratch.jsonl"))
	fake.events <- line(w.add("exec", call.Params{"command": "touch /tmp/x/blocked-marker"}, call.Deny, "block-marker"))
	waitScreen(t, p, "the streamed record", has("touch /tmp/x/blocked-marker", "total 1"))
}

// TestOnceWithServer lists the pending approvals under the frame.
func TestOnceWithServer(t *testing.T) {
	_, srv := newFakeServe(t)
	dir := t.TempDir()
	writeTokens(t, filepath.Join(dir, "home"), true)
	t.Setenv("RAMPART_HOME", filepath.Join(dir, "home"))
	var out strings.Builder
	c, err := parse([]string{"--once", "--server", srv.URL, "--file", filepath.Join(dir, "none.jsonl"), "--width", "200"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if err := once(t.Context(), c, &out); err != nil {
		t.Fatal(err)
	}
	want := "approvals: 1 pending at " + strings.TrimPrefix(srv.URL, "http://") + "\n  exec kubectl apply -f prod.yaml · prod-changes · agent deploy-bot · expires in "
	if !strings.Contains(out.String(), want) {
		t.Errorf("--once --server printed:\n%s\nwant it to contain:\n%s", out.String(), want)
	}
}
