// Package approval holds calls that a policy sent to a human
// (require_approval) until someone approves or denies them, and gives other
// programs a client to ask for such an approval and wait on it.
//
// # Approvals
//
// An [Approval] is one held call: its [call.Call], the [call.Decision] that
// held it, and a [Status] that starts as pending and moves exactly once to
// approved, denied, expired (nobody answered in time) or canceled (the caller
// went away). Only approved releases the call; every other status is a deny.
// Its id is a ULID, so ids sort by creation time.
//
// As JSON, the shape rampart-serve answers with:
//
//	{"id":"01JD5V7W0M6Q3YJ8E9C2N4T1RX","status":"pending","kind":"tool","async":true,
//	 "call":{"tool":"exec","params":{"command":"kubectl apply -f prod.yaml"},"agent":"deploy-bot"},
//	 "decision":{"decision":"require_approval","message":"production change","matched_policies":["prod-changes"],"eval_ns":2100},
//	 "created_at":"2026-11-25T10:00:00Z","expires_at":"2026-11-25T10:05:00Z"}
//
// and once resolved it also carries resolved_at, resolved_by and reason, and
// for a call that ran after approval, its result.
//
// # Store
//
// A [Store] keeps approvals in a directory, one JSON file per approval named
// after its id, each written atomically (a temporary file renamed over the
// old one), so pending approvals survive a restart and a crash never leaves a
// torn file. A pending approval expires at its deadline, also across restarts.
// Resolved approvals are kept for [Options.Retain] so that late pollers still
// learn the outcome, then deleted. A Store is safe for concurrent use.
//
// # Client
//
// A [Client] is how an adapter that is not rampart-serve itself (the MCP
// proxy, the shell shim) hands a require_approval decision to a running
// rampart-serve and waits for a human:
//
//	c, err := approval.Discover(ctx, layout, os.Getenv)
//	if errors.Is(err, approval.ErrNoServer) {
//		// deny, and tell the user: start one with `rampart-serve`
//	}
//	id, err := c.Request(ctx, theCall, theDecision)
//	approved, reason, err := c.Wait(ctx, id)
//
// [Discover] finds the server at $RAMPART_SERVE_ADDR or [DefaultAddr] and reads
// the agent token from the home layout; it answers [ErrNoServer] when no
// token file exists or no server answers. The client uses only net/http.
package approval

import (
	"encoding/json"
	"errors"
	"time"

	"rampart.dev/pkg/call"
)

// Status is where an approval stands.
type Status string

// The statuses. Pending is the only one that changes.
const (
	Pending  Status = "pending"
	Approved Status = "approved"
	Denied   Status = "denied"
	Expired  Status = "expired"  // nobody answered before the deadline
	Canceled Status = "canceled" // the caller withdrew before anyone answered
)

// Kinds an approval's creator may give it; the store does not interpret them.
const (
	KindTool      = "tool"      // a call rampart-serve runs once approved
	KindPreflight = "preflight" // a decision only
	KindExternal  = "external"  // held for another adapter, which waits through a Client
)

// Approval is one call held for a human.
type Approval struct {
	ID     string `json:"id"`
	Status Status `json:"status"`
	// Kind and Async are set by the creator and say what happens once the
	// approval is resolved: see KindTool and friends. Async means no request
	// is waiting on it and the creator acts on the resolution by itself.
	Kind     string        `json:"kind,omitempty"`
	Async    bool          `json:"async,omitempty"`
	Call     call.Call     `json:"call"`
	Decision call.Decision `json:"decision"`
	Created  time.Time     `json:"created_at"`
	Expires  time.Time     `json:"expires_at"`
	Resolved time.Time     `json:"resolved_at,omitzero"`
	// ResolvedBy names who resolved it: "admin" for a human with the admin
	// token, "timeout" or "caller" otherwise.
	ResolvedBy string `json:"resolved_by,omitempty"`
	Reason     string `json:"reason,omitempty"`
	// Result is what the released call produced, attached by the creator.
	Result json.RawMessage `json:"result,omitempty"`
}

// Done reports whether a has been resolved.
func (a Approval) Done() bool { return a.Status != Pending }

// Outcome is the decision an approval's resolution amounts to: allow when
// approved, deny otherwise (including while still pending), with a message
// saying who decided and why.
func (a Approval) Outcome() call.Decision {
	d := call.Decision{
		Decision:        call.Deny,
		MatchedPolicies: a.Decision.MatchedPolicies,
		Explicit:        true,
		Message:         a.Describe(),
	}
	if a.Status == Approved {
		d.Decision = call.Allow
	}
	return d
}

// Describe says in one line how a was resolved, for messages shown to users.
func (a Approval) Describe() string {
	var s string
	switch a.Status {
	case Pending:
		return "approval " + a.ID + " is still pending"
	case Approved:
		s = "approved by " + a.ResolvedBy
	case Denied:
		s = "denied by " + a.ResolvedBy
	case Expired:
		s = "approval timed out"
	case Canceled:
		s = "approval canceled"
	default:
		s = "approval " + string(a.Status)
	}
	if a.Reason != "" {
		s += ": " + a.Reason
	}
	return s
}

// Errors the Store and the Client return; callers branch on them.
var (
	ErrNotFound = errors.New("no such approval")
	ErrResolved = errors.New("approval already resolved")
	// ErrTooMany means the store holds Options.MaxPending approvals already.
	ErrTooMany = errors.New("too many pending approvals")
	// ErrNoServer means no rampart-serve could be reached. Callers deny the
	// call and tell the user how to start one.
	ErrNoServer = errors.New("no rampart-serve reachable (start one with `rampart-serve`)")
	// ErrForbidden means the token may not do what was asked, such as an
	// agent token resolving an approval.
	ErrForbidden = errors.New("token not allowed to do this")
)
