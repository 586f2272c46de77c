package export

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

// appendN appends n records to the log at path, with commands cmd-K.
func appendN(t testing.TB, l *audit.Log, from, n int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		_, err := l.Append(audit.Entry{
			Call:     call.Call{Tool: "exec", Params: map[string]any{"command": fmt.Sprintf("echo cmd-%d", i)}, Agent: "claude-code", Session: "s1"},
			Decision: call.Decision{Decision: call.Deny, Message: "blocked | for = test", MatchedPolicies: []string{"block-echo"}},
			Via:      "rampart-hook",
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func openLog(t testing.TB, maxSize int64) (*audit.Log, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audit", "audit.jsonl")
	l, err := audit.Open(path, audit.Options{MaxSize: maxSize})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, path
}

// readAll drains fl and returns the seqs it gave.
func readAll(t *testing.T, fl *Follower) []uint64 {
	t.Helper()
	var seqs []uint64
	for {
		rec, line, err := fl.Next()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("Next: %v", err)
			}
			return seqs
		}
		if r, err := audit.ParseRecord(line); err != nil || r.Seq != rec.Seq {
			t.Fatalf("line of %d does not parse back: %v", rec.Seq, err)
		}
		seqs = append(seqs, rec.Seq)
	}
}

func wantRun(t *testing.T, got []uint64, from, to uint64) {
	t.Helper()
	if len(got) != int(to-from+1) {
		t.Fatalf("got %d records (%v…), want %d to %d", len(got), head(got), from, to)
	}
	for i, s := range got {
		if s != from+uint64(i) {
			t.Fatalf("record %d is seq %d, want %d", i, s, from+uint64(i))
		}
	}
}

// waitRun returns what a Run whose context was canceled returned, waiting a
// minute at most: a Run that does not stop fails the test, never hangs it.
func waitRun(t testing.TB, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		t.Fatal("Run did not return within a minute of its context being canceled")
		return nil
	}
}

func head(s []uint64) []uint64 { return s[:min(len(s), 5)] }

func TestFollowerAcrossRotation(t *testing.T) {
	l, path := openLog(t, 4<<10) // a few records a file
	appendN(t, l, 1, 40)
	files, _ := audit.Files(path)
	if len(files) < 4 {
		t.Fatalf("want several rotated files, got %v", files)
	}
	fl := NewFollower(path, Cursor{}, func(s string) { t.Errorf("warning: %s", s) })
	defer fl.Close()
	wantRun(t, readAll(t, fl), 1, 40)

	// Following: new records, across more rotations, as they come.
	appendN(t, l, 41, 25)
	wantRun(t, readAll(t, fl), 41, 65)

	// Resuming from a cursor in the middle of a rotated file.
	fl2 := NewFollower(path, fl2Cursor(t, path, 17), nil)
	defer fl2.Close()
	wantRun(t, readAll(t, fl2), 18, 65)
}

// rotateWhileChoosing makes the next file choice of a Follower see rotations
// land between its look at the files and its commitment to one: the writer
// appends n records (through at least one rotation) right there, once.
func rotateWhileChoosing(t *testing.T, l *audit.Log, path string, from, n int) {
	t.Helper()
	before, _ := audit.Files(path)
	testHookChosen = func() {
		testHookChosen = nil
		appendN(t, l, from, n)
		if after, _ := audit.Files(path); len(after) <= len(before) {
			t.Fatalf("no rotation injected: files %v, then %v", before, after)
		}
	}
	t.Cleanup(func() { testHookChosen = nil })
}

// A rotation between choosing the file to read and opening it used to send
// the Follower to the newer file now bearing the active name: records were
// skipped at the start (from an empty cursor, with just a warning) or the
// export stopped with a false gap. Both are injected here, deterministically.
func TestFollowerRotationWhileChoosing(t *testing.T) {
	l, path := openLog(t, 4<<10)
	appendN(t, l, 1, 5)
	warn := func(s string) { t.Errorf("warning: %s", s) }

	// At the start: the only file is the active one, and it is rotated
	// twice before the follower settles on a file.
	rotateWhileChoosing(t, l, path, 6, 25)
	fl := NewFollower(path, Cursor{}, warn)
	defer fl.Close()
	wantRun(t, readAll(t, fl), 1, 30)

	// Following: the file after the one read is the active one, and it is
	// rotated (twice) before the follower moves to it.
	appendN(t, l, 31, 12)
	rotateWhileChoosing(t, l, path, 43, 25)
	wantRun(t, readAll(t, fl), 31, 67)
}

// Several rotations between two reads: every file is read in turn.
func TestFollowerManyRotationsBetweenReads(t *testing.T) {
	l, path := openLog(t, 4<<10)
	appendN(t, l, 1, 3)
	fl := NewFollower(path, Cursor{}, func(s string) { t.Errorf("warning: %s", s) })
	defer fl.Close()
	wantRun(t, readAll(t, fl), 1, 3)
	appendN(t, l, 4, 60)
	if files, _ := audit.Files(path); len(files) < 5 {
		t.Fatalf("want several rotations, got %v", files)
	}
	wantRun(t, readAll(t, fl), 4, 63)
}

// A rotated file removed while it is being read is an error, not a jump to
// whatever file comes next.
func TestFollowerFileRemoved(t *testing.T) {
	l, path := openLog(t, 4<<10)
	appendN(t, l, 1, 3)
	fl := NewFollower(path, Cursor{}, nil)
	defer fl.Close()
	wantRun(t, readAll(t, fl), 1, 3)
	appendN(t, l, 4, 30)
	files, _ := audit.Files(path)
	if len(files) < 3 {
		t.Fatalf("want rotations, got %v", files)
	}
	if err := os.Remove(files[0]); err != nil { // the file being read
		t.Fatal(err)
	}
	var err error
	for err == nil {
		_, _, err = fl.Next()
	}
	if !errors.Is(err, ErrChain) {
		t.Fatalf("Next after the file being read was removed: %v, want ErrChain", err)
	}
}

// fl2Cursor is the cursor of record seq of the log at path.
func fl2Cursor(t *testing.T, path string, seq uint64) Cursor {
	t.Helper()
	fl := NewFollower(path, Cursor{}, nil)
	defer fl.Close()
	for {
		rec, _, err := fl.Next()
		if err != nil {
			t.Fatalf("no record %d: %v", seq, err)
		}
		if rec.Seq == seq {
			return Cursor{Seq: rec.Seq, Hash: rec.Hash, ID: rec.ID}
		}
	}
}

func TestFollowerTornLine(t *testing.T) {
	l, path := openLog(t, -1)
	appendN(t, l, 1, 3)
	fl := NewFollower(path, Cursor{}, nil)
	defer fl.Close()
	wantRun(t, readAll(t, fl), 1, 3)
	// A writer killed mid-line: nothing is returned for the half line. That
	// writer held the file lock, so l first lets go of the one it keeps
	// between appends that come back to back (Head releases it).
	if _, _, err := l.Head(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"seq":4,"id":"01J`)
	f.Close()
	if got := readAll(t, fl); len(got) != 0 {
		t.Fatalf("a torn line gave records %v", got)
	}
	// The next writer sets it aside, cuts it off and appends record 4.
	appendN(t, l, 4, 2)
	wantRun(t, readAll(t, fl), 4, 5)
}

func TestFollowerChainErrors(t *testing.T) {
	l, path := openLog(t, -1)
	appendN(t, l, 1, 5)
	c3 := fl2Cursor(t, path, 3)

	// A cursor whose record the log no longer has as it was.
	bad := c3
	bad.Hash = strings.Repeat("0", 64)
	fl := NewFollower(path, bad, nil)
	defer fl.Close()
	if _, _, err := fl.Next(); !errors.Is(err, ErrChain) {
		t.Fatalf("a changed record: Next = %v, want ErrChain", err)
	}

	// A record missing after the cursor: cut record 4 out.
	b, _ := os.ReadFile(path)
	lines := strings.SplitAfter(string(b), "\n")
	os.WriteFile(path, []byte(strings.Join(append(lines[:3:3], lines[4:]...), "")), 0o600)
	fl = NewFollower(path, c3, nil)
	defer fl.Close()
	if _, _, err := fl.Next(); !errors.Is(err, ErrChain) || !strings.Contains(err.Error(), "records 4 to 4 are missing") {
		t.Fatalf("a missing record: Next = %v, want ErrChain naming record 4", err)
	}
}

// flaky is a Sink that fails its first fails sends and records the rest.
type flaky struct {
	mu    sync.Mutex
	fails int
	perm  bool
	got   []uint64
	sends int
}

func (f *flaky) Send(ctx context.Context, items []Item) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sends++
	if f.fails > 0 {
		f.fails--
		if f.perm {
			return Permanent(errors.New("rejected"))
		}
		return errors.New("collector down")
	}
	for _, it := range items {
		f.got = append(f.got, it.Rec.Seq)
	}
	return nil
}

func (f *flaky) Close() error { return nil }

func TestRunRetriesAndResumes(t *testing.T) {
	l, path := openLog(t, 4<<10)
	appendN(t, l, 1, 30)
	cur := filepath.Join(t.TempDir(), "c", "export.cursor")
	opt := Options{Cursor: cur, Batch: 7, Retries: 3, Backoff: time.Millisecond}

	// Two failures, then delivery: everything, once, in order.
	sink := &flaky{fails: 2}
	st, err := Run(context.Background(), NewFollower(path, Cursor{}, nil), sink, opt)
	if err != nil {
		t.Fatal(err)
	}
	wantRun(t, sink.got, 1, 30)
	if st.Resends != 2 || st.Records != 30 {
		t.Errorf("stats %+v, want 2 resends and 30 records", st)
	}
	c, err := LoadCursor(cur)
	if err != nil || c.Seq != 30 {
		t.Fatalf("cursor %+v, %v; want seq 30", c, err)
	}

	// An outage longer than the retries: Run gives up, the cursor stays
	// at the last acknowledged batch, and the next run resumes there.
	appendN(t, l, 31, 10)
	sink = &flaky{fails: 100}
	if _, err := Run(context.Background(), NewFollower(path, c, nil), sink, opt); err == nil {
		t.Fatal("Run succeeded with the collector down")
	}
	if sink.sends != 4 {
		t.Errorf("sent %d times, want 1 + 3 retries", sink.sends)
	}
	if c2, _ := LoadCursor(cur); c2 != c {
		t.Fatalf("cursor moved to %+v during the outage", c2)
	}
	sink = &flaky{}
	if _, err := Run(context.Background(), NewFollower(path, c, nil), sink, opt); err != nil {
		t.Fatal(err)
	}
	wantRun(t, sink.got, 31, 40)

	// A permanent error is not retried.
	appendN(t, l, 41, 1)
	c, _ = LoadCursor(cur)
	sink = &flaky{fails: 1, perm: true}
	if _, err := Run(context.Background(), NewFollower(path, c, nil), sink, opt); err == nil || sink.sends != 1 {
		t.Fatalf("permanent error: err %v after %d sends, want an error after 1", err, sink.sends)
	}
}

func TestRunFollow(t *testing.T) {
	l, path := openLog(t, 4<<10)
	appendN(t, l, 1, 5)
	cur := filepath.Join(t.TempDir(), "export.cursor")
	sink := &flaky{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, NewFollower(path, Cursor{}, nil), sink, Options{Cursor: cur, Follow: true, Poll: 5 * time.Millisecond})
		done <- err
	}()
	appendN(t, l, 6, 45)
	// Wait for all 50, for Run to stop early (an error), or for a minute,
	// whichever comes first: the test never hangs.
	deadline := time.After(time.Minute)
	for {
		sink.mu.Lock()
		n := len(sink.got)
		sink.mu.Unlock()
		if n >= 50 {
			break
		}
		select {
		case err := <-done:
			t.Fatalf("Run stopped after %d of 50 records (%v): %v", n, head(sink.got), err)
		case <-deadline:
			cancel()
			t.Fatalf("after a minute the follower has delivered %d of 50 records", n)
		case <-time.After(5 * time.Millisecond):
		}
	}
	cancel()
	if err := waitRun(t, done); err != nil {
		t.Fatal(err)
	}
	wantRun(t, sink.got, 1, 50)
}

func TestCursorRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x", "c.cursor")
	if c, err := LoadCursor(path); err != nil || c != (Cursor{}) {
		t.Fatalf("missing cursor: %+v, %v", c, err)
	}
	want := Cursor{Seq: 42, Hash: strings.Repeat("ab", 32), ID: "01JZ0000000000000000000000"}
	if err := SaveCursor(path, want); err != nil {
		t.Fatal(err)
	}
	if got, err := LoadCursor(path); err != nil || got != want {
		t.Fatalf("LoadCursor = %+v, %v; want %+v", got, err, want)
	}
	for _, bad := range []string{
		``, `{`, `{"seq":1}`, `{"seq":1,"hash":"xyz"}`, `{"seq":0,"hash":"` + strings.Repeat("a", 64) + `"}`,
		`{"seq":1,"hash":"` + strings.Repeat("a", 64) + `","extra":1}`, `{"seq":-1}`, `{} {}`,
	} {
		if _, err := ParseCursor([]byte(bad)); err == nil {
			t.Errorf("ParseCursor(%q) accepted", bad)
		}
	}
}

func FuzzParseCursor(f *testing.F) {
	f.Add([]byte(`{"seq":42,"hash":"` + strings.Repeat("ab", 32) + `","id":"01JZ0000000000000000000000"}`))
	f.Add([]byte(`{"seq":0,"hash":"","id":""}`))
	f.Add([]byte(`{"seq":1e3}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseCursor(b)
		if err != nil {
			return
		}
		c2, err := ParseCursor(c.Marshal())
		if err != nil || c2 != c {
			t.Fatalf("round trip of %+v: %+v, %v", c, c2, err)
		}
	})
}

func TestParseTarget(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Target
	}{
		{"syslog+tcp://logs:1514", Target{Kind: "syslog", Addr: "logs:1514"}},
		{"syslog+tls://logs.example.com", Target{Kind: "syslog", TLS: true, Addr: "logs.example.com:6514"}},
		{"otlp+http://127.0.0.1:4318", Target{Kind: "otlp", Addr: "127.0.0.1:4318", URL: "http://127.0.0.1:4318/v1/logs"}},
		{"otlp+https://[::1]/custom/logs", Target{Kind: "otlp", TLS: true, Addr: "[::1]:4318", URL: "https://[::1]:4318/custom/logs"}},
	} {
		got, err := ParseTarget(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseTarget(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "logs:514", "udp://logs:514", "syslog+tcp://", "syslog+tcp://logs/path", "otlp+http://u:p@h", "http://h:4318"} {
		if _, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) accepted", bad)
		}
	}
}
