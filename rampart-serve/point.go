package main

import (
	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/decide"
)

// openPoint opens the decision point (pkg/decide): the policy named by
// -config or $RAMPART_POLICY, else -profile, else ~/.rampart/policy.yaml
// when it exists, else the standard profile; and the audit trail. It
// returns the file to watch for hot reload ("" for none).
func openPoint(e *env, f serveFlags) (*decide.Point, string, error) {
	p, err := decide.Open(decide.Config{
		PolicyPath: f.config,
		Profile:    f.profile,
		Home:       e.layout,
		UserHome:   e.userHome,
		Via:        audit.ViaServe,
		FailOpen:   f.failOpen,
		Monitor:    f.mode == "monitor",
	})
	if err != nil {
		p.Close()
		return nil, "", err
	}
	watch := f.config
	if watch == "" && f.profile == "" {
		// Also picks up a policy.yaml created after the start.
		watch = e.layout.Policy()
	}
	return p, watch, nil
}
