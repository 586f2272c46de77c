package main

import (
	"fmt"
	"io"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/policy/compile"
)

// pointJudge asks the shared decision point (package decide): it loads the
// policy and the project layer from the call's cwd, records every decision
// in the audit trail before answering, fails closed, and applies monitor
// mode.
type pointJudge struct {
	p        *decide.Point
	userHome string
	log      io.Writer
}

// openJudge opens the decision point. The point is usable even when the
// policy or the audit trail failed to open: it then denies every call with
// the reason (or allows, flagged, with -fail-open), so the error is only
// reported.
func openJudge(cfg decide.Config, log io.Writer) (*pointJudge, error) {
	if cfg.Compile == nil {
		cfg.Compile = compile.Parse
	}
	p, err := decide.Open(cfg)
	return &pointJudge{p: p, userHome: cfg.UserHome, log: log}, err
}

// Decide judges and records c.
func (j *pointJudge) Decide(c call.Call) call.Decision { return j.p.Decide(c) }

// Probe evaluates c against the layers in force without recording it;
// with no policy loaded it answers allow, hiding nothing (calls are still
// judged).
func (j *pointJudge) Probe(c call.Call) call.Decision { return j.p.Probe(c) }

// Record writes an observed event (a redacted credential, a malformed
// message) to the audit trail.
func (j *pointJudge) Record(c call.Call, d call.Decision) {
	if err := j.p.Record(c, d); err != nil {
		fmt.Fprintf(j.log, "rampart-mcp: error: audit: %v\n", err)
	}
}

// Close closes the audit trail.
func (j *pointJudge) Close() error { return j.p.Close() }

// HasResponseRules reports whether a layer in force for cwd has
// response_matches rules, so that tool output is only gathered when
// something will read it.
func (j *pointJudge) HasResponseRules(cwd string) bool { return j.p.HasResponseRules(cwd) }

// DecideResponse gives the response_matches rules of every layer (the
// project's included) their say about a tool's output, recorded.
func (j *pointJudge) DecideResponse(c call.Call, output string) call.Decision {
	return j.p.DecideResponseRules(c, output)
}
