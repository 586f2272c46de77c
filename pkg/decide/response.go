package decide

import (
	"fmt"
	"sort"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/secret"
)

// FlagResponse marks the audit record of a decision about a tool's output
// rather than its call.
const FlagResponse = "response"

// Response is the decision about a tool's output.
type Response struct {
	// Decision is what to enforce: allow when nothing was found (or in
	// monitor mode, flagged), else deny or require_approval with the
	// reason. A point that cannot judge denies (or allows, flagged, with
	// fail-open).
	Decision call.Decision
	// Recorded is the decision written to the audit trail (the one that
	// would have been enforced, in monitor mode); zero when nothing was
	// recorded because nothing was found.
	Recorded call.Decision
	// Redacted is the output with credentials redacted when some were
	// found, else nil.
	Redacted any
	// Kinds are the kinds of credentials found, sorted.
	Kinds []string
}

// Found reports whether the output carried credentials.
func (r Response) Found() bool { return len(r.Kinds) > 0 }

// DecideResponse judges the output of the call c: credentials in it
// (package secret) and the response_matches rules of every tier in force
// for c's cwd (managed, user, project). output is a decoded JSON value or
// a string. A finding is recorded in the audit trail before the answer,
// flagged "response"; monitor mode and fail-open apply as for Decide.
// found is the message for credentials found, with %s for their kinds
// ("" for "the output of TOOL contains credentials (%s); it was withheld
// from the model").
func (p *Point) DecideResponse(c call.Call, output any, found string) Response {
	if c.Cwd == "" {
		c.Cwd = p.cfg.Cwd
	}
	var r Response
	if err := p.Err(); err != nil {
		r.Decision = p.failure(fmt.Sprintf("%v (the output was withheld)", err))
		return r
	}
	if found == "" {
		found = "the output of " + c.Tool + " contains credentials (%s); it was withheld from the model"
	}
	redacted, findings := secret.RedactValue(output)
	d := p.responseRules(c, Flatten(output))
	if len(findings) > 0 {
		r.Redacted = redacted
		r.Kinds = kindsOf(findings)
		d = call.Decision{
			Decision: call.Deny,
			Message:  fmt.Sprintf(found, strings.Join(r.Kinds, ", ")),
			Matched:  strings.Join(r.Kinds, ","),
			Explicit: true,
		}
	}
	if d.Decision == call.Allow {
		r.Decision = d
		return r
	}
	d.Flags = append(d.Flags, FlagResponse)
	r.Recorded = d
	if p.cfg.Monitor {
		r.Recorded.Flags = append(r.Recorded.Flags, call.FlagMonitor)
	}
	if err := p.Record(c, r.Recorded); err != nil {
		if !p.cfg.FailOpen {
			r.Decision = call.Decision{Decision: call.Deny, Message: "cannot audit a finding in the tool's output: " + auditFailure(err) + " (the output was withheld)"}
			return r
		}
		d.Flags = append(d.Flags, call.FlagFailOpen)
	}
	if p.cfg.Monitor {
		r.Decision = call.Decision{Decision: call.Allow, Flags: r.Recorded.Flags, Message: "monitor mode: would " + d.Decision.String() + ": " + d.Message}
		return r
	}
	r.Decision = d
	return r
}

// DecideResponseRules judges the text of a tool's output by the
// response_matches rules of every tier in force for c's cwd alone, for an
// adapter that redacts credentials itself (the MCP proxy forwards a
// redacted result). A decision other than allow is recorded, flagged
// "response"; monitor mode and fail-open apply as for Decide. It returns
// the decision to enforce.
func (p *Point) DecideResponseRules(c call.Call, text string) call.Decision {
	if c.Cwd == "" {
		c.Cwd = p.cfg.Cwd
	}
	if err := p.Err(); err != nil {
		return p.failure(fmt.Sprintf("%v (the output was withheld)", err))
	}
	d := p.responseRules(c, text)
	if d.Decision == call.Allow {
		return d
	}
	d.Flags = append(d.Flags, FlagResponse)
	recorded := d
	if p.cfg.Monitor {
		recorded.Flags = append(append([]string(nil), d.Flags...), call.FlagMonitor)
	}
	if err := p.Record(c, recorded); err != nil && !p.cfg.FailOpen {
		return call.Decision{Decision: call.Deny, Message: "cannot audit a finding in the tool's output: " + auditFailure(err) + " (the output was withheld)"}
	}
	if p.cfg.Monitor {
		return call.Decision{Decision: call.Allow, Flags: recorded.Flags, Message: "monitor mode: would " + d.Decision.String() + ": " + d.Message}
	}
	return d
}

// HasResponseRules reports whether a tier in force for cwd has
// response_matches rules, so that an adapter gathers a tool's whole output
// only when something will read it.
func (p *Point) HasResponseRules(cwd string) bool {
	var space [tierSpace]Tier
	tiers, err := p.appendTiers(space[:0], cwd)
	if err != nil {
		return true // DecideResponse then fails closed
	}
	for _, t := range tiers {
		if p.engines.hasResponseRules(t.Policy) {
			return true
		}
	}
	return false
}

// responseRules is the strongest response_matches decision of the tiers.
func (p *Point) responseRules(c call.Call, text string) (d call.Decision) {
	defer func() {
		if r := recover(); r != nil {
			d = p.failure(fmt.Sprintf("internal error evaluating the output: %v", r))
		}
	}()
	tiers, err := p.Tiers(c.Cwd)
	if err != nil {
		return p.failure(err.Error())
	}
	d = call.Decision{Decision: call.Allow}
	for _, t := range tiers {
		td := p.engines.engine(t.Policy, engine.Env{Home: p.cfg.UserHome}).EvaluateResponse(c, text)
		if td.Decision > d.Decision {
			d = td
		}
	}
	return d
}

// kindsOf lists the distinct kinds of findings, sorted.
func kindsOf(fs []secret.Finding) []string {
	seen := map[string]bool{}
	var kinds []string
	for _, f := range fs {
		if !seen[f.Kind] {
			seen[f.Kind] = true
			kinds = append(kinds, f.Kind)
		}
	}
	sort.Strings(kinds)
	return kinds
}

// Flatten joins every string in a decoded JSON value, one per line, for
// response_matches: patterns see text as the model would, not as escaped
// JSON. Map keys are visited in order.
func Flatten(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(t)
		case map[string]any:
			keys := make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(t[k])
			}
		case []any:
			for _, e := range t {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}
