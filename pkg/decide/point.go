package decide

import (
	"fmt"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/policy"
)

// Decide evaluates c, records it, and returns the decision to enforce.
func (p *Point) Decide(c call.Call) call.Decision {
	start := p.cfg.Now()
	var d call.Decision
	pol, err := p.forCwd(c.Cwd)
	if err != nil {
		d = p.failure(err.Error())
	} else {
		d = p.evaluate(pol, c)
	}
	d.EvalNS = p.cfg.Now().Sub(start).Nanoseconds()
	return p.finish(c, d)
}

// Reject records a call that could not be judged (malformed input, an
// oversized payload) as a deny with the reason, and returns that deny. It
// is never relaxed by monitor mode or fail-open: bad input is not a call.
func (p *Point) Reject(c call.Call, reason string) call.Decision {
	d := call.Decision{Decision: call.Deny, Message: reason, Flags: []string{call.FlagBadInput}}
	if c.Tool == "" {
		c.Tool = "invalid"
	}
	if err := p.Record(c, d); err != nil {
		d.Message += "; and the audit record failed: " + err.Error()
	}
	return d
}

// Record appends a record for c and d to the audit trail, for adapters
// that learn more after the decision (a credential in a tool's output).
func (p *Point) Record(c call.Call, d call.Decision) error {
	if p.cfg.NoAudit {
		return nil
	}
	if p.log == nil {
		return fmt.Errorf("audit log unavailable: %v", p.openErr)
	}
	_, err := p.log.Append(audit.Entry{Call: c, Decision: d, Via: p.cfg.Via})
	return err
}

// failure is the decision when the point cannot judge: deny, or allow when
// the user chose fail-open.
func (p *Point) failure(reason string) call.Decision {
	if p.cfg.FailOpen {
		return call.Decision{Decision: call.Allow, Message: "fail-open: " + reason, Flags: []string{call.FlagFailOpen}}
	}
	return call.Decision{Decision: call.Deny, Message: reason}
}

// finish applies monitor mode, writes the audit record and fails closed
// when it cannot be written.
func (p *Point) finish(c call.Call, d call.Decision) call.Decision {
	recorded := d
	if p.cfg.Monitor {
		recorded.Flags = append(append([]string(nil), d.Flags...), call.FlagMonitor)
	}
	if err := p.Record(c, recorded); err != nil {
		f := p.failure("audit log could not be written: " + err.Error())
		if !p.cfg.FailOpen {
			return f
		}
		d.Flags = append(d.Flags, call.FlagFailOpen)
	}
	if p.cfg.Monitor {
		out := call.Decision{Decision: call.Allow, MatchedPolicies: d.MatchedPolicies, Matched: d.Matched, EvalNS: d.EvalNS, Flags: recorded.Flags}
		if d.Decision != call.Allow {
			out.Message = "monitor mode: would " + d.Decision.String() + ": " + d.Message
		}
		return out
	}
	return d
}

// evaluate runs the engine. A panic in it (a bug, or input nobody foresaw)
// is a deny with the reason, never a crash of the adapter and never an
// allow.
func (p *Point) evaluate(pol *policy.Policy, c call.Call) (d call.Decision) {
	defer func() {
		if r := recover(); r != nil {
			d = p.failure(fmt.Sprintf("internal error evaluating the call: %v", r))
		}
	}()
	return engine.New(pol, Env(p.cfg.UserHome)).Evaluate(c)
}
