package decide

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"rampart.dev/pkg/policy"
)

// Tier is one policy a call is judged by; the strongest decision of the
// tiers wins.
type Tier struct {
	Layer  string // "managed", "user" (with the project layer, if any) or "env"
	Source string // the files or profile it came from
	Policy *policy.Policy
}

// Tiers returns the policies in force for a call made from cwd ("" for the
// point's own working directory), user tier first. It fails when a policy
// cannot be loaded, a project's included.
func (p *Point) Tiers(cwd string) ([]Tier, error) { return p.appendTiers(nil, cwd) }

// tierSpace is room for the tiers of most points: user, managed and an
// env tier.
const tierSpace = 4

// appendTiers is Tiers appending to dst, so that a caller that only reads
// the tiers while it runs can keep them in an array of its own (Decide,
// HasResponseRules: no allocation per call).
func (p *Point) appendTiers(dst []Tier, cwd string) ([]Tier, error) {
	if cwd == "" {
		cwd = p.cfg.Cwd
	}
	p.mu.RLock()
	user, managed, tighten, lerr, src := p.user, p.managed, p.tighten, p.loadErr, p.source
	p.mu.RUnlock()
	if lerr != nil {
		return nil, fmt.Errorf("policy could not be loaded: %w", lerr)
	}
	withProject, err := p.projects.apply(p, user, cwd)
	if err != nil {
		return nil, err
	}
	first := Tier{Layer: "user", Source: withProject.Source, Policy: withProject}
	if withProject == user {
		first.Source = src
	}
	tiers := append(dst, first)
	if managed != nil {
		tiers = append(tiers, Tier{Layer: "managed", Source: p.cfg.ManagedPath, Policy: managed})
	}
	for _, t := range tighten {
		tiers = append(tiers, Tier{Layer: "env", Source: t.Source, Policy: t})
	}
	return tiers, nil
}

// ProjectPolicy returns the project policy file that applies to a call
// made from cwd, or "" when there is none. A project file that exists but
// cannot be read is an error.
func (p *Point) ProjectPolicy(cwd string) (string, error) {
	if cwd == "" {
		cwd = p.cfg.Cwd
	}
	f, _, err := p.findProject(cwd)
	return f, err
}

// projectCache holds compiled project layers by file, checked against the
// file's identity on every call: a project policy added, edited or removed
// mid-session is seen at the next call. Where directories are watched
// (see projectWalks), a change the kernel reports drops the file's entry
// too, so that an edit that keeps the file's size and modification time
// is not missed either.
type projectCache struct {
	mu      sync.Mutex
	gen     uint64 // bumped by drop and reset: a compile begun before is not kept
	entries map[string]projectEntry
}

type projectEntry struct {
	stamp  fileStamp
	user   *policy.Policy // the user policy it was merged into
	merged *policy.Policy
	err    error
}

// fileStamp identifies a version of a file.
type fileStamp struct {
	dev, ino uint64
	size     int64
	mtime    time.Time
}

func stampOf(path string, fi fs.FileInfo) fileStamp {
	s := fileStamp{size: fi.Size(), mtime: fi.ModTime()}
	s.dev, s.ino = fileID(path, fi)
	return s
}

// maxProjects bounds the cache of a long-running server.
const maxProjects = 1024

func (c *projectCache) init() { c.entries = map[string]projectEntry{}; c.gen++ }

func (c *projectCache) reset() { c.mu.Lock(); c.init(); c.mu.Unlock() }

// drop forgets the compiled layer of file, which has changed.
func (c *projectCache) drop(file string) {
	c.mu.Lock()
	delete(c.entries, file)
	c.gen++
	c.mu.Unlock()
}

// apply returns user tightened by the project layer for cwd.
func (c *projectCache) apply(p *Point, user *policy.Policy, cwd string) (*policy.Policy, error) {
	file, fi, err := p.findProject(cwd)
	if err != nil {
		return nil, err
	}
	if file == "" {
		return user, nil
	}
	st := stampOf(file, fi)
	c.mu.Lock()
	e, ok := c.entries[file]
	gen := c.gen
	c.mu.Unlock()
	if ok && e.stamp == st && e.user == user {
		return e.merged, e.err
	}
	e = projectEntry{stamp: st, user: user}
	proj, err := snapshotPolicy(file, p.cfg.policyCache(), p.cfg.Compile)
	if err != nil {
		e.err = fmt.Errorf("project policy could not be loaded: %w", err)
	} else {
		e.merged = user.WithProject(proj)
	}
	c.mu.Lock()
	if c.gen == gen {
		if len(c.entries) >= maxProjects {
			c.init()
		}
		c.entries[file] = e
	}
	c.mu.Unlock()
	return e.merged, e.err
}

// findProject walks from cwd upward to the first directory holding a
// ProjectFile. The user's own policy file and the managed one are not
// project layers. A project file that exists (a dangling symlink
// included) but cannot be examined is an error: a project's layer is
// never skipped silently. Where the platform can watch directories (see
// projectWalks) the walk's outcome is kept per cwd and only the found
// file is examined again; elsewhere the walk is done every time.
func (p *Point) findProject(cwd string) (string, fs.FileInfo, error) {
	return p.walks.find(p, cwd)
}

// statProject examines the project file a walk found, as the walk does.
func statProject(f string) (string, fs.FileInfo, error) {
	fi, err := os.Stat(f)
	if err != nil {
		return "", nil, fmt.Errorf("project policy could not be loaded: %w", err)
	}
	return f, fi, nil
}

// walkProject is findProject's walk on the file system. visit, when not
// nil, is called with each directory before the walk looks into it, and
// with whether the walk skips that directory's ProjectFile.
func (p *Point) walkProject(cwd string, visit func(dir string, skipped bool)) (string, fs.FileInfo, error) {
	if cwd == "" {
		return "", nil, nil
	}
	p.mu.RLock()
	src := p.source
	p.mu.RUnlock()
	skip := map[string]bool{
		filepath.Clean(p.cfg.Home.Policy()): true,
		filepath.Clean(src):                 true,
		filepath.Clean(p.cfg.ManagedPath):   true,
	}
	for dir := filepath.Clean(cwd); ; dir = filepath.Dir(dir) {
		f := filepath.Join(dir, ProjectFile)
		if visit != nil {
			visit(dir, skip[f])
		}
		if !skip[f] {
			_, lerr := os.Lstat(f)
			switch {
			case lerr == nil:
				return statProject(f)
			case errors.Is(lerr, fs.ErrNotExist), errors.Is(lerr, syscall.ENOTDIR):
			default:
				return "", nil, fmt.Errorf("project policy could not be loaded: %w", lerr)
			}
		}
		if dir == filepath.Dir(dir) {
			return "", nil, nil
		}
	}
}
