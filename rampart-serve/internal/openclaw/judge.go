package openclaw

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"rampart.dev/pkg/call"
)

// Agent is the agent name written into calls and audit records.
const Agent = "openclaw"

// OpenClaw's decisions.
const (
	AllowOnce = "allow-once"
	Deny      = "deny"
)

// FlagAnswer marks the audit record of the answer sent back to the gateway.
const FlagAnswer = "openclaw_answer"

// Call turns an exec approval request into the exec call Rampart judges.
func Call(a ApprovalRequest) call.Call {
	return call.Call{
		Tool:    call.ToolExec,
		Params:  call.Params{"command": a.Request.Command},
		Agent:   Agent,
		Session: Str(a.Request.SessionKey),
		Cwd:     Str(a.Request.Cwd),
	}
}

// judge decides one request and answers it: deny → deny, allow or log →
// allow-once, require_approval → a Rampart approval a person resolves, or
// deny when it expires with the request.
func (c *Client) judge(a ApprovalRequest) {
	ctx := c.runCtx
	cl := Call(a)
	var d call.Decision
	if err := a.Validate(); err != nil {
		d = c.cfg.Point.Reject(cl, err.Error())
	} else {
		d = c.cfg.Point.Decide(cl)
	}
	expires := time.UnixMilli(a.ExpiresAtMs)
	decision, why := Deny, d.Message
	switch d.Decision {
	case call.Allow, call.Log:
		decision = AllowOnce
	case call.RequireApproval:
		decision, why = c.ask(ctx, a, cl, d, expires)
	}
	if decision == AllowOnce && len(a.Request.AllowedDecisions) > 0 && !slices.Contains(a.Request.AllowedDecisions, AllowOnce) {
		decision, why = Deny, "the gateway does not offer allow-once for this request"
	}
	err := c.answer(ctx, a.ID, decision, expires)
	c.record(cl, d, a.ID, decision, why, err)
}

// ask holds the call for a person until the request expires.
func (c *Client) ask(ctx context.Context, a ApprovalRequest, cl call.Call, d call.Decision, expires time.Time) (string, string) {
	if c.cfg.Approver == nil {
		return Deny, "approval needed and no approver is configured: " + d.Message
	}
	left := expires.Sub(c.cfg.Now())
	if a.ExpiresAtMs == 0 {
		left = 0 // the Approver's default
	} else if left <= 0 {
		return Deny, "the request expired before it could be held"
	}
	c.logf("approval %s: %q waits for a person (rampart pending)", a.ID, cl.Command())
	ok, reason, err := c.cfg.Approver.Hold(ctx, cl, d, left)
	switch {
	case err != nil:
		return Deny, "approval failed: " + err.Error()
	case ok:
		return AllowOnce, reason
	}
	return Deny, reason
}

// answer sends exec.approval.resolve, on whichever connection is live,
// until the gateway takes it, refuses it, or the request is past expiry.
func (c *Client) answer(ctx context.Context, id, decision string, expires time.Time) error {
	deadline := expires.Add(answerGrace)
	if expires.IsZero() || expires.Year() < 2000 {
		deadline = c.cfg.Now().Add(time.Minute)
	}
	actx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	for {
		cn, err := c.current(actx)
		if err != nil {
			return fmt.Errorf("no connection to the gateway before the request expired: %w", err)
		}
		_, err = cn.request(actx, "exec.approval.resolve", map[string]string{"id": id, "decision": decision})
		if !errors.Is(err, errClosed) {
			return err
		}
	}
}

// record audits the answer sent to the gateway (or why it was not taken).
func (c *Client) record(cl call.Call, d call.Decision, id, decision, why string, sendErr error) {
	out := call.Decision{Decision: call.Deny, MatchedPolicies: d.MatchedPolicies, Explicit: true, Flags: []string{FlagAnswer}}
	if decision == AllowOnce {
		out.Decision = call.Allow
	}
	out.Message = "openclaw approval " + id + " answered " + decision
	if why != "" {
		out.Message += ": " + why
	}
	if sendErr != nil {
		out.Message += "; the gateway did not take the answer: " + sendErr.Error()
		c.logf("approval %s: answering %s failed: %v", id, decision, sendErr)
	} else {
		c.logf("approval %s: answered %s", id, decision)
	}
	if err := c.cfg.Point.Record(cl, out); err != nil {
		c.logf("error: auditing the answer to approval %s: %v", id, err)
	}
}
