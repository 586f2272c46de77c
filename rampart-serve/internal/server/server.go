// Package server is rampart-serve's HTTP API: the decision point over HTTP,
// execution of allowed calls, held approvals, the audit event stream,
// health and metrics. docs/serve.md documents the wire format.
package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"sync"
	"time"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
)

// Config is what a Server needs.
type Config struct {
	Point       Point
	AgentToken  string
	AdminToken  string
	Approvals   string        // directory of pending approvals
	AuditLog    string        // file streamed by GET /v1/events ("" disables audit events)
	Timeout     time.Duration // how long a held call waits for a human; 0 = approval.DefaultTimeout
	ExecTimeout time.Duration // default timeout of exec and fetch; 0 = DefaultExecTimeout
	UserHome    string        // for ~ in read and write paths
	Cwd         string        // cwd of calls that name none
	Log         io.Writer     // diagnostics; nil discards them
	Notify      Notify        // webhooks told of each call held for approval
}

// Server serves the API. Create it with New; it is an http.Handler.
type Server struct {
	cfg     Config
	store   *approval.Store
	metrics *metrics
	events  *broker
	notify  *notifier // nil without webhooks
	mux     *http.ServeMux
	agent   []byte
	admin   []byte

	ctx    context.Context // canceled by Close: stops background runs
	cancel context.CancelFunc
	bg     sync.WaitGroup
}

// New opens the approval store and builds the routes.
func New(cfg Config) (*Server, error) {
	if cfg.Point == nil {
		return nil, errors.New("no decision point")
	}
	if len(cfg.AgentToken) < minToken || len(cfg.AdminToken) < minToken {
		return nil, fmt.Errorf("tokens must be at least %d bytes", minToken)
	}
	if cfg.AgentToken == cfg.AdminToken {
		return nil, errors.New("the agent and admin tokens must differ")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = approval.DefaultTimeout
	}
	if cfg.ExecTimeout <= 0 {
		cfg.ExecTimeout = DefaultExecTimeout
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Cwd == "" {
		cfg.Cwd, _ = os.Getwd()
	}
	s := &Server{cfg: cfg, agent: []byte(cfg.AgentToken), admin: []byte(cfg.AdminToken)}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.events = newBroker(cfg.AuditLog)
	st, err := approval.Open(cfg.Approvals, approval.Options{Timeout: cfg.Timeout, Record: s.recordResolution, OnResolve: s.onResolve})
	if err != nil {
		return nil, fmt.Errorf("approvals: %w", err)
	}
	s.store = st
	for _, err := range st.Skipped() {
		s.logf("error: unreadable approval set aside: %v", err)
	}
	s.metrics = newMetrics(st)
	if len(cfg.Notify.Webhooks) > 0 {
		s.notify = newNotifier(cfg.Notify, s.metrics.reg, s.auditNotifyDropped, s.logf)
	}
	s.recover()
	s.notifyRecovered()
	s.routes()
	return s, nil
}

// Store is the server's approval store.
func (s *Server) Store() *approval.Store { return s.store }

// Close stops background work and the approval timers. Pending approvals
// stay on disk for the next start.
func (s *Server) Close() error {
	s.cancel()
	s.bg.Wait()
	if s.notify != nil {
		s.notify.close()
	}
	s.events.close()
	return s.store.Close()
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("POST /v1/tool/{tool}", s.auth(roleAgent, s.handleTool))
	m.HandleFunc("POST /v1/preflight/{tool}", s.auth(roleAgent, s.handlePreflight))
	m.HandleFunc("POST /v1/approvals", s.auth(roleAgent, s.handleCreateApproval))
	m.HandleFunc("GET /v1/approvals", s.auth(roleAgent, s.handleListApprovals))
	m.HandleFunc("GET /v1/approvals/{id}", s.auth(roleAgent, s.handleGetApproval))
	m.HandleFunc("POST /v1/approvals/{id}/resolve", s.auth(roleAdmin, s.handleResolve))
	m.HandleFunc("GET /v1/events", s.auth(roleAgent, s.handleEvents))
	m.HandleFunc("/v1/", s.auth(roleAgent, func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	}))
	m.HandleFunc("GET /healthz", s.handleHealth)
	m.Handle("GET /metrics", s.metrics.handler())
	s.mux = m
}

// Header values set on every answer, shared rather than allocated per
// request. Each slice is full (len == cap), so a handler that adds a value
// to one of these headers gets a new slice and never writes into them.
var (
	noStore    = []string{"no-store"}
	noSniff    = []string{"nosniff"}
	appJSON    = []string{"application/json"}
	bearerAuth = []string{`Bearer realm="rampart"`}
)

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h["Cache-Control"] = noStore
	h["X-Content-Type-Options"] = noSniff
	s.mux.ServeHTTP(w, r)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// Roles, weakest first: the admin token may do everything the agent token
// may, and resolve approvals.
type role int

const (
	roleAgent role = iota
	roleAdmin
)

// minToken is the shortest token accepted: rampart-serve writes 64 hex
// digits (256 bits); a hand-made token must still resist guessing.
const minToken = 16

// auth checks the bearer token in constant time against both tokens (both
// are always compared, so timing says nothing about which one was close).
func (s *Server) auth(need role, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, ok := bearer(r)
		isAgent := subtle.ConstantTimeCompare(tok, s.agent)
		isAdmin := subtle.ConstantTimeCompare(tok, s.admin)
		switch {
		case !ok || isAgent|isAdmin == 0:
			w.Header()["Www-Authenticate"] = bearerAuth
			writeError(w, http.StatusUnauthorized, "missing or invalid bearer token")
			return
		case need == roleAdmin && isAdmin == 0:
			writeError(w, http.StatusForbidden, "this needs the admin token; an agent cannot resolve approvals")
			return
		}
		h(w, r)
	}
}

func bearer(r *http.Request) ([]byte, bool) {
	h := r.Header.Get("Authorization")
	const p = "Bearer "
	if len(h) <= len(p) || !equalFold(h[:len(p)], p) {
		return nil, false
	}
	return []byte(h[len(p):]), true
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header()["Content-Type"] = appJSON
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// readBody reads a capped body; over the cap it answers 413 itself.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, int, error) {
	return readBodyInto(nil, w, r, limit)
}

// readBodyInto is readBody appending to buf, which a caller can reuse.
func readBodyInto(buf []byte, w http.ResponseWriter, r *http.Request, limit int64) ([]byte, int, error) {
	b, err := appendAll(buf, http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("request body exceeds %d bytes", limit)
		}
		return nil, http.StatusBadRequest, fmt.Errorf("reading the body: %v", err)
	}
	return b, 0, nil
}

// appendAll is io.ReadAll appending to b.
func appendAll(b []byte, r io.Reader) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// extendDeadlines moves the connection's write deadline for a handler that
// waits on purpose (a held call, a long poll, a run) past the server's
// WriteTimeout. The read deadline needs no care: once the body is read,
// net/http clears it for the read that watches for a client hanging up.
func extendDeadlines(w http.ResponseWriter, d time.Duration) {
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(d))
}

// Connection limits of HTTPServer. Handlers that wait on purpose move their
// own deadlines (extendDeadlines).
const (
	ReadHeaderTimeout = 10 * time.Second // slow headers cannot hold a connection
	ReadTimeout       = time.Minute      // a 4 MiB body on a slow link
	WriteTimeout      = time.Minute
	IdleTimeout       = 2 * time.Minute
	MaxHeaderBytes    = 64 << 10
)

// HTTPServer returns an http.Server for s with the connection limits above.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
		ErrorLog:          log.New(s.cfg.Log, "rampart-serve: http: ", 0),
	}
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.cfg.Log, "rampart-serve: "+format+"\n", args...)
}

// toolLabel bounds the tool label of metrics: tool names come from clients,
// so only the canonical ones get their own series.
func toolLabel(tool string) string {
	switch tool {
	case call.ToolExec, call.ToolRead, call.ToolWrite, call.ToolFetch, call.ToolMCP:
		return tool
	}
	return "other"
}
