package approval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rampart.dev/pkg/call"
)

var kubectl = call.Call{Tool: "exec", Params: call.Params{"command": "kubectl apply -f prod.yaml"}, Agent: "deploy-bot"}

var held = call.Decision{Decision: call.RequireApproval, Message: "production change", MatchedPolicies: []string{"prod-changes"}}

func open(t *testing.T, dir string, opt Options) *Store {
	t.Helper()
	s, err := Open(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestCreateResolve(t *testing.T) {
	var resolved []Approval
	var mu sync.Mutex
	s := open(t, t.TempDir(), Options{OnResolve: func(a Approval) { mu.Lock(); resolved = append(resolved, a); mu.Unlock() }})
	a, err := s.Create(Request{Call: kubectl, Decision: held, Kind: KindTool})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != Pending || len(a.ID) != 26 || a.Kind != KindTool {
		t.Fatalf("Create = %+v", a)
	}
	if got := a.Expires.Sub(a.Created); got != DefaultTimeout {
		t.Errorf("lifetime = %v, want %v", got, DefaultTimeout)
	}
	if n := s.Pending(); n != 1 {
		t.Errorf("Pending() = %d, want 1", n)
	}
	if l := s.List(Pending); len(l) != 1 || l[0].ID != a.ID {
		t.Errorf("List(pending) = %+v", l)
	}
	r, err := s.Resolve(a.ID, true, "admin", "ship it")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Approved || r.ResolvedBy != "admin" || r.Reason != "ship it" || r.Resolved.IsZero() {
		t.Errorf("Resolve = %+v", r)
	}
	if d := r.Outcome(); d.Decision != call.Allow || d.Message != "approved by admin: ship it" {
		t.Errorf("Outcome = %+v", d)
	}
	_, err = s.Resolve(a.ID, false, "admin", "")
	if !errors.Is(err, ErrResolved) {
		t.Errorf("second Resolve err = %v, want ErrResolved", err)
	}
	if _, err := s.Resolve("01JD5V7W0M6Q3YJ8E9C2N4T1RX", true, "admin", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resolve(unknown) err = %v, want ErrNotFound", err)
	}
	if len(resolved) != 1 || resolved[0].Status != Approved {
		t.Errorf("OnResolve calls = %+v, want one approved", resolved)
	}
	if n := s.Pending(); n != 0 {
		t.Errorf("Pending() = %d after resolve", n)
	}
}

func TestExpiry(t *testing.T) {
	got := make(chan Approval, 1)
	s := open(t, t.TempDir(), Options{Timeout: 50 * time.Millisecond, OnResolve: func(a Approval) { got <- a }})
	a, err := s.Create(Request{Call: kubectl, Decision: held})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	w, err := s.Wait(ctx, a.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if w.Status != Expired || w.Outcome().Decision != call.Deny {
		t.Errorf("Wait = %+v, want expired", w)
	}
	if e := <-got; e.ID != a.ID || e.Status != Expired {
		t.Errorf("OnResolve got %+v", e)
	}
	if _, err := s.Resolve(a.ID, true, "admin", ""); !errors.Is(err, ErrResolved) {
		t.Errorf("Resolve after expiry err = %v, want ErrResolved", err)
	}
}

func TestRestartKeepsPending(t *testing.T) {
	dir := t.TempDir()
	s1, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s1.Create(Request{Call: kubectl, Decision: held, Kind: KindExternal, Async: true})
	b, _ := s1.Create(Request{Call: kubectl, Decision: held})
	s1.Resolve(b.ID, false, "admin", "no")
	s1.Close()

	s2 := open(t, dir, Options{})
	got, err := s2.Get(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != Pending || got.Call.Command() != kubectl.Command() || !got.Async || got.Kind != KindExternal {
		t.Errorf("reloaded %+v", got)
	}
	if got, _ := s2.Get(b.ID); got.Status != Denied || got.Reason != "no" {
		t.Errorf("reloaded resolved %+v", got)
	}
	if _, err := s2.Resolve(a.ID, true, "admin", "ok"); err != nil {
		t.Errorf("Resolve after restart: %v", err)
	}
}

func TestOpenExpiresOverdue(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	clock := func() time.Time { return now }
	s1, _ := Open(dir, Options{Now: clock, Timeout: time.Minute})
	a, _ := s1.Create(Request{Call: kubectl, Decision: held})
	s1.Close()

	now = now.Add(2 * time.Minute)
	var expired []Approval
	s2 := open(t, dir, Options{Now: clock, OnResolve: func(a Approval) { expired = append(expired, a) }})
	if got, _ := s2.Get(a.ID); got.Status != Expired {
		t.Errorf("overdue approval is %s, want expired", got.Status)
	}
	if len(expired) != 1 {
		t.Errorf("OnResolve called %d times, want 1", len(expired))
	}
	// Resolved approvals past Retain are removed on open.
	now = now.Add(2 * DefaultRetain)
	s3 := open(t, dir, Options{Now: clock})
	if _, err := s3.Get(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(old) err = %v, want ErrNotFound", err)
	}
	if _, err := os.Stat(filepath.Join(dir, a.ID+".json")); !os.IsNotExist(err) {
		t.Errorf("old file still there: %v", err)
	}
}

func TestBadFilesSkipped(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "01JD5V7W0M6Q3YJ8E9C2N4T1RX.json"), []byte("{not json"), 0o600)
	os.WriteFile(filepath.Join(dir, ".tmp-123"), []byte("torn"), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600)
	s := open(t, dir, Options{})
	if n := len(s.Skipped()); n != 1 {
		t.Errorf("Skipped() = %v, want one", s.Skipped())
	}
	if _, err := os.Stat(filepath.Join(dir, "01JD5V7W0M6Q3YJ8E9C2N4T1RX.json.bad")); err != nil {
		t.Errorf("bad file not set aside: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".tmp-123")); !os.IsNotExist(err) {
		t.Errorf("torn temp file kept")
	}
}

func TestCancelAndResult(t *testing.T) {
	s := open(t, t.TempDir(), Options{})
	a, _ := s.Create(Request{Call: kubectl, Decision: held})
	c, err := s.Cancel(a.ID, "the caller disconnected")
	if err != nil || c.Status != Canceled || c.Outcome().Decision != call.Deny {
		t.Fatalf("Cancel = %+v, %v", c, err)
	}
	if c.Describe() != "approval canceled: the caller disconnected" {
		t.Errorf("Describe = %q", c.Describe())
	}
	r, err := s.SetResult(a.ID, []byte(`{"exit_code":0}`))
	if err != nil || string(r.Result) != `{"exit_code":0}` {
		t.Errorf("SetResult = %+v, %v", r, err)
	}
}

func TestWaitUntil(t *testing.T) {
	s := open(t, t.TempDir(), Options{})
	a, _ := s.Create(Request{Call: kubectl, Decision: held, Kind: KindTool, Async: true})
	done := make(chan Approval)
	go func() {
		w, _ := s.Wait(context.Background(), a.ID, func(a Approval) bool { return a.Result != nil })
		done <- w
	}()
	s.Resolve(a.ID, true, "admin", "")
	s.SetResult(a.ID, []byte(`{"ok":true}`))
	if w := <-done; string(w.Result) != `{"ok":true}` {
		t.Errorf("Wait until result = %+v", w)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	b, _ := s.Create(Request{Call: kubectl, Decision: held})
	w, err := s.Wait(ctx, b.ID, nil)
	if !errors.Is(err, context.DeadlineExceeded) || w.Status != Pending {
		t.Errorf("Wait ran out = %+v, %v", w, err)
	}
}

// Many resolvers race on one approval: exactly one wins, and OnResolve sees
// it once.
func TestConcurrentResolve(t *testing.T) {
	var calls atomic.Int32
	s := open(t, t.TempDir(), Options{OnResolve: func(Approval) { calls.Add(1) }})
	const n = 20
	ids := make([]string, n)
	for i := range ids {
		a, err := s.Create(Request{Call: kubectl, Decision: held})
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = a.ID
	}
	var wins atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for _, id := range ids {
				if _, err := s.Resolve(id, i%2 == 0, "admin", ""); err == nil {
					wins.Add(1)
				}
				s.Get(id)
				s.List("")
			}
		}(i)
	}
	wg.Wait()
	if wins.Load() != n || calls.Load() != n {
		t.Errorf("wins = %d, OnResolve calls = %d, want %d each", wins.Load(), calls.Load(), n)
	}
}

func BenchmarkCreateResolve(b *testing.B) {
	s, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		a, err := s.Create(Request{Call: kubectl, Decision: held})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Resolve(a.ID, true, "admin", ""); err != nil {
			b.Fatal(err)
		}
	}
}

// A resolution that cannot be recorded does not happen; an expiry does.
func TestRecordFailure(t *testing.T) {
	fail := errors.New("disk full")
	var recorded []Status
	s := open(t, t.TempDir(), Options{Timeout: 30 * time.Millisecond, Record: func(a Approval) error {
		recorded = append(recorded, a.Status)
		return fail
	}})
	a, _ := s.Create(Request{Call: kubectl, Decision: held})
	if _, err := s.Resolve(a.ID, true, "admin", ""); !errors.Is(err, fail) {
		t.Fatalf("Resolve err = %v, want the record error", err)
	}
	if got, _ := s.Get(a.ID); got.Status != Pending {
		t.Fatalf("status after a failed record = %s, want pending", got.Status)
	}
	w, _ := s.Wait(context.Background(), a.ID, nil)
	if w.Status != Expired {
		t.Errorf("status = %s, want expired despite the record error", w.Status)
	}
}

func TestMaxPending(t *testing.T) {
	s := open(t, t.TempDir(), Options{MaxPending: 2})
	a, _ := s.Create(Request{Call: kubectl, Decision: held})
	s.Create(Request{Call: kubectl, Decision: held})
	if _, err := s.Create(Request{Call: kubectl, Decision: held}); !errors.Is(err, ErrTooMany) {
		t.Fatalf("third Create err = %v, want ErrTooMany", err)
	}
	s.Resolve(a.ID, false, "admin", "")
	if _, err := s.Create(Request{Call: kubectl, Decision: held}); err != nil {
		t.Errorf("Create after a resolve: %v", err)
	}
}
