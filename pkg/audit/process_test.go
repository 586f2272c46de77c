package audit

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain doubles as the writer process the tests below start: with
// AUDIT_TEST_LOG set, the test binary appends AUDIT_TEST_N records (forever
// when negative) to that log and exits.
func TestMain(m *testing.M) {
	if path := os.Getenv("AUDIT_TEST_LOG"); path != "" {
		os.Exit(writer(path))
	}
	os.Exit(m.Run())
}

func writer(path string) int {
	n, _ := strconv.Atoi(os.Getenv("AUDIT_TEST_N"))
	maxSize, _ := strconv.ParseInt(os.Getenv("AUDIT_TEST_MAXSIZE"), 10, 64)
	if start := os.Getenv("AUDIT_TEST_START"); start != "" {
		for { // wait for the starting gun, so that all writers overlap
			if _, err := os.Stat(start); err == nil {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	// AUDIT_TEST_PWRITE: read and write the head with system calls, as a
	// build without the mapping does; AUDIT_TEST_PAUSE: a pause before
	// each append, so that appends come alone and each takes the lock.
	mapHeads = os.Getenv("AUDIT_TEST_PWRITE") == ""
	pause, _ := time.ParseDuration(os.Getenv("AUDIT_TEST_PAUSE"))
	// AUDIT_TEST_ATTEND=K: appends are attended (Attend), and released
	// (Release) after every K, as rampart-eval answers a stretch of
	// questions and then waits in vain for the next.
	attend, _ := strconv.Atoi(os.Getenv("AUDIT_TEST_ATTEND"))
	l, err := Open(path, Options{MaxSize: maxSize})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for i := 0; n < 0 || i < n; i++ {
		if pause > 0 {
			time.Sleep(pause)
		}
		if attend > 0 && i%attend == 0 {
			l.Attend()
		}
		if _, err := l.Append(entry(i)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if attend > 0 && (i+1)%attend == 0 {
			if err := l.Release(); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
		}
	}
	// A writer that appends in a stream keeps the lock and the head
	// between close batches; Close writes the head, as every adapter's
	// decision point does when it ends.
	if err := l.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func writerCmd(path string, n int, maxSize int64, start string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "AUDIT_TEST_LOG="+path, "AUDIT_TEST_N="+strconv.Itoa(n),
		"AUDIT_TEST_MAXSIZE="+strconv.FormatInt(maxSize, 10), "AUDIT_TEST_START="+start)
	cmd.Stderr = os.Stderr
	return cmd
}

// Eight processes append 1,000 records each at once, rotating as they go:
// one gapless chain of 8,000 records.
func TestManyProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 8 processes")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "audit", "audit.jsonl")
	start := filepath.Join(dir, "go")
	var cmds []*exec.Cmd
	for range 8 {
		cmds = append(cmds, writerCmd(path, 1000, 512<<10, start))
	}
	runTogether(t, start, cmds)
	res := mustVerify(t, path, VerifyOptions{Strict: true})
	if res.Records != 8000 || res.First != 1 || res.Last != 8000 || len(res.Notes) != 0 {
		t.Errorf("Verify = %d records %d..%d, notes %q; want 8000 records 1..8000", res.Records, res.First, res.Last, res.Notes)
	}
	if len(res.Files) < 3 {
		t.Errorf("Verify read %q, want rotated files too", res.Files)
	}
	ids := map[string]bool{}
	for _, f := range res.Files {
		b, _ := os.ReadFile(f)
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			r, err := ParseRecord([]byte(line))
			if err != nil || ids[r.ID] {
				t.Fatalf("%s: %v, or id %s repeated", f, err, r.ID)
			}
			ids[r.ID] = true
		}
	}
}

// Writers that write the head through the mapping and writers that write
// it with pwrite(2) (as a build without the mapping does), some appending
// alone (each append takes the lock, reads and writes the head) and some in
// a stream, all at once: one gapless chain, and a head that agrees with it.
func TestMixedHeadWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 4 processes")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "audit", "audit.jsonl")
	start := filepath.Join(dir, "go")
	var cmds []*exec.Cmd
	for i := range 4 {
		n := 2000
		cmd := writerCmd(path, n, 256<<10, start)
		if i < 2 {
			cmd = writerCmd(path, 300, 256<<10, start)
			cmd.Env = append(cmd.Env, "AUDIT_TEST_PAUSE=700us")
		}
		if i%2 == 1 {
			cmd.Env = append(cmd.Env, "AUDIT_TEST_PWRITE=1")
		}
		cmds = append(cmds, cmd)
	}
	runTogether(t, start, cmds)
	res := mustVerify(t, path, VerifyOptions{Strict: true})
	if res.Records != 4600 || res.First != 1 || res.Last != 4600 || len(res.Notes) != 0 {
		t.Errorf("Verify = %d records %d..%d, notes %q; want 4600 records 1..4600", res.Records, res.First, res.Last, res.Notes)
	}
}

// Writers killed with SIGKILL at random moments, over and over: the log
// stays whole (at most the head lags, which Verify explains) and the next
// writer carries on.
func TestKilledWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	path := filepath.Join(t.TempDir(), "audit", "audit.jsonl")
	// One record first, so a writer killed before its first append (a slow
	// process start on a loaded machine) still leaves a log to verify.
	first, err := Open(path, Options{MaxSize: 256 << 10})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := first.Append(entry(0)); err != nil {
		t.Fatal(err)
	}
	first.Close()
	notes := 0
	for i := range 20 {
		var cmds []*exec.Cmd
		for range 1 + i%2 { // one writer, or two racing
			cmd := writerCmd(path, -1, 256<<10, "")
			if i%4 >= 2 { // appending alone: killed around each lock and head
				cmd.Env = append(cmd.Env, "AUDIT_TEST_PAUSE=600us")
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds = append(cmds, cmd)
		}
		time.Sleep(time.Duration(15+rand.IntN(30)) * time.Millisecond)
		for _, cmd := range cmds {
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
		}
		res, err := Verify(path, VerifyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Problem != nil {
			t.Fatalf("after kill %d: %v (notes %q)", i, res.Problem, res.Notes)
		}
		notes += len(res.Notes)
		for _, n := range res.Notes {
			// A writer killed while it stored its head through the
			// mapping leaves a head that does not parse.
			if !strings.Contains(n, "head file lags") && !strings.Contains(n, "torn") && !strings.Contains(n, "rotation was interrupted") &&
				!strings.Contains(n, "damaged head file") {
				t.Errorf("after kill %d: unexpected note %q", i, n)
			}
		}
	}
	before := mustVerify(t, path, VerifyOptions{})
	l, err := Open(path, Options{MaxSize: 256 << 10})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for i := range 10 {
		if _, err := l.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	after := mustVerify(t, path, VerifyOptions{Strict: true})
	// Torn bytes stay set aside in the .torn file for good, and verify keeps
	// saying so; anything else must have been mended by the last writer.
	var left []string
	for _, n := range after.Notes {
		if !strings.Contains(n, "torn line(s) set aside") {
			left = append(left, n)
		}
	}
	if after.Records != before.Records+10 || len(left) != 0 {
		t.Errorf("after the last writer: %d records (before %d), notes %q", after.Records, before.Records, after.Notes)
	}
	t.Logf("%d records written by killed writers, in %d files; %d kills left something to explain", before.Records, len(before.Files), notes)
}

// testdata/verify.py, a verifier written from the package doc alone,
// accepts a log and rejects it once a byte changes.
func TestPythonVerifier(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	l, path := newLog(t, 0, Options{MaxSize: 8 << 10})
	for i := range 60 {
		e := entry(i)
		e.Call.Params["note"] = "ünïcode ✓ <tag> & \"quotes\" \t tab \u2028"
		l.Append(e)
	}
	res := mustVerify(t, path, VerifyOptions{})
	if len(res.Files) < 3 {
		t.Fatalf("want 3+ files, got %q", res.Files)
	}
	out, err := exec.Command(py, append([]string{"testdata/verify.py"}, res.Files...)...).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "ok: 60 records" {
		t.Fatalf("verify.py = %s (%v)", out, err)
	}
	b, _ := os.ReadFile(path)
	b[len(b)/2] ^= 1
	os.WriteFile(path, b, 0o600)
	out, err = exec.Command(py, append([]string{"testdata/verify.py"}, res.Files...)...).CombinedOutput()
	if err == nil {
		t.Fatalf("verify.py accepted a changed log: %s", out)
	}
}

// runTogether starts the writer processes, lets them all go at once by
// creating the file start, and waits for each to finish cleanly.
func runTogether(t *testing.T, start string, cmds []*exec.Cmd) {
	t.Helper()
	for _, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(start, nil, 0o600)
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer: %v", err)
		}
	}
}
