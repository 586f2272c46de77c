package server

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/policy"
)

// Point is the decision point the server asks. Decide judges a call and
// appends its audit record before it returns; Record appends a record for an
// outcome decided outside the policy (an approval's resolution, credentials
// redacted from a result); Reload re-reads the policy and keeps the last good
// one when the new file is bad.
type Point interface {
	Decide(call.Call) call.Decision
	Record(call.Call, call.Decision) error
	Reload() error
	Close() error
}

// PointConfig says where the policy comes from.
type PointConfig struct {
	// PolicyPath is the policy file. When it does not exist and Required is
	// false the embedded Profile serves until the file appears.
	PolicyPath string
	Required   bool
	Profile    string // embedded profile; "" means standard
	UserHome   string
	Via        string // the adapter name written in audit records
	Recorder   func(call.Call, call.Decision, string) error
}

// localPoint evaluates with pkg/engine and records through Recorder.
type localPoint struct {
	cfg PointConfig
	eng atomic.Pointer[engine.Engine]
	mu  sync.Mutex // serialises reloads
}

// OpenPoint loads the policy and returns a Point over it.
func OpenPoint(cfg PointConfig) (Point, error) {
	if cfg.Profile == "" {
		cfg.Profile = "standard"
	}
	p := &localPoint{cfg: cfg}
	if err := p.Reload(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *localPoint) load() (*policy.Policy, error) {
	if p.cfg.PolicyPath != "" {
		b, err := os.ReadFile(p.cfg.PolicyPath)
		switch {
		case err == nil:
			return policy.Parse(p.cfg.PolicyPath, b)
		case !errors.Is(err, os.ErrNotExist) || p.cfg.Required:
			return nil, err
		}
	}
	pol, err := policy.Profile(p.cfg.Profile)
	if err != nil {
		return nil, fmt.Errorf("profile %s: %w", p.cfg.Profile, err)
	}
	return pol, nil
}

// Reload re-reads the policy; on error the old one stays in force.
func (p *localPoint) Reload() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	pol, err := p.load()
	if err != nil {
		return err
	}
	p.eng.Store(engine.New(pol, engine.Env{Home: p.cfg.UserHome}))
	return nil
}

// Decide evaluates c and records the decision. When the record cannot be
// written the call is denied: nothing runs unaudited.
func (p *localPoint) Decide(c call.Call) call.Decision {
	start := time.Now()
	d := p.eng.Load().Evaluate(c)
	d.EvalNS = time.Since(start).Nanoseconds()
	if err := p.Record(c, d); err != nil {
		return call.Decision{Decision: call.Deny, Message: "audit write failed, denied: " + err.Error(), EvalNS: d.EvalNS}
	}
	return d
}

// Record appends one audit record.
func (p *localPoint) Record(c call.Call, d call.Decision) error {
	if p.cfg.Recorder == nil {
		return nil
	}
	return p.cfg.Recorder(c, d, p.cfg.Via)
}

func (p *localPoint) Close() error { return nil }
