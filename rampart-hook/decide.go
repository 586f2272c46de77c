package main

import (
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/policy/compile"
)

// decider is the decision point the hook asks (a [decide.Point]). Decide
// evaluates and audits a call before returning, failing closed when it
// cannot; Reject audits input that could not be judged; DecideResponse
// judges and audits a tool's output (credentials, response_matches);
// Err says why the point cannot decide normally.
type decider interface {
	Decide(c call.Call) call.Decision
	Reject(c call.Call, reason string) call.Decision
	DecideResponse(c call.Call, output any, found string) decide.Response
	Record(c call.Call, d call.Decision) error
	Err() error
	Close() error
}

// config is what opening the decision point needs: the command line that
// setup wrote, and the environment (read through pkg/decide's rules, which
// let it only tighten).
type config struct {
	flags    decide.Flags
	getenv   func(string) string
	userHome string
	cwd      string       // judges calls that carry no cwd; "" for the process's
	warn     func(string) // an ignored environment setting
}

// via names the hook in the audit trail.
const via = "rampart-hook"

// openDecider opens the decision point of a process that makes one
// decision and exits. It always returns one: when the policy or the audit
// trail failed, the error says why and its decisions fail closed (or
// open, with --fail-open) with that reason.
func openDecider(cfg config) (decider, error) {
	return openResolved(oneShotConfig(cfg))
}

// oneShotConfig is resolveConfig for a point that makes one decision: it
// keeps no memo of decisions (decide.Config.NoMemo), which only a point
// that lives on (the decider's) would read.
func oneShotConfig(cfg config) (decide.Config, error) {
	dc, err := resolveConfig(cfg)
	dc.NoMemo = true
	return dc, err
}

// resolveConfig turns cfg into the decision point's configuration,
// reporting the environment settings it ignored; the error is a bad
// flag value.
func resolveConfig(cfg config) (decide.Config, error) {
	getenv := cfg.getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	dc, warns, err := decide.Resolve(cfg.flags, getenv, cfg.userHome)
	if cfg.warn != nil {
		for _, w := range warns {
			cfg.warn(w)
		}
	}
	dc.Via = via
	dc.Compile = compiler
	dc.Cwd = cfg.cwd
	return dc, err
}

// openResolved opens the point for dc; err, from resolveConfig, takes
// precedence over the point's own.
func openResolved(dc decide.Config, err error) (decider, error) {
	p, oerr := decide.Open(dc)
	if err != nil {
		return p, err
	}
	return p, oerr
}

// compiler compiles a policy file that has no snapshot yet (a new or
// edited file: the user's, a project's, one RAMPART_POLICY names) and the
// managed policy, which is compiled every time. It is the YAML compiler
// linked in. yaml.v3 is linked into the hook anyway (engine reads YAML
// manifests in MCP arguments), and running the rampart-eval beside the
// hook instead (decide.ExecCompiler) gave a call under a managed policy a
// second process: twice the CPU time. Once engine no longer links
// yaml.v3, the hook can drop the compiler by running that rampart-eval;
// TestCompilerMissing runs the hook that way.
var compiler decide.Compiler = compile.Parse
