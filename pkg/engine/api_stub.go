// Package engine decides a Call against a compiled policy. It is pure: no
// I/O, no clock, no environment; callers pass what it needs in Env.
package engine

import (
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/policy"
)

// Env is what the engine needs to know about the machine.
type Env struct {
	Home string // the user's home directory, for ~ and $HOME
}

// Engine evaluates calls against one policy.
type Engine struct {
	p   *policy.Policy
	env Env
}

// New returns an Engine for p.
func New(p *policy.Policy, env Env) *Engine { return &Engine{p: p, env: env} }

// Policy returns the policy the engine evaluates.
func (e *Engine) Policy() *policy.Policy { return e.p }

// Evaluate decides c.
func (e *Engine) Evaluate(c call.Call) call.Decision {
	return call.Decision{Decision: e.p.DefaultAction}
}
