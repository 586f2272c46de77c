package main

import (
	"fmt"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/policy/compile"
)

// openPoint opens the decision point (pkg/decide) as decide.Resolve says:
// -config, else -profile, else ~/.rampart/policy.yaml
// when it exists, else the standard profile, under the managed policy; and
// the audit trail. A policy that cannot be loaded stops the server from
// starting.
func openPoint(e *env, f serveFlags) (*decide.Point, error) {
	cfg, warns, err := decide.Resolve(decide.Flags{Config: f.config, Profile: f.profile, Managed: f.managed, Mode: f.mode, FailOpen: f.failOpen}, e.getenv, e.userHome)
	if err != nil {
		return nil, err
	}
	for _, w := range warns {
		fmt.Fprintf(e.stderr, "rampart-serve: warning: %s\n", w)
	}
	cfg.Home = e.layout
	cfg.Via = audit.ViaServe
	cfg.Compile = compile.Parse
	p, err := decide.Open(cfg)
	if err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}
