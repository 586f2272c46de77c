package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"rampart.dev/pkg/call"
)

// fixedClock returns a clock that starts at a fixed time and ticks 1ms per call.
func fixedClock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Millisecond)
		return t
	}
}

func entry(i int) Entry {
	return Entry{
		Call:     call.Call{Tool: "exec", Params: call.Params{"command": fmt.Sprintf("echo %d", i)}, Agent: "claude-code", Session: "s1", Cwd: "/home/u/p"},
		Decision: call.Decision{Decision: call.Allow, MatchedPolicies: []string{"allow-echo"}, Message: "ok", EvalNS: 900},
		Via:      "test",
	}
}

// newLog opens a log in a fresh directory and appends n records.
// settle makes l write its head and release the file lock that appends
// back to back keep (see writeBatch), as it does by itself once they pause:
// a test that changes the files behind the log's back, as damage would,
// does it then.
func settle(t testing.TB, l *Log) {
	t.Helper()
	if _, _, err := l.Head(); err != nil {
		t.Fatal(err)
	}
}

func newLog(t testing.TB, n int, opts Options) (*Log, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audit", "audit.jsonl")
	if opts.Now == nil {
		opts.Now = fixedClock()
	}
	l, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	for i := range n {
		if _, err := l.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	return l, path
}

func mustVerify(t *testing.T, path string, opts VerifyOptions) Result {
	t.Helper()
	res, err := Verify(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Problem != nil {
		t.Fatalf("Verify(%s) = %v, want whole (notes %q)", path, res.Problem, res.Notes)
	}
	return res
}

func mustFail(t *testing.T, path string, opts VerifyOptions, where, reason string) {
	t.Helper()
	res, err := Verify(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Problem == nil {
		t.Fatalf("Verify(%s) passed, want %s: %s", path, where, reason)
	}
	got := res.Problem.Error()
	if !strings.HasPrefix(got, where+": ") || !strings.Contains(got, reason) {
		t.Fatalf("Verify(%s) = %q, want %s: ...%s...", path, got, where, reason)
	}
}

func TestAppendVerify(t *testing.T) {
	l, path := newLog(t, 100, Options{})
	res := mustVerify(t, path, VerifyOptions{Strict: true})
	if res.Records != 100 || res.First != 1 || res.Last != 100 || len(res.Notes) != 0 {
		t.Errorf("Verify = %+v, want 100 records 1..100, no notes", res)
	}
	seq, hash, err := l.Head()
	if err != nil || seq != 100 || hash != res.LastHash {
		t.Errorf("Head() = %d, %s, %v; want 100, %s", seq, hash, err, res.LastHash)
	}
	for _, name := range []string{filepath.Dir(path), path, headName(path)} {
		st, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		want := os.FileMode(0o600)
		if st.IsDir() {
			want = 0o700
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", name, st.Mode().Perm(), want)
		}
	}
}

func TestRecordsReadBack(t *testing.T) {
	l, path := newLog(t, 0, Options{})
	e := entry(1)
	e.Call.Params = call.Params{"command": "curl -H 'Authorization: Bearer abcdef123456' https://x <y>", "n": 1.5}
	e.Decision.Flags = []string{call.FlagUnparsed}
	want, err := l.Append(e)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	defer f.Close()
	got, err := NewReader(f).Next()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.AppendLine(nil), want.AppendLine(nil)) {
		t.Errorf("read back\n%s\nwant\n%s", got.AppendLine(nil), want.AppendLine(nil))
	}
	if string(got.Params) != `{"command":"curl -H 'Authorization: Bearer [REDACTED]' https://x <y>","n":1.5}` {
		t.Errorf("params = %s", got.Params)
	}
	if strings.Join(got.Flags, ",") != "unparsed,redacted" {
		t.Errorf("flags = %q, want unparsed,redacted", got.Flags)
	}
	if got.Decision != "allow" || got.Via != "test" || got.Prev != "" || got.Hash != got.ComputeHash() {
		t.Errorf("record = %+v", got)
	}
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	enc.Encode(got)
	raw, _ := os.ReadFile(path)
	if line.String() != string(raw) {
		t.Errorf("encoding the record = %s, want the line %s", line.String(), raw)
	}
}

// The canonical bytes and hash of the package doc's sample, pinned.
func TestCanonicalGolden(t *testing.T) {
	r := Record{
		Seq: 1, ID: "01JZ0000000000000000000000", Time: time.Date(2025, 1, 2, 3, 4, 5, 6000, time.UTC),
		Agent: "claude-code", Session: "s1", Tool: "exec", Cwd: "/home/u/p",
		Params: json.RawMessage(`{"command":"rm -rf /"}`), Decision: "deny",
		MatchedPolicies: []string{"block-destructive"}, Matched: "rm -rf /",
		Message: "Destructive command blocked", EvalNS: 900, Via: "hook",
	}
	const want = `{"seq":1,"id":"01JZ0000000000000000000000","time":"2025-01-02T03:04:05.000006Z","agent":"claude-code","session":"s1","tool":"exec","cwd":"/home/u/p","params":{"command":"rm -rf /"},"decision":"deny","matched_policies":["block-destructive"],"matched":"rm -rf /","message":"Destructive command blocked","eval_ns":900,"via":"hook","flags":[],"prev":""}`
	if got := string(r.Canonical()); got != want {
		t.Errorf("Canonical() =\n%s\nwant\n%s", got, want)
	}
	const wantHash = "812be5ca5822f005203f5c449cd877ed1705d08786c60ba3b22e429625953c67"
	if got := r.ComputeHash(); got != wantHash {
		t.Errorf("ComputeHash() = %s, want %s", got, wantHash)
	}
}

// appendString escapes as encoding/json does with HTML escaping off, for
// valid UTF-8.
func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "plain", "quote\" back\\slash", "ctl\x00\x01\b\f\n\r\t\x1f", "<html>&amp;", "line\u2028sep\u2029", "héllo wörld ✓", "\x7f"} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		want := strings.TrimSuffix(buf.String(), "\n")
		if got := string(appendString(nil, s)); got != want {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
	// Invalid UTF-8 becomes a raw U+FFFD, so that decoding and encoding again
	// gives the same bytes.
	if got := string(appendString(nil, "a\xffb")); got != "\"a\uFFFDb\"" {
		t.Errorf("appendString(invalid) = %q", got)
	}
}

func TestFlippedByte(t *testing.T) {
	_, path := newLog(t, 5, Options{})
	orig, _ := os.ReadFile(path)
	for i := range orig {
		b := bytes.Clone(orig)
		b[i] ^= 0x01
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		line := bytes.Count(orig[:i], []byte{'\n'}) + 1
		res, err := Verify(path, VerifyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Problem == nil || res.Problem.Line != line {
			t.Fatalf("byte %d (line %d) flipped: Verify = %v", i, line, res.Problem)
		}
	}
}

func TestDeletedRecords(t *testing.T) {
	for _, n := range []int{1, 10} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			_, path := newLog(t, 50, Options{})
			cutLines(t, path, n)
			mustFail(t, path, VerifyOptions{}, fmt.Sprintf("%s:%d", path, 51-n), fmt.Sprintf("%d record(s) removed from the end", n))
		})
	}
	t.Run("middle", func(t *testing.T) {
		_, path := newLog(t, 50, Options{})
		b, _ := os.ReadFile(path)
		lines := bytes.SplitAfter(b, []byte{'\n'})
		os.WriteFile(path, bytes.Join(append(lines[:20:20], lines[21:]...), nil), 0o600)
		mustFail(t, path, VerifyOptions{}, path+":21", "seq 22 follows seq 20 (line 20): 1 record(s) missing")
	})
}

// cutLines removes the last n lines of a file.
func cutLines(t *testing.T, path string, n int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(b, []byte{'\n'})
	lines = lines[:len(lines)-1] // the empty piece after the last newline
	if err := os.WriteFile(path, bytes.Join(lines[:len(lines)-n], nil), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestRotation(t *testing.T) {
	l, path := newLog(t, 0, Options{MaxSize: 20 << 10})
	for i := 0; i < 200; i++ {
		if _, err := l.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	res := mustVerify(t, path, VerifyOptions{})
	if len(res.Files) < 3 || res.Records != 200 {
		t.Fatalf("Verify = %d records in %q, want 200 in 3+ files", res.Records, res.Files)
	}
	for _, f := range res.Files[:len(res.Files)-1] {
		if st, _ := os.Stat(f); st.Size() > 20<<10 {
			t.Errorf("%s: %d bytes, over MaxSize", f, st.Size())
		}
	}
	// A rotated file removed from the middle breaks the chain.
	os.Remove(path + ".2")
	mustFail(t, path, VerifyOptions{}, path+".3:1", "record(s) missing")
}

func TestTornLine(t *testing.T) {
	l, path := newLog(t, 10, Options{})
	b, _ := os.ReadFile(path)
	torn := b[:40] // the start of a record, as a killed writer would leave
	f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	f.Write(torn)
	f.Close()
	res := mustVerify(t, path, VerifyOptions{})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], ":11: torn last line") {
		t.Errorf("Verify notes = %q, want a torn line at 11", res.Notes)
	}
	r, err := l.Append(entry(10))
	if err != nil {
		t.Fatal(err)
	}
	if r.Seq != 11 || !strings.Contains(strings.Join(r.Flags, ","), FlagAfterTorn) {
		t.Errorf("Append after torn = seq %d flags %q", r.Seq, r.Flags)
	}
	res = mustVerify(t, path, VerifyOptions{})
	if res.Records != 11 || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "1 torn line(s) set aside") {
		t.Errorf("Verify = %d records, notes %q", res.Records, res.Notes)
	}
	var tr tornRecord
	tb, _ := os.ReadFile(TornName(path))
	if err := json.Unmarshal(tb, &tr); err != nil || tr.Bytes != len(torn) || tr.AfterSeq != 10 {
		t.Errorf("torn file = %s (%v)", tb, err)
	}
}

func TestHeadLagsLog(t *testing.T) {
	l, path := newLog(t, 10, Options{})
	settle(t, l)
	old, _ := os.ReadFile(headName(path))
	l.Append(entry(10))
	settle(t, l)
	os.WriteFile(headName(path), old, 0o600) // as if killed before the head update
	res := mustVerify(t, path, VerifyOptions{})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "lags the log by 1 record") {
		t.Errorf("Verify notes = %q", res.Notes)
	}
	// A second process picks up where the first left off.
	l2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	if r, err := l2.Append(entry(11)); err != nil || r.Seq != 12 || len(r.Flags) != 0 {
		t.Fatalf("Append = seq %d flags %q, %v; want 12", r.Seq, r.Flags, err)
	}
	if res := mustVerify(t, path, VerifyOptions{}); res.Records != 12 || len(res.Notes) != 0 {
		t.Errorf("Verify = %d records, notes %q", res.Records, res.Notes)
	}
}

func TestHeadRebuilt(t *testing.T) {
	l, path := newLog(t, 0, Options{MaxSize: 4 << 10})
	for i := range 30 {
		l.Append(entry(i))
	}
	l.Close()
	for _, damage := range []func(){
		func() { os.Remove(headName(path)) },
		func() { os.WriteFile(headName(path), []byte("garbage"), 0o600) },
		func() { os.Remove(headName(path)); os.WriteFile(path, nil, 0o600) }, // active file empty: chain ends in a rotated one
	} {
		damage()
		l, err := Open(path, Options{MaxSize: 4 << 10})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.Append(entry(0)); err != nil {
			t.Fatal(err)
		}
		l.Close()
		mustVerify(t, path, VerifyOptions{})
	}
}

func TestTruncatedActiveFile(t *testing.T) {
	l, path := newLog(t, 20, Options{})
	settle(t, l)
	cutLines(t, path, 3)
	r, err := l.Append(entry(20))
	if err != nil {
		t.Fatal(err)
	}
	if r.Seq != 21 || !strings.Contains(strings.Join(r.Flags, ","), FlagAfterTruncation) {
		t.Errorf("Append after cut = seq %d flags %q", r.Seq, r.Flags)
	}
	mustFail(t, path, VerifyOptions{}, path+":18", "seq 21 follows seq 17 (line 17): 3 record(s) missing")
}

// A checkpoint the log no longer reaches fails verification (signing and
// parsing checkpoints are package auditkey's).
func TestCheckpoint(t *testing.T) {
	l, path := newLog(t, 30, Options{})
	seq, hash, _ := l.Head()
	cp := &Checkpoint{Seq: seq, Hash: hash}
	for range 5 {
		l.Append(entry(0))
	}
	mustVerify(t, path, VerifyOptions{Checkpoint: cp})
	// Cut back to before the checkpoint and remove the head, which would
	// otherwise give it away: only the checkpoint remains to tell.
	cutLines(t, path, 10)
	os.Remove(headName(path))
	mustFail(t, path, VerifyOptions{Checkpoint: cp}, path+":26", "before the checkpoint's seq 30: 5 record(s) removed")

	// A checkpoint whose hash the record at its seq does not carry.
	l2, path2 := newLog(t, 30, Options{})
	seq, _, _ = l2.Head()
	other := &Checkpoint{Seq: seq, Hash: strings.Repeat("0", 64)}
	mustFail(t, path2, VerifyOptions{Checkpoint: other}, path2+":30", "differs from the checkpoint's")
}

func TestConcurrentGoroutines(t *testing.T) {
	_, path := newLog(t, 0, Options{MaxSize: 64 << 10})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := Open(path, Options{MaxSize: 64 << 10})
			if err != nil {
				t.Error(err)
				return
			}
			defer l.Close()
			for i := range 100 {
				if _, err := l.Append(entry(i)); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if res := mustVerify(t, path, VerifyOptions{}); res.Records != 400 {
		t.Errorf("Verify = %d records, want 400", res.Records)
	}
}

func TestVerifyReader(t *testing.T) {
	_, path := newLog(t, 20, Options{})
	b, _ := os.ReadFile(path)
	res, err := VerifyReader("stdin", bytes.NewReader(b), VerifyOptions{})
	if err != nil || res.Problem != nil || res.Records != 20 {
		t.Fatalf("VerifyReader = %+v, %v", res, err)
	}
	lines := bytes.SplitAfter(b, []byte{'\n'})
	res, _ = VerifyReader("stdin", bytes.NewReader(bytes.Join(lines[5:], nil)), VerifyOptions{})
	if res.Problem == nil || res.Problem.Error() != "stdin:1: the chain starts at seq 6, not 1: earlier records are missing (verify them too, or accept a partial log)" {
		t.Errorf("VerifyReader(partial) = %v", res.Problem)
	}
	res, _ = VerifyReader("stdin", bytes.NewReader(bytes.Join(lines[5:], nil)), VerifyOptions{Partial: true})
	if res.Problem != nil || res.First != 6 {
		t.Errorf("VerifyReader(partial, Partial) = %v", res.Problem)
	}
}

func TestClosed(t *testing.T) {
	l, _ := newLog(t, 1, Options{})
	l.Close()
	if _, err := l.Append(entry(0)); !errors.Is(err, ErrClosed) {
		t.Errorf("Append after Close = %v, want ErrClosed", err)
	}
}

// A writer killed between renaming the active file and updating the head:
// the next writer finishes the rotation.
func TestInterruptedRotation(t *testing.T) {
	l, path := newLog(t, 10, Options{})
	l.Close()
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	res := mustVerify(t, path, VerifyOptions{})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "rotation was interrupted") {
		t.Errorf("Verify notes = %q", res.Notes)
	}
	l, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if r, err := l.Append(entry(10)); err != nil || r.Seq != 11 || len(r.Flags) != 0 {
		t.Fatalf("Append = seq %d flags %q, %v", r.Seq, r.Flags, err)
	}
	if res := mustVerify(t, path, VerifyOptions{}); res.Records != 11 || len(res.Files) != 2 || len(res.Notes) != 0 {
		t.Errorf("Verify = %d records in %q, notes %q", res.Records, res.Files, res.Notes)
	}
}
