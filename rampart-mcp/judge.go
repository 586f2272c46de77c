package main

import (
	"fmt"
	"os"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/policy"
	"rampart.dev/rampart-mcp/internal/proxy"
)

// judgeConfig is what the decision point needs from the command line.
type judgeConfig struct {
	policyPath string // --config, $RAMPART_POLICY, or the home's policy.yaml when present
	profile    string // an embedded profile when no file is named
	userHome   string
	monitor    bool
	failOpen   bool
}

// openJudge opens the decision point the proxy asks about each call.
func openJudge(cfg judgeConfig) (proxy.Judge, error) {
	var p *policy.Policy
	var err error
	if cfg.policyPath != "" {
		var data []byte
		data, err = os.ReadFile(cfg.policyPath)
		if err == nil {
			p, err = policy.Parse(cfg.policyPath, data)
		}
	} else {
		name := cfg.profile
		if name == "" {
			name = policy.DefaultProfile
		}
		p, err = policy.Profile(name)
	}
	if err != nil {
		if !cfg.failOpen {
			return nil, err
		}
		return failOpenJudge{reason: err.Error()}, nil
	}
	return &engineJudge{eng: engine.New(p, engine.Env{Home: cfg.userHome}), monitor: cfg.monitor}, nil
}

// engineJudge evaluates with the engine in process.
type engineJudge struct {
	eng     *engine.Engine
	monitor bool
}

// Decide evaluates c; in monitor mode a blocking decision becomes an allow
// flagged "monitor", the would-be decision kept in its message.
func (j *engineJudge) Decide(c call.Call) call.Decision {
	start := time.Now()
	d := j.eng.Evaluate(c)
	d.EvalNS = time.Since(start).Nanoseconds()
	if j.monitor && d.Blocks() {
		d.Message = fmt.Sprintf("monitor: would %s: %s", d.Decision, d.Message)
		d.Decision = call.Allow
		d.Flags = append(d.Flags, call.FlagMonitor)
	}
	return d
}

// Probe evaluates c as policy would, without monitor mode.
func (j *engineJudge) Probe(c call.Call) call.Decision { return j.eng.Evaluate(c) }

// Record is where observed events go to the audit trail.
func (j *engineJudge) Record(c call.Call, d call.Decision) {}

// failOpenJudge allows everything when the policy could not be loaded and
// the user chose --fail-open.
type failOpenJudge struct{ reason string }

func (f failOpenJudge) Decide(c call.Call) call.Decision {
	return call.Decision{Decision: call.Allow, Message: "fail open: " + f.reason, Flags: []string{call.FlagFailOpen}}
}
func (f failOpenJudge) Probe(c call.Call) call.Decision     { return f.Decide(c) }
func (f failOpenJudge) Record(c call.Call, d call.Decision) {}
