package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
)

// MaxWait caps the long poll of GET /v1/approvals/{id}?wait=: a minute keeps
// proxies and idle timeouts between client and server from cutting it.
const MaxWait = time.Minute

// MaxReason bounds a human's reason for a resolution.
const MaxReason = 1 << 10

// handleCreateApproval holds a call that another adapter (the MCP proxy, the
// shell shim) judged require_approval; that adapter then waits on it with
// approval.Client.
//
//	POST /v1/approvals {"call":{"tool":"exec","params":{"command":"terraform apply"}},"decision":{"decision":"require_approval",...}}
func (s *Server) handleCreateApproval(w http.ResponseWriter, r *http.Request) {
	body, code, err := readBody(w, r, MaxBody)
	if err != nil {
		writeError(w, code, err.Error())
		return
	}
	var in struct {
		Call     *call.Call     `json:"call"`
		Decision *call.Decision `json:"decision"`
	}
	if err := strictUnmarshal(body, &in); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	switch {
	case in.Call == nil || in.Call.Tool == "":
		writeError(w, http.StatusBadRequest, "the body needs a call with a tool")
		return
	case in.Decision == nil || in.Decision.Decision != call.RequireApproval:
		writeError(w, http.StatusBadRequest, "the body needs the require_approval decision that held the call")
		return
	}
	if err := checkTool(in.Call.Tool); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	a, err := s.store.Create(approval.Request{Call: *in.Call, Decision: *in.Decision, Kind: approval.KindExternal, Async: true})
	if errors.Is(err, approval.ErrTooMany) {
		writeError(w, http.StatusTooManyRequests, "too many calls are waiting for a human already")
		return
	}
	if err != nil {
		s.logf("error: holding a call for approval: %v", err)
		writeError(w, http.StatusInternalServerError, "could not hold the call: "+err.Error())
		return
	}
	s.published(a)
	w.Header().Set("Location", "/v1/approvals/"+a.ID)
	writeJSON(w, http.StatusCreated, a)
}

// handleListApprovals answers {"approvals":[...]}, the pending ones unless
// ?status= names another status or "all".
func (s *Server) handleListApprovals(w http.ResponseWriter, r *http.Request) {
	st := approval.Status(r.URL.Query().Get("status"))
	switch st {
	case "":
		st = approval.Pending
	case "all":
		st = ""
	case approval.Pending, approval.Approved, approval.Denied, approval.Expired, approval.Canceled:
	default:
		writeError(w, http.StatusBadRequest, "status must be pending, approved, denied, expired, canceled or all")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"approvals": s.store.List(st)})
}

// handleGetApproval answers one approval; with ?wait=30s (or ?wait=30) it
// holds the answer until the approval is final or the wait passes. Final
// means resolved, and for an approved asynchronous tool call, run with its
// result attached.
func (s *Server) handleGetApproval(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	wait, err := parseWait(r.URL.Query().Get("wait"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	var a approval.Approval
	if wait > 0 {
		extendDeadlines(w, wait+30*time.Second)
		ctx, cancel := context.WithTimeout(r.Context(), wait)
		a, err = s.store.Wait(ctx, id, final)
		cancel()
		if r.Context().Err() != nil {
			return
		}
		if errors.Is(err, context.DeadlineExceeded) {
			err = nil
		}
	} else {
		a, err = s.store.Get(id)
	}
	if errors.Is(err, approval.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no approval "+strconv.Quote(id)+" (unknown, or resolved long ago)")
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func final(a approval.Approval) bool {
	if !a.Done() {
		return false
	}
	return a.Kind != approval.KindTool || !a.Async || a.Status != approval.Approved || a.Result != nil
}

func parseWait(v string) (time.Duration, error) {
	if v == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		n, nerr := strconv.ParseFloat(v, 64)
		if nerr != nil {
			return 0, errors.New("wait must be a duration such as 30s")
		}
		d = time.Duration(n * float64(time.Second))
	}
	return max(min(d, MaxWait), 0), nil
}

// handleResolve approves or denies a pending approval: admin token only.
//
//	POST /v1/approvals/{id}/resolve {"approved":true,"reason":"change window"}
//
// A second resolution answers 409 with the approval as it stands.
func (s *Server) handleResolve(w http.ResponseWriter, r *http.Request) {
	body, code, err := readBody(w, r, MaxSmallBody)
	if err != nil {
		writeError(w, code, err.Error())
		return
	}
	var in struct {
		Approved *bool  `json:"approved"`
		Reason   string `json:"reason"`
	}
	if err := strictUnmarshal(body, &in); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if in.Approved == nil {
		writeError(w, http.StatusBadRequest, `the body needs "approved": true or false`)
		return
	}
	if len(in.Reason) > MaxReason {
		writeError(w, http.StatusBadRequest, "reason longer than 1 KiB")
		return
	}
	reason := strings.TrimSpace(in.Reason)
	a, err := s.store.Resolve(r.PathValue("id"), *in.Approved, "admin", reason)
	switch {
	case errors.Is(err, approval.ErrNotFound):
		writeError(w, http.StatusNotFound, "no approval "+strconv.Quote(r.PathValue("id")))
	case errors.Is(err, approval.ErrResolved):
		writeJSON(w, http.StatusConflict, map[string]any{"error": err.Error(), "approval": a})
	case err != nil:
		writeError(w, http.StatusInternalServerError, err.Error())
	default:
		writeJSON(w, http.StatusOK, a)
	}
}

// published tells event subscribers about an approval's new state.
func (s *Server) published(a approval.Approval) {
	s.notifyHeld(a) // a new approval is published pending, once
	if !s.events.active() {
		return
	}
	b, err := json.Marshal(a)
	if err != nil {
		return
	}
	s.events.publish(event{name: "approval", id: a.ID, data: b})
}
