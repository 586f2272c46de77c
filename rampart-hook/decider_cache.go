package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"

	"rampart.dev/pkg/decide"
)

// pointCache keeps the decision points the decider opened, one per
// resolved configuration, so that a request does not compile the policy
// and open the audit trail again. A point is used only while every policy
// file it was opened from has the same content as then (the user's policy
// or where it would be, the managed policy, RAMPART_POLICY's file): each
// request reads them again, which for the usual configuration (an
// embedded profile, no managed policy) is two lstat calls. When one has
// changed, a new point is opened, exactly as a new process would open it;
// a point that opened with an error is never kept. A project's policy
// layer is judged by the point itself, per call, from its file's identity,
// size and modification time.
type pointCache struct {
	mu      sync.Mutex
	entries map[string]*cachedPoint
}

// maxCachedPoints bounds the points kept (each holds the audit trail open
// and may watch project directories); past it the cache starts again.
const maxCachedPoints = 32

// cachedPoint is an open point, the state of the files it was opened
// from, and how many requests are using it.
type cachedPoint struct {
	p       *decide.Point
	files   []fileState
	refs    int
	evicted bool
}

// fileState is what a policy file was when a point was opened: its type
// and content, or the error reading it gave.
type fileState struct {
	path    string
	mode    fs.FileMode // type bits of the file itself (a symlink too)
	exists  bool
	content []byte
	err     string
}

// readFileState reads path's state.
func readFileState(path string) fileState {
	s := fileState{path: path}
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s
	}
	s.exists = true
	if err != nil {
		s.err = err.Error()
		return s
	}
	s.mode = fi.Mode().Type()
	// Only a regular file's content is read (through a symlink too): a
	// named pipe would wait for a writer. Anything else is judged by
	// its type, and fails to load as a policy.
	f, err := os.OpenFile(path, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		s.err = err.Error()
		return s
	}
	defer f.Close()
	if target, err := f.Stat(); err != nil {
		s.err = err.Error()
	} else if !target.Mode().IsRegular() {
		s.err = "not a regular file: " + target.Mode().Type().String()
	} else if s.content, err = io.ReadAll(f); err != nil {
		s.err = err.Error()
	}
	return s
}

func (s fileState) equal(t fileState) bool {
	return s.path == t.path && s.mode == t.mode && s.exists == t.exists && s.err == t.err && bytes.Equal(s.content, t.content)
}

// policyFiles are the files whose content load reads for dc: the managed
// policy, the user's (or where it would be), and RAMPART_POLICY's.
func policyFiles(dc decide.Config) []string {
	var files []string
	managed := dc.ManagedPath
	if managed == "" {
		managed = decide.ManagedPolicy
	}
	if managed != "-" {
		files = append(files, managed)
	}
	switch {
	case dc.PolicyPath != "":
		files = append(files, dc.PolicyPath)
	case dc.Profile == "":
		files = append(files, dc.Home.Policy())
	}
	return append(files, dc.TightenFiles...)
}

// cacheKey names a configuration: every field Resolve sets, and the
// working directory.
func cacheKey(dc decide.Config) string {
	var b strings.Builder
	for _, s := range []string{dc.PolicyPath, dc.Profile, dc.ManagedPath, dc.Home.Dir, dc.UserHome, dc.Cwd,
		strconv.FormatBool(dc.FailOpen), strconv.FormatBool(dc.Monitor)} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	for _, l := range [][]string{dc.Tighten, dc.TightenFiles} {
		b.WriteString(strconv.Itoa(len(l)))
		for _, s := range l {
			b.WriteByte(0)
			b.WriteString(s)
		}
		b.WriteByte(0)
	}
	return b.String()
}

// open is openDecider through the cache.
func (c *pointCache) open(cfg config) (decider, error) {
	dc, err := resolveConfig(cfg)
	if err != nil {
		return openResolved(dc, err)
	}
	key := cacheKey(dc)
	paths := policyFiles(dc)
	states := make([]fileState, len(paths))
	for i, p := range paths {
		states[i] = readFileState(p)
	}
	c.mu.Lock()
	if e := c.entries[key]; e != nil && sameStates(e.files, states) {
		e.refs++
		c.mu.Unlock()
		return &heldPoint{Point: e.p, release: func() { c.release(e) }}, nil
	}
	c.mu.Unlock()
	p, err := decide.Open(dc)
	if err != nil {
		return p, err
	}
	e := &cachedPoint{p: p, files: states, refs: 1}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) >= maxCachedPoints {
		for _, old := range c.entries {
			c.evictLocked(old)
		}
		c.entries = map[string]*cachedPoint{}
	}
	if old := c.entries[key]; old != nil {
		c.evictLocked(old)
	}
	c.entries[key] = e
	c.mu.Unlock()
	return &heldPoint{Point: p, release: func() { c.release(e) }}, nil
}

func sameStates(a, b []fileState) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].equal(b[i]) {
			return false
		}
	}
	return true
}

// evictLocked takes e out of use; it is closed once no request holds it.
func (c *pointCache) evictLocked(e *cachedPoint) {
	e.evicted = true
	if e.refs == 0 {
		e.p.Close()
	}
}

// release ends a request's use of e.
func (c *pointCache) release(e *cachedPoint) {
	c.mu.Lock()
	e.refs--
	closeIt := e.evicted && e.refs == 0
	c.mu.Unlock()
	if closeIt {
		e.p.Close()
	}
}

// closeAll closes every point (the decider is stopping; no request runs).
func (c *pointCache) closeAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		c.evictLocked(e)
	}
	c.entries = nil
}

// heldPoint is a cached point lent to one request: closing it gives it
// back.
type heldPoint struct {
	*decide.Point
	once    sync.Once
	release func()
}

func (h *heldPoint) Close() error {
	h.once.Do(h.release)
	return nil
}
