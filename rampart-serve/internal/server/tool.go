package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
)

// Response is the answer to POST /v1/tool/{tool} and /v1/preflight/{tool}.
//
//	{"decision":"allow","message":"","matched_policies":[],"result":{"exit_code":0,"stdout":"a\n","stderr":""}}
//
// ApprovalID and Status are set when the policy held the call for a human;
// Result and Error only for /v1/tool when the call ran (Error: it could not
// be carried out, such as a missing file).
type Response struct {
	Decision        call.Action     `json:"decision"`
	Message         string          `json:"message"`
	MatchedPolicies []string        `json:"matched_policies"`
	Flags           []string        `json:"flags,omitempty"`
	ApprovalID      string          `json:"approval_id,omitempty"`
	Status          approval.Status `json:"status,omitempty"`
	Result          any             `json:"result,omitempty"`
	Error           string          `json:"error,omitempty"`
}

func newResponse(d call.Decision) *Response {
	r := &Response{Decision: d.Decision, Message: d.Message, MatchedPolicies: d.MatchedPolicies, Flags: d.Flags}
	if r.MatchedPolicies == nil {
		r.MatchedPolicies = []string{}
	}
	return r
}

// badCall answers a call that could not be read: a clear error, and a deny
// so that a client that only looks at the decision is still safe. The
// rejection is audited like any decision.
func (s *Server) badCall(w http.ResponseWriter, r *http.Request, code int, msg string) {
	tool := r.PathValue("tool")
	if checkTool(tool) != nil {
		tool = ""
	}
	d := s.cfg.Point.Reject(call.Call{Tool: tool}, msg)
	s.metrics.count(tool, d.Decision)
	writeResponse(w, code, &Response{Decision: call.Deny, Message: d.Message, MatchedPolicies: []string{}, Flags: d.Flags, Error: msg})
}

func (s *Server) handlePreflight(w http.ResponseWriter, r *http.Request) {
	s.handleCall(w, r, false)
}

func (s *Server) handleTool(w http.ResponseWriter, r *http.Request) {
	if !executable(r.PathValue("tool")) {
		writeError(w, http.StatusNotFound, "rampart-serve runs exec, read, write and fetch; use /v1/preflight/"+r.PathValue("tool")+" for a decision only")
		return
	}
	s.handleCall(w, r, true)
}

// bodyPool holds the buffers call bodies are read into; maxPooledBody
// bounds those kept, so a rare large body is not kept alive.
var bodyPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

const maxPooledBody = 64 << 10

func (s *Server) handleCall(w http.ResponseWriter, r *http.Request, run bool) {
	// The body is only decoded (decodeCall copies what it keeps), so its
	// buffer goes back to the pool at once.
	bp := bodyPool.Get().(*[]byte)
	body, code, err := readBodyInto((*bp)[:0], w, r, MaxBody)
	var c call.Call
	if err == nil {
		c, err = decodeCall(r.PathValue("tool"), body)
		code = http.StatusBadRequest
	}
	if cap(body) <= maxPooledBody {
		*bp = body[:0]
		bodyPool.Put(bp)
	}
	if err != nil {
		s.badCall(w, r, code, err.Error())
		return
	}
	if err != nil {
		s.badCall(w, r, http.StatusBadRequest, err.Error())
		return
	}
	if c.Cwd == "" {
		c.Cwd = s.cfg.Cwd
	}
	d := s.decide(c)
	resp := newResponse(d)
	if d.Decision == call.RequireApproval {
		kind := approval.KindPreflight
		if run {
			kind = approval.KindTool
		}
		a, ok := s.hold(w, r, c, d, kind, resp)
		if !ok {
			return
		}
		out := a.Outcome()
		resp.Decision, resp.Message, resp.ApprovalID, resp.Status = out.Decision, out.Message, a.ID, a.Status
	}
	if run && resp.Decision < call.RequireApproval {
		extendDeadlines(w, s.runBudget(c))
		resp.Result, resp.Error = s.run(r.Context(), c)
	}
	writeResponse(w, http.StatusOK, resp)
}

// hold keeps a call the policy sent to a human. With Prefer: respond-async
// it answers 202 at once and reports false; otherwise it waits for the
// resolution (or the timeout, a deny) and returns the resolved approval. A
// caller that hangs up while waiting cancels its approval.
func (s *Server) hold(w http.ResponseWriter, r *http.Request, c call.Call, d call.Decision, kind string, resp *Response) (approval.Approval, bool) {
	async := preferAsync(r.Header)
	a, err := s.store.Create(approval.Request{Call: c, Decision: d, Kind: kind, Async: async})
	if err != nil {
		s.logf("error: holding a call for approval: %v", err)
		resp.Decision, resp.Message = call.Deny, "denied: the call needs approval but could not be held: "+err.Error()
		writeResponse(w, http.StatusOK, resp)
		return approval.Approval{}, false
	}
	s.published(a)
	if async {
		resp.ApprovalID, resp.Status = a.ID, a.Status
		w.Header().Set("Location", "/v1/approvals/"+a.ID)
		w.Header().Set("Preference-Applied", "respond-async")
		writeResponse(w, http.StatusAccepted, resp)
		return approval.Approval{}, false
	}
	extendDeadlines(w, time.Until(a.Expires)+30*time.Second)
	a, err = s.store.Wait(r.Context(), a.ID, nil)
	if err != nil {
		s.store.Cancel(a.ID, "the caller disconnected before an answer")
		return approval.Approval{}, false
	}
	return a, true
}

// preferAsync reports whether the request carries Prefer: respond-async
// (RFC 7240), alone or among other preferences.
func preferAsync(h http.Header) bool {
	for _, v := range h.Values("Prefer") {
		for _, p := range strings.Split(v, ",") {
			p, _, _ = strings.Cut(p, ";")
			if strings.EqualFold(strings.TrimSpace(p), "respond-async") {
				return true
			}
		}
	}
	return false
}

// decide asks the decision point and counts the answer.
func (s *Server) decide(c call.Call) call.Decision {
	start := time.Now()
	d := s.cfg.Point.Decide(c)
	s.metrics.observe(c.Tool, d.Decision, time.Since(start))
	return d
}

// FlagApproval marks the audit record of an approval's resolution.
const FlagApproval = "approval"

// recordResolution audits an approval's outcome (a timeout is a deny) before
// the store lets anyone see it.
func (s *Server) recordResolution(a approval.Approval) error {
	out := a.Outcome()
	out.Flags = []string{FlagApproval}
	err := s.cfg.Point.Record(a.Call, out)
	if err != nil {
		s.logf("error: auditing the resolution of approval %s: %v", a.ID, err)
	}
	return err
}

// onResolve runs once for every approval that left pending: it counts it,
// tells event subscribers, and runs an approved asynchronous tool call.
func (s *Server) onResolve(a approval.Approval) {
	if s.metrics != nil {
		s.metrics.resolved.WithLabelValues(string(a.Status)).Inc()
	}
	s.published(a)
	if a.Kind == approval.KindTool && a.Async && a.Status == approval.Approved {
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			res, errMsg := s.run(s.ctx, a.Call)
			s.attach(a.ID, res, errMsg)
		}()
	}
}

// attach stores what an approved asynchronous call produced.
func (s *Server) attach(id string, res any, errMsg string) {
	b, err := json.Marshal(struct {
		Result any    `json:"result,omitempty"`
		Error  string `json:"error,omitempty"`
	}{res, errMsg})
	if err == nil {
		_, err = s.store.SetResult(id, b)
	}
	if err != nil {
		s.logf("error: keeping the result of approval %s: %v", id, err)
		return
	}
	if a, err := s.store.Get(id); err == nil {
		s.published(a)
	}
}

// recover settles approvals a previous run left behind: a synchronous
// request died with that run, so its approval is canceled; an approved
// asynchronous call whose result was never recorded is not run again (it
// may have run already) and says so.
func (s *Server) recover() {
	for _, a := range s.store.List(approval.Pending) {
		if !a.Async {
			s.store.Cancel(a.ID, "rampart-serve restarted while the caller waited")
		}
	}
	for _, a := range s.store.List(approval.Approved) {
		if a.Kind == approval.KindTool && a.Async && a.Result == nil {
			s.attach(a.ID, nil, "rampart-serve stopped before the result was recorded; the call may or may not have run")
		}
	}
}

// executable names the tools /v1/tool runs.
func executable(tool string) bool {
	switch tool {
	case call.ToolExec, call.ToolRead, call.ToolWrite, call.ToolFetch:
		return true
	}
	return false
}
