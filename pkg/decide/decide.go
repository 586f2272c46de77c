// Package decide is the decision point every Rampart adapter shares: it
// resolves the policy (see Resolve), evaluates each call with package
// engine against every layer in force, records it in the audit trail
// before answering, and applies the failure rules:
//
//   - a policy that cannot be loaded denies every call, with the reason;
//   - an audit record that cannot be written denies the call, with the
//     reason, since nothing may be decided without a record;
//   - with FailOpen set, both of these allow instead, flagged fail_open;
//   - with Monitor set, every call is allowed and flagged monitor, and the
//     audit record carries the decision that would have been enforced.
//
// # Layers
//
// A call is judged by up to three tiers, and the strongest decision wins
// (deny > require_approval > log > allow), so a lower tier can tighten a
// higher one but never loosen it:
//
//   - the managed tier: a system policy placed by configuration management
//     (ManagedPolicy, /etc/rampart/policy.yaml by default);
//   - the user tier: the user's policy (see Resolve for which one),
//     tightened by a project's .rampart/policy.yaml found from the call's
//     cwd upward (see policy.Policy.WithProject);
//   - the environment tier: a profile named by RAMPART_PROFILE, which can
//     only add to the others.
//
// A policy file that was configured or exists but cannot be read (missing,
// unreadable, a dangling symlink, invalid) fails closed: it is never
// replaced by an embedded profile. A long-lived process keeps its last good
// policy when a reload fails (see Reload and Watch).
//
// # Repeated calls
//
// A call made again (the same fields, the same policies in force) is
// answered with the decision the engine made on it while the file system
// answers the engine's questions about it (where a path's links lead,
// whether a file is private) as it did then; otherwise it is evaluated
// again (memo.go). Every call is still recorded before the answer.
package decide

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy"
)

// Config says where the policy and the audit trail are and how to fail.
// Binaries fill it with Resolve.
type Config struct {
	PolicyPath   string      // explicit policy file (--config); must load
	Profile      string      // embedded profile when no file is given
	ManagedPath  string      // managed system policy; "" for ManagedPolicy, "-" for none
	Tighten      []string    // profiles that may only tighten (RAMPART_PROFILE)
	TightenFiles []string    // policy files that may only tighten (RAMPART_POLICY)
	Home         home.Layout // the Rampart home
	UserHome     string      // the user's home directory, for ~ in paths
	Cwd          string      // judges calls that carry no cwd; default the process's
	Via          string      // the adapter's name, recorded in the audit trail
	FailOpen     bool        // allow (flagged) when the policy or audit fails
	Monitor      bool        // never block; audit what would have happened
	AuditPath    string      // default Home.AuditLog()
	NoAudit      bool        // evaluate only (explain, test, preflight tools)
	// Compile compiles a policy file: compile.Parse in a process that
	// links the YAML compiler, ExecCompiler in one that does not
	// (rampart-hook). Without it every policy file fails to load, so the
	// point denies; embedded profiles need none.
	Compile Compiler
	// NoPolicyCache compiles policy files from their source every time
	// instead of through the snapshots kept in Home (see snapcache.go).
	NoPolicyCache bool
	// RawLookups makes the lookups that follow symbolic links in a call's
	// paths raw system calls where the system has them (Linux on amd64
	// and arm64), for a process that handles one message at a time and
	// is idle in between, such as the MCP relay: through the scheduler,
	// the first system call after a pause wakes the runtime's monitor
	// thread, which then polls beside the call and hands the processor to
	// another thread during any system call that outlasts its tick. The
	// cost: a lookup that hangs (a network file system that stopped
	// answering) holds the whole process meanwhile, not only the call. A
	// server answering many callers at once leaves it off.
	RawLookups bool
	// PerExec is set by a decider that is asked before every exec a
	// process makes (the preload decider, rampart-eval --listen): a
	// script a call starts is judged command by command as it runs, so
	// its text is not read at the start (engine.Env.ScriptText), which
	// would refuse the whole script for one of its commands.
	PerExec bool
	// NoMemo is set by a process that makes one decision and exits
	// (rampart-hook run by an agent): a memo of decisions (memo.go)
	// would never be read there, and keeping one costs the call's key,
	// the memo's table and the clock's year (the local time zone read
	// from disk).
	NoMemo bool
	Audit  audit.Options
	Now    func() time.Time // default time.Now
}

// A Compiler compiles the source of the policy file at path (the name its
// errors and its Source carry); compile.Parse is one.
type Compiler func(path string, src []byte) (*policy.Policy, error)

// ErrNoCompiler is the error of a policy file read by a point configured
// without a Compiler.
var ErrNoCompiler = errors.New("no policy compiler configured")

// ManagedPolicy is the managed system policy's default path. Packagers set
// another with -ldflags "-X rampart.dev/pkg/decide.ManagedPolicy=PATH";
// the user's command line may name another file with --managed-policy,
// but no environment variable changes it.
var ManagedPolicy = "/etc/rampart/policy.yaml"

// Point is a loaded decision point. It is safe for concurrent use.
type Point struct {
	cfg Config

	mu       sync.RWMutex
	user     *policy.Policy
	source   string
	fromFile bool // the user's policy came from a file
	managed  *policy.Policy
	tighten  []*policy.Policy
	loadErr  error

	projects projectCache
	walks    projectWalks
	engines  engineCache
	memo     decisionMemo

	log     *audit.Log
	openErr error
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
	if cfg.ManagedPath == "" {
		cfg.ManagedPath = ManagedPolicy
	}
	if cfg.Cwd == "" {
		cfg.Cwd, _ = os.Getwd()
	}
	p := &Point{cfg: cfg}
	p.projects.init()
	p.walks.init(p)
	l := load(cfg)
	p.user, p.source, p.fromFile, p.managed, p.tighten, p.loadErr = l.user, l.source, l.fromFile, l.managed, l.tighten, l.err
	if !cfg.NoAudit {
		p.log, p.openErr = audit.Open(cfg.AuditPath, cfg.Audit)
	}
	return p, errors.Join(p.loadErr, p.openErr)
}

// loaded is the outcome of reading every configured policy.
type loaded struct {
	user     *policy.Policy
	source   string
	fromFile bool
	managed  *policy.Policy
	tighten  []*policy.Policy
	err      error
}

// load reads the managed policy, the user's policy and the tightening
// profiles. Any failure is an error: nothing falls back to a weaker policy.
func load(cfg Config) loaded {
	var l loaded
	var errs []error
	if cfg.ManagedPath != "-" {
		m, err := readOptional(cfg.ManagedPath, cfg.Compile)
		if err != nil {
			errs = append(errs, fmt.Errorf("managed policy: %w", err))
		}
		l.managed = m
	}
	path := cfg.PolicyPath
	if path == "" && cfg.Profile == "" {
		// The user's own file is used when it exists; "exists" includes a
		// dangling symlink, which then fails to load.
		if _, err := os.Lstat(cfg.Home.Policy()); !errors.Is(err, fs.ErrNotExist) {
			path = cfg.Home.Policy()
		}
	}
	if path == "" {
		name := cfg.Profile
		if name == "" {
			name = policy.DefaultProfile
		}
		pol, err := policy.Profile(name)
		l.user, l.source = pol, "profile:"+name
		if err != nil {
			errs = append(errs, err)
		}
	} else {
		pol, err := snapshotPolicy(path, cfg.policyCache(), cfg.Compile)
		l.user, l.source, l.fromFile = pol, path, true
		if err != nil {
			errs = append(errs, err)
		}
	}
	for _, name := range cfg.Tighten {
		pol, err := policy.Profile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l.tighten = append(l.tighten, pol)
	}
	for _, path := range cfg.TightenFiles {
		// A file named by the environment: it loads (or the call is
		// denied), and it can only add denials and approvals.
		pol, err := snapshotPolicy(path, cfg.policyCache(), cfg.Compile)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l.tighten = append(l.tighten, pol)
	}
	l.err = errors.Join(errs...)
	return l
}

// policyCache is the directory of the policy snapshots (see snapcache.go),
// "" for none.
func (cfg *Config) policyCache() string {
	if cfg.Home.Dir == "" || cfg.NoPolicyCache {
		return ""
	}
	return cfg.Home.PolicyCache()
}

// readOptional reads a policy file that may be absent (nil, nil). A file
// that exists, or a symlink whose target does not, must load. It is the
// managed policy, beyond the user's reach, so it is compiled from its
// file every time, never through the snapshots in the user's home.
func readOptional(path string, c Compiler) (*policy.Policy, error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return ReadPolicy(path, c)
}

// ReadPolicy reads a policy file, refusing one over policy.MaxFile, and
// compiles it with c.
func ReadPolicy(path string, c Compiler) (*policy.Policy, error) {
	b, err := readPolicyFile(path)
	if err != nil {
		return nil, err
	}
	return compileWith(c, path, b)
}

// compileWith compiles src with c, failing when there is no compiler.
func compileWith(c Compiler, path string, src []byte) (*policy.Policy, error) {
	if c == nil {
		return nil, fmt.Errorf("%s: %w", path, ErrNoCompiler)
	}
	return c(path, src)
}

// readPolicyFile reads a policy file, refusing one over policy.MaxFile
// and anything but a regular file: a named pipe or a device at a policy's
// path would hold the decision until the agent's hook timeout, on which
// some agents run the call. The open does not wait for a pipe's writer.
func readPolicyFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%v)", path, fi.Mode().Type())
	}
	// Read into a buffer of the file's size (plus the byte that shows it
	// grew), not one grown from nothing.
	size := 512
	if fi, err := f.Stat(); err == nil && fi.Size() >= 0 && fi.Size() < policy.MaxFile {
		size = int(fi.Size()) + 1
	}
	b := make([]byte, 0, size)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) > policy.MaxFile {
			break
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
	if len(b) > policy.MaxFile {
		return nil, fmt.Errorf("%s: %w", path, policy.ErrTooLarge)
	}
	return b, nil
}

// Source names where the user's policy came from: a file path or
// "profile:NAME".
func (p *Point) Source() string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.source
}

// Managed returns the managed policy's path when one is in force, else "".
func (p *Point) Managed() string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.managed == nil {
		return ""
	}
	return p.cfg.ManagedPath
}

// Policy returns the user's policy, or nil when it failed to load.
func (p *Point) Policy() *policy.Policy {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.loadErr != nil {
		return nil
	}
	return p.user
}

// Err returns the reason the point cannot decide normally, if any.
func (p *Point) Err() error {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return errors.Join(p.loadErr, p.openErr)
}

// Reload reads the policies again. A policy that fails to load, or a file
// that was in force and has gone, leaves the last good policies in force,
// and the error says why (also in the audit trail); a point that had none
// keeps failing closed.
func (p *Point) Reload() error {
	l := load(p.cfg)
	p.mu.Lock()
	if l.err == nil && p.fromFile && !l.fromFile {
		l.err = fmt.Errorf("%s was removed", p.source)
	}
	if l.err == nil && p.managed != nil && l.managed == nil {
		l.err = fmt.Errorf("managed policy %s was removed", p.cfg.ManagedPath)
	}
	if l.err != nil {
		if p.loadErr != nil {
			p.loadErr = l.err
		}
		failed := p.loadErr != nil
		p.mu.Unlock()
		p.recordReloadFailure(l.err, failed)
		return l.err
	}
	p.user, p.source, p.fromFile, p.managed, p.tighten, p.loadErr = l.user, l.source, l.fromFile, l.managed, l.tighten, nil
	p.mu.Unlock()
	// The walks depend on which file is the user's (it is no project
	// layer); they are reset after p.mu is released, since a walk takes
	// p.mu while its cache is locked.
	p.projects.reset()
	p.walks.reset()
	return nil
}

// PolicyFile is the user's policy file Reload reads, or "" for an embedded
// profile.
func (p *Point) PolicyFile() string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.fromFile {
		return p.source
	}
	return ""
}

// WatchedFiles are the files whose changes call for a Reload: the user's
// policy (or where it would be), and the managed policy.
func (p *Point) WatchedFiles() []string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	var files []string
	switch {
	case p.fromFile:
		files = append(files, p.source)
	case p.cfg.PolicyPath == "" && p.cfg.Profile == "":
		files = append(files, p.cfg.Home.Policy()) // created later
	}
	if p.cfg.ManagedPath != "-" {
		files = append(files, p.cfg.ManagedPath)
	}
	return files
}

// Attend and Release bracket a stretch in which the caller answers calls
// that may come close together, and waits for the next one itself: the
// audit trail keeps its lock from the first record of the stretch until
// Release (see audit.Log.Attend), so the lock is let go after the answer.
// Without an audit trail they do nothing.
func (p *Point) Attend() {
	if p.log != nil {
		p.log.Attend()
	}
}

// Release: see Attend.
func (p *Point) Release() error {
	if p.log != nil {
		return p.log.Release()
	}
	return nil
}

// Close closes the audit trail and stops watching project directories.
func (p *Point) Close() error {
	p.walks.close()
	if p.log != nil {
		return p.log.Close()
	}
	return nil
}
