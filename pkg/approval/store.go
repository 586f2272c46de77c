package approval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"

	"rampart.dev/pkg/call"
)

// Defaults for Options.
const (
	// DefaultTimeout is how long a pending approval waits for a human: long
	// enough to notice a prompt, short enough that a stuck agent gives up.
	DefaultTimeout = 5 * time.Minute
	// DefaultRetain is how long a resolved approval is kept so that a poller
	// that was away still learns the outcome.
	DefaultRetain = time.Hour
	// DefaultMaxPending bounds the calls held at once: far more than people
	// can answer, few enough that a runaway agent cannot fill memory and
	// disk with held calls.
	DefaultMaxPending = 1000
	// MaxFile bounds one approval file read back from disk: a call is at most
	// call.MaxLine and a result is capped by its creator well below this.
	MaxFile = 32 << 20
)

// Options tune a Store. The zero value is usable.
type Options struct {
	Timeout time.Duration // pending lifetime; 0 means DefaultTimeout
	Retain  time.Duration // resolved lifetime; 0 means DefaultRetain
	// MaxPending bounds the pending approvals; 0 means DefaultMaxPending.
	// Create answers ErrTooMany past it.
	MaxPending int
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Record, when set, is called for every approval about to leave
	// pending, with its new state, under the store's lock and before anyone
	// can see that state, so that a resolution is on record (in the audit
	// trail) before it releases anything. It must not call the Store. Its
	// error makes Resolve fail and the approval stay pending; an expiry or
	// a cancellation goes ahead regardless, since it only denies.
	Record func(Approval) error
	// OnResolve, when set, is called once for every approval that leaves
	// pending, after it is saved, outside the store's lock: by Resolve and
	// Cancel in their caller's goroutine, by expiry in a timer's goroutine,
	// and during Open for approvals that expired while nothing ran.
	OnResolve func(Approval)
}

// Request is what Create holds.
type Request struct {
	Call     call.Call
	Decision call.Decision
	Kind     string // KindTool, KindPreflight, KindExternal or the creator's own
	Async    bool
	Timeout  time.Duration // 0 means the store's
}

// Store is a directory of approvals. It is safe for concurrent use.
type Store struct {
	dir string
	opt Options

	mu      sync.Mutex
	items   map[string]*entry
	changed chan struct{} // closed and replaced on every change
	closed  bool
	skipped []error
}

type entry struct {
	a     Approval
	timer *time.Timer // expiry while pending, deletion once resolved
}

// Open loads the approvals in dir, creating it (0700) if needed. Files that
// cannot be read are renamed with a ".bad" suffix and reported by Skipped.
// Pending approvals past their deadline expire at once.
func Open(dir string, opt Options) (*Store, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Retain <= 0 {
		opt.Retain = DefaultRetain
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.MaxPending <= 0 {
		opt.MaxPending = DefaultMaxPending
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	s := &Store{dir: dir, opt: opt, items: map[string]*entry{}, changed: make(chan struct{})}
	names, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var expired []Approval
	now := opt.Now()
	s.mu.Lock()
	for _, de := range names {
		name := de.Name()
		if strings.HasPrefix(name, ".tmp-") {
			os.Remove(filepath.Join(dir, name)) // a write torn by a crash
			continue
		}
		if !strings.HasSuffix(name, ".json") || !de.Type().IsRegular() {
			continue
		}
		a, err := readFile(filepath.Join(dir, name))
		if err == nil && a.ID+".json" != name {
			err = fmt.Errorf("id %q does not match the file name", a.ID)
		}
		if err != nil {
			s.skipped = append(s.skipped, fmt.Errorf("%s: %w", filepath.Join(dir, name), err))
			os.Rename(filepath.Join(dir, name), filepath.Join(dir, name+".bad"))
			continue
		}
		e := &entry{a: a}
		s.items[a.ID] = e
		switch {
		case a.Status == Pending && !now.Before(a.Expires):
			s.expireLocked(e, now)
			expired = append(expired, e.a)
		case a.Status == Pending:
			s.armExpiry(e, a.Expires.Sub(now))
		case now.Sub(a.Resolved) >= opt.Retain:
			delete(s.items, a.ID)
			os.Remove(s.path(a.ID))
		default:
			s.armRemoval(e, opt.Retain-now.Sub(a.Resolved))
		}
	}
	s.mu.Unlock()
	for _, a := range expired {
		s.notify(a)
	}
	return s, nil
}

// Skipped lists the files Open could not read.
func (s *Store) Skipped() []error { return s.skipped }

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// Create holds a call as a new pending approval and saves it.
func (s *Store) Create(r Request) (Approval, error) {
	now := s.opt.Now()
	timeout := r.Timeout
	if timeout <= 0 {
		timeout = s.opt.Timeout
	}
	a := Approval{
		ID:       ulid.MustNew(ulid.Timestamp(now), ulid.DefaultEntropy()).String(),
		Status:   Pending,
		Kind:     r.Kind,
		Async:    r.Async,
		Call:     r.Call,
		Decision: r.Decision,
		Created:  now.UTC(),
		Expires:  now.Add(timeout).UTC(),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Approval{}, errClosed
	}
	if s.pendingLocked() >= s.opt.MaxPending {
		return Approval{}, ErrTooMany
	}
	if err := s.save(a); err != nil {
		return Approval{}, err
	}
	e := &entry{a: a}
	s.items[a.ID] = e
	s.armExpiry(e, timeout)
	s.changedLocked()
	return a, nil
}

// Get returns the approval with the given id.
func (s *Store) Get(id string) (Approval, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.items[id]
	if !ok {
		return Approval{}, ErrNotFound
	}
	return e.a, nil
}

// List returns the approvals with the given status, or all of them for "",
// oldest first.
func (s *Store) List(status Status) []Approval {
	s.mu.Lock()
	out := make([]Approval, 0, len(s.items))
	for _, e := range s.items {
		if status == "" || e.a.Status == status {
			out = append(out, e.a)
		}
	}
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Pending counts the pending approvals.
func (s *Store) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pendingLocked()
}

func (s *Store) pendingLocked() int {
	n := 0
	for _, e := range s.items {
		if e.a.Status == Pending {
			n++
		}
	}
	return n
}

// Resolve approves or denies a pending approval on behalf of by, with the
// human's reason. It answers ErrNotFound for an unknown id and an error
// wrapping ErrResolved, with the approval as it stands, when it was already
// resolved.
func (s *Store) Resolve(id string, approved bool, by, reason string) (Approval, error) {
	st := Denied
	if approved {
		st = Approved
	}
	return s.finish(id, st, by, reason)
}

// Cancel withdraws a pending approval: its caller went away.
func (s *Store) Cancel(id, reason string) (Approval, error) {
	return s.finish(id, Canceled, "caller", reason)
}

func (s *Store) finish(id string, st Status, by, reason string) (Approval, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return Approval{}, errClosed
	}
	e, ok := s.items[id]
	if !ok {
		s.mu.Unlock()
		return Approval{}, ErrNotFound
	}
	if e.a.Status != Pending {
		a := e.a
		s.mu.Unlock()
		return a, fmt.Errorf("%w (%s)", ErrResolved, a.Status)
	}
	a := e.a
	a.Status, a.ResolvedBy, a.Reason, a.Resolved = st, by, reason, s.opt.Now().UTC()
	if err := s.record(a); err != nil && st != Canceled {
		s.mu.Unlock()
		return Approval{}, fmt.Errorf("recording the resolution: %w", err)
	}
	if err := s.save(a); err != nil {
		s.mu.Unlock()
		return Approval{}, err
	}
	e.a = a
	s.rearmRemoval(e)
	s.changedLocked()
	s.mu.Unlock()
	s.notify(a)
	return a, nil
}

// SetResult attaches what the released call produced to a resolved approval.
func (s *Store) SetResult(id string, result json.RawMessage) (Approval, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Approval{}, errClosed
	}
	e, ok := s.items[id]
	if !ok {
		return Approval{}, ErrNotFound
	}
	a := e.a
	a.Result = append(json.RawMessage(nil), result...)
	if err := s.save(a); err != nil {
		return Approval{}, err
	}
	e.a = a
	s.changedLocked()
	return a, nil
}

// Wait blocks until the approval satisfies until (nil: until it is resolved)
// or ctx is done, and returns it as it then stands. It returns ctx's error
// only alongside the approval's current state, so a long poll that ran out
// still has something to answer.
func (s *Store) Wait(ctx context.Context, id string, until func(Approval) bool) (Approval, error) {
	if until == nil {
		until = Approval.Done
	}
	for {
		s.mu.Lock()
		e, ok := s.items[id]
		if !ok {
			s.mu.Unlock()
			return Approval{}, ErrNotFound
		}
		a, ch := e.a, s.changed
		s.mu.Unlock()
		if until(a) {
			return a, nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return a, ctx.Err()
		}
	}
}

// Close stops the store's timers; later changes fail. Pending approvals
// stay on disk.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, e := range s.items {
		if e.timer != nil {
			e.timer.Stop()
		}
	}
	return nil
}

var errClosed = fmt.Errorf("approval store closed")

func (s *Store) path(id string) string { return filepath.Join(s.dir, id+".json") }

func (s *Store) changedLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Store) record(a Approval) error {
	if s.opt.Record == nil {
		return nil
	}
	return s.opt.Record(a)
}

func (s *Store) notify(a Approval) {
	if s.opt.OnResolve != nil {
		s.opt.OnResolve(a)
	}
}

func (s *Store) armExpiry(e *entry, d time.Duration) {
	id := e.a.ID
	e.timer = time.AfterFunc(d, func() { s.expire(id) })
}

func (s *Store) armRemoval(e *entry, d time.Duration) {
	id := e.a.ID
	e.timer = time.AfterFunc(d, func() { s.remove(id) })
}

func (s *Store) rearmRemoval(e *entry) {
	if e.timer != nil {
		e.timer.Stop()
	}
	s.armRemoval(e, s.opt.Retain)
}

func (s *Store) expire(id string) {
	s.mu.Lock()
	e, ok := s.items[id]
	if !ok || s.closed || e.a.Status != Pending {
		s.mu.Unlock()
		return
	}
	s.expireLocked(e, s.opt.Now())
	a := e.a
	s.mu.Unlock()
	s.notify(a)
}

// expireLocked resolves e as expired. A failed save still expires it in
// memory: an approval that ran out must never be approved later.
func (s *Store) expireLocked(e *entry, now time.Time) {
	a := e.a
	a.Status, a.ResolvedBy, a.Resolved = Expired, "timeout", now.UTC()
	a.Reason = fmt.Sprintf("no answer within %s", a.Expires.Sub(a.Created).Round(time.Second))
	s.record(a)
	s.save(a)
	e.a = a
	s.rearmRemoval(e)
	s.changedLocked()
}

func (s *Store) remove(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.items[id]; ok && e.a.Status != Pending && !s.closed {
		delete(s.items, id)
		os.Remove(s.path(id))
		s.changedLocked()
	}
}

// save writes a atomically: a temporary file in the same directory, synced,
// then renamed over the old one.
func (s *Store) save(a Approval) error {
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(s.dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(append(b, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), s.path(a.ID))
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("save approval %s: %w", a.ID, err)
	}
	return nil
}

func readFile(path string) (Approval, error) {
	f, err := os.Open(path)
	if err != nil {
		return Approval{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return Approval{}, err
	}
	if fi.Size() > MaxFile {
		return Approval{}, fmt.Errorf("larger than %d bytes", MaxFile)
	}
	var a Approval
	dec := json.NewDecoder(f)
	if err := dec.Decode(&a); err != nil {
		return Approval{}, err
	}
	if _, err := ulid.ParseStrict(a.ID); err != nil {
		return Approval{}, fmt.Errorf("bad id %q", a.ID)
	}
	switch a.Status {
	case Pending, Approved, Denied, Expired, Canceled:
	default:
		return Approval{}, fmt.Errorf("bad status %q", a.Status)
	}
	return a, nil
}
