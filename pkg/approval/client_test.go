package approval

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/home"
)

// fakeServer speaks the approval part of rampart-serve's API over a Store,
// enough to exercise the Client over real HTTP.
func fakeServer(t *testing.T, s *Store, agent, admin string) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	auth := func(r *http.Request, want string) int {
		switch r.Header.Get("Authorization") {
		case "Bearer " + admin:
			return 0
		case "Bearer " + agent:
			if want == "admin" {
				return http.StatusForbidden
			}
			return 0
		}
		return http.StatusUnauthorized
	}
	reply := func(w http.ResponseWriter, code int, v any) {
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(v)
	}
	fail := func(w http.ResponseWriter, code int, msg string) {
		reply(w, code, map[string]string{"error": msg})
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { reply(w, 200, map[string]string{"status": "ok"}) })
	mux.HandleFunc("POST /v1/approvals", func(w http.ResponseWriter, r *http.Request) {
		if c := auth(r, "agent"); c != 0 {
			fail(w, c, "no")
			return
		}
		var in struct {
			Call     call.Call
			Decision call.Decision
		}
		json.NewDecoder(r.Body).Decode(&in)
		a, _ := s.Create(Request{Call: in.Call, Decision: in.Decision, Kind: KindExternal, Async: true})
		reply(w, 201, a)
	})
	mux.HandleFunc("GET /v1/approvals/{id}", func(w http.ResponseWriter, r *http.Request) {
		if c := auth(r, "agent"); c != 0 {
			fail(w, c, "no")
			return
		}
		wait, _ := time.ParseDuration(r.URL.Query().Get("wait"))
		ctx, cancel := context.WithTimeout(r.Context(), wait)
		defer cancel()
		a, err := s.Wait(ctx, r.PathValue("id"), nil)
		if errors.Is(err, ErrNotFound) {
			fail(w, 404, err.Error())
			return
		}
		reply(w, 200, a)
	})
	mux.HandleFunc("POST /v1/approvals/{id}/resolve", func(w http.ResponseWriter, r *http.Request) {
		if c := auth(r, "admin"); c != 0 {
			fail(w, c, "admin token required")
			return
		}
		var in struct {
			Approved bool
			Reason   string
		}
		json.NewDecoder(r.Body).Decode(&in)
		a, err := s.Resolve(r.PathValue("id"), in.Approved, "admin", in.Reason)
		switch {
		case errors.Is(err, ErrResolved):
			fail(w, 409, err.Error())
		case err != nil:
			fail(w, 404, err.Error())
		default:
			reply(w, 200, a)
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestClientRequestWait(t *testing.T) {
	s := open(t, t.TempDir(), Options{})
	srv := fakeServer(t, s, "agent-tok", "admin-tok")
	ctx := context.Background()
	agent := &Client{Addr: srv.URL, Token: "agent-tok"}
	admin := &Client{Addr: srv.Listener.Addr().String(), Token: "admin-tok"}

	id, err := agent.Request(ctx, kubectl, held)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := agent.Resolve(ctx, id, true, "self-approve"); !errors.Is(err, ErrForbidden) {
		t.Errorf("agent Resolve err = %v, want ErrForbidden", err)
	}
	type result struct {
		ok     bool
		reason string
		err    error
	}
	done := make(chan result)
	go func() {
		ok, reason, err := agent.Wait(ctx, id)
		done <- result{ok, reason, err}
	}()
	time.Sleep(20 * time.Millisecond)
	if _, err := admin.Resolve(ctx, id, false, "not on a friday"); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err != nil || r.ok || r.reason != "denied by admin: not on a friday" {
		t.Errorf("Wait = %+v", r)
	}
	if _, err := admin.Resolve(ctx, id, true, ""); !errors.Is(err, ErrResolved) {
		t.Errorf("second Resolve err = %v, want ErrResolved", err)
	}
	if _, err := agent.Get(ctx, "01JD5V7W0M6Q3YJ8E9C2N4T1RX", 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(unknown) err = %v, want ErrNotFound", err)
	}
	bad := &Client{Addr: srv.URL, Token: "wrong"}
	if _, err := bad.Request(ctx, kubectl, held); err == nil {
		t.Error("Request with a wrong token succeeded")
	}
}

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	l := home.Layout{Dir: dir}
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	ctx := context.Background()

	if _, err := Discover(ctx, l, getenv); !errors.Is(err, ErrNoServer) {
		t.Errorf("Discover without token err = %v, want ErrNoServer", err)
	}
	os.WriteFile(filepath.Join(dir, "agent.token"), []byte("agent-tok\n"), 0o600)

	// A port nothing listens on.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	env["RAMPART_SERVE_ADDR"] = ln.Addr().String()
	ln.Close()
	if _, err := Discover(ctx, l, getenv); !errors.Is(err, ErrNoServer) {
		t.Errorf("Discover without server err = %v, want ErrNoServer", err)
	}

	s := open(t, t.TempDir(), Options{})
	srv := fakeServer(t, s, "agent-tok", "admin-tok")
	env["RAMPART_SERVE_ADDR"] = srv.Listener.Addr().String()
	c, err := Discover(ctx, l, getenv)
	if err != nil {
		t.Fatal(err)
	}
	if c.Token != "agent-tok" {
		t.Errorf("token = %q", c.Token)
	}
}

// Wait keeps retrying a server that went away until its context ends.
func TestWaitServerGone(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	c := &Client{Addr: addr, Token: "x"}
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	_, _, err := c.Wait(ctx, "01JD5V7W0M6Q3YJ8E9C2N4T1RX")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Wait err = %v, want the context's deadline", err)
	}
}
