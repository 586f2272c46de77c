// Package decide is the decision point every Rampart adapter shares: it
// loads the user's policy (and a project's layer from the call's cwd),
// evaluates each call with package engine, records it in the audit trail
// before answering, and applies the failure rules:
//
//   - a policy that cannot be loaded denies every call, with the reason;
//   - an audit record that cannot be written denies the call, with the
//     reason, since nothing may be decided without a record;
//   - with FailOpen set, both of these allow instead, flagged fail_open;
//   - with Monitor set, every call is allowed and flagged monitor, and the
//     audit record carries the decision that would have been enforced.
//
// # Which policy
//
// Config.PolicyPath when set (the binaries fill it from --config or
// RAMPART_POLICY); else Config.Profile when set; else the user's
// policy.yaml in the Rampart home when it exists; else the embedded
// standard profile. A project's .rampart/policy.yaml, found from the call's
// cwd upward, tightens it (see policy.Policy.WithProject).
package decide

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy"
)

// Config says where the policy and the audit trail are and how to fail.
type Config struct {
	PolicyPath string      // explicit policy file (--config, RAMPART_POLICY)
	Profile    string      // embedded profile when no file is given
	Home       home.Layout // the Rampart home
	UserHome   string      // the user's home directory, for ~ in paths
	Via        string      // the adapter's name, recorded in the audit trail
	FailOpen   bool        // allow (flagged) when the policy or audit fails
	Monitor    bool        // never block; audit what would have happened
	AuditPath  string      // default Home.AuditLog()
	NoAudit    bool        // evaluate only (explain, test, preflight tools)
	Audit      audit.Options
	Now        func() time.Time // default time.Now
}

// Point is a loaded decision point. It is safe for concurrent use.
type Point struct {
	cfg Config

	mu       sync.RWMutex
	user     *policy.Policy
	source   string
	loadErr  error
	projects map[string]projectLayer // by cwd

	log     *audit.Log
	openErr error
}

type projectLayer struct {
	pol *policy.Policy // user policy with the project layer applied
	err error
}

// ProjectFile is where a project keeps its policy layer, relative to a
// directory from the call's cwd upward.
const ProjectFile = ".rampart/policy.yaml"

// Open loads the policy and opens the audit trail. It always returns a
// usable Point: when something failed, the error says what, and Decide
// fails closed (or open, if configured) with the same reason.
func Open(cfg Config) (*Point, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Audit.Now == nil {
		cfg.Audit.Now = cfg.Now
	}
	if cfg.AuditPath == "" {
		cfg.AuditPath = cfg.Home.AuditLog()
	}
	p := &Point{cfg: cfg, projects: map[string]projectLayer{}}
	p.user, p.source, p.loadErr = load(cfg)
	if !cfg.NoAudit {
		p.log, p.openErr = audit.Open(cfg.AuditPath, cfg.Audit)
	}
	return p, errors.Join(p.loadErr, p.openErr)
}

// load finds and compiles the user's policy.
func load(cfg Config) (*policy.Policy, string, error) {
	path := cfg.PolicyPath
	if path == "" && cfg.Profile == "" {
		if _, err := os.Stat(cfg.Home.Policy()); err == nil {
			path = cfg.Home.Policy()
		}
	}
	if path == "" {
		name := cfg.Profile
		if name == "" {
			name = policy.DefaultProfile
		}
		pol, err := policy.Profile(name)
		return pol, "profile:" + name, err
	}
	pol, err := ReadPolicy(path)
	return pol, path, err
}

// ReadPolicy reads and compiles a policy file, refusing one over
// policy.MaxFile.
func ReadPolicy(path string) (*policy.Policy, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, policy.MaxFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > policy.MaxFile {
		return nil, fmt.Errorf("%s: %w", path, policy.ErrTooLarge)
	}
	return policy.Parse(path, b)
}

// Source names where the user's policy came from: a file path or
// "profile:NAME".
func (p *Point) Source() string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.source
}

// Policy returns the user's policy, or nil when it failed to load.
func (p *Point) Policy() *policy.Policy {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.user
}

// Err returns the reason the point cannot decide normally, if any.
func (p *Point) Err() error {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return errors.Join(p.loadErr, p.openErr)
}

// Reload reads the policy again. A policy that fails to load leaves the
// last good one in force, and the error says why.
func (p *Point) Reload() error {
	pol, src, err := load(p.cfg)
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		if p.user == nil {
			p.loadErr = err
		}
		return err
	}
	p.user, p.source, p.loadErr = pol, src, nil
	p.projects = map[string]projectLayer{}
	return nil
}

// PolicyFile is the file Reload reads, or "" for an embedded profile. Hot
// reloaders watch it.
func (p *Point) PolicyFile() string {
	src := p.Source()
	if len(src) > 8 && src[:8] == "profile:" {
		return ""
	}
	return src
}

// Close closes the audit trail.
func (p *Point) Close() error {
	if p.log != nil {
		return p.log.Close()
	}
	return nil
}

// forCwd returns the policy in force for a call made from cwd.
func (p *Point) forCwd(cwd string) (*policy.Policy, error) {
	p.mu.RLock()
	user, lerr := p.user, p.loadErr
	layer, ok := p.projects[cwd]
	p.mu.RUnlock()
	if lerr != nil {
		return nil, fmt.Errorf("policy could not be loaded: %w", lerr)
	}
	if cwd == "" {
		return user, nil
	}
	if ok {
		return layer.pol, layer.err
	}
	layer = p.findProject(user, cwd)
	p.mu.Lock()
	if len(p.projects) > 1024 { // bound the cache for long-running servers
		p.projects = map[string]projectLayer{}
	}
	p.projects[cwd] = layer
	p.mu.Unlock()
	return layer.pol, layer.err
}

func (p *Point) findProject(user *policy.Policy, cwd string) projectLayer {
	userFile := filepath.Clean(p.cfg.Home.Policy())
	for dir := filepath.Clean(cwd); ; dir = filepath.Dir(dir) {
		f := filepath.Join(dir, ProjectFile)
		if f != userFile && filepath.Clean(f) != filepath.Clean(p.source) {
			proj, err := ReadPolicy(f)
			switch {
			case err == nil:
				return projectLayer{pol: user.WithProject(proj)}
			case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission):
				return projectLayer{err: fmt.Errorf("project policy could not be loaded: %w", err)}
			}
		}
		if dir == filepath.Dir(dir) {
			return projectLayer{pol: user}
		}
	}
}
