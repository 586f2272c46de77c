package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/home"
)

// approvalsCmd is the testscript command "approvals": a stand-in for
// rampart-serve's approval API, enough for the shim's client.
//
//	approvals serve                  start it; set RAMPART_SERVE_ADDR, write the agent token
//	approvals resolve yes|no REASON  resolve the first pending approval (waits for one)
func approvalsCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: approvals serve | approvals resolve yes|no REASON")
	}
	l := home.Layout{Dir: ts.Getenv("RAMPART_HOME")}
	switch args[0] {
	case "serve":
		s, err := approval.Open(filepath.Join(ts.Getenv("WORK"), "approvals-store"), approval.Options{})
		ts.Check(err)
		servers.Store(ts.Getenv("WORK"), s)
		srv := httptest.NewServer(approvalAPI(s, "agent-token"))
		ts.Defer(func() { srv.Close(); s.Close() })
		ts.Check(os.WriteFile(l.AgentToken(), []byte("agent-token\n"), 0o600))
		ts.Setenv("RAMPART_SERVE_ADDR", srv.URL)
	case "resolve":
		if len(args) != 3 {
			ts.Fatalf("usage: approvals resolve yes|no REASON")
		}
		v, ok := servers.Load(ts.Getenv("WORK"))
		if !ok {
			ts.Fatalf("approvals resolve before approvals serve")
		}
		s := v.(*approval.Store)
		for end := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			if p := s.List(approval.Pending); len(p) > 0 {
				_, err := s.Resolve(p[0].ID, args[1] == "yes", "tester", args[2])
				ts.Check(err)
				return
			}
			if time.Now().After(end) {
				ts.Fatalf("no approval became pending")
			}
		}
	default:
		ts.Fatalf("unknown approvals command %q", args[0])
	}
}

// approvalAPI serves GET /healthz, POST /v1/approvals and the long-polled
// GET /v1/approvals/{id}.
func approvalAPI(s *approval.Store, token string) http.Handler {
	mux := http.NewServeMux()
	reply := func(w http.ResponseWriter, code int, v any) {
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(v)
	}
	authed := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer "+token {
				reply(w, http.StatusUnauthorized, map[string]string{"error": "bad token"})
				return
			}
			h(w, r)
		}
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { reply(w, 200, map[string]string{"status": "ok"}) })
	mux.HandleFunc("POST /v1/approvals", authed(func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Call     call.Call     `json:"call"`
			Decision call.Decision `json:"decision"`
		}
		json.NewDecoder(r.Body).Decode(&in)
		a, err := s.Create(approval.Request{Call: in.Call, Decision: in.Decision, Kind: approval.KindExternal, Async: true})
		if err != nil {
			reply(w, 500, map[string]string{"error": err.Error()})
			return
		}
		reply(w, 201, a)
	}))
	mux.HandleFunc("GET /v1/approvals/{id}", authed(func(w http.ResponseWriter, r *http.Request) {
		wait, _ := time.ParseDuration(r.URL.Query().Get("wait"))
		ctx, cancel := context.WithTimeout(r.Context(), wait)
		defer cancel()
		a, err := s.Wait(ctx, r.PathValue("id"), nil)
		if err != nil && !errors.Is(err, context.DeadlineExceeded) && !strings.Contains(err.Error(), "deadline") {
			reply(w, 404, map[string]string{"error": err.Error()})
			return
		}
		reply(w, 200, a)
	}))
	return mux
}
