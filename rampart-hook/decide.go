package main

import (
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy"
)

// decider is the decision point the hook asks (a [decide.Point]). Decide
// evaluates and audits a call before returning, failing closed when it
// cannot; Reject audits input that could not be judged; Record audits a
// decision the hook made itself, such as a credential found in a tool's
// output; Policy is the policy in force, nil when it failed to load.
type decider interface {
	Decide(c call.Call) call.Decision
	Reject(c call.Call, reason string) call.Decision
	Record(c call.Call, d call.Decision) error
	Policy() *policy.Policy
	Err() error
	Close() error
}

// config is what opening the decision point needs.
type config struct {
	policyPath string // --config or RAMPART_POLICY
	profile    string // --profile
	home       home.Layout
	userHome   string
	monitor    bool
	failOpen   bool
}

// via names the hook in the audit trail.
const via = "rampart-hook"

// openDecider opens the decision point. It always returns one: when the
// policy or the audit trail failed, the error says why and its decisions
// fail closed (or open, with --fail-open) with that reason.
func openDecider(cfg config) (decider, error) {
	p, err := decide.Open(decide.Config{
		PolicyPath: cfg.policyPath,
		Profile:    cfg.profile,
		Home:       cfg.home,
		UserHome:   cfg.userHome,
		Via:        via,
		FailOpen:   cfg.failOpen,
		Monitor:    cfg.monitor,
	})
	return p, err
}
