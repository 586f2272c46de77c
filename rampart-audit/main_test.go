package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"rampart-audit": main,
		"audit-gen":     auditGen,
		"audit-damage":  auditDamage,
	})
}

var update = flag.Bool("u", false, "update testscript output files")

func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "UTC")
			env.Setenv("RAMPART_HOME", env.WorkDir+"/home")
			return nil
		},
	})
}

// auditGen appends generated records to a log, for the scripts:
//
//	audit-gen [-n N] [-maxsize BYTES] [-start TIME] PATH
//
// Record i (from 0) is at START + i seconds; every fifth is a denied exec
// of "rm -rf /tmp/x<i>" by block-destructive; the others are allowed
// exec, read, fetch and mcp calls by two agents in turn.
func auditGen() {
	fs := flag.NewFlagSet("audit-gen", flag.ExitOnError)
	n := fs.Int("n", 10, "records")
	maxSize := fs.Int64("maxsize", 0, "rotate past this size")
	start := fs.String("start", "2025-01-02T03:04:05Z", "time of the first record")
	fs.Parse(os.Args[1:])
	t0, err := time.Parse(time.RFC3339, *start)
	if err != nil || fs.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: audit-gen [-n N] [-maxsize BYTES] [-start TIME] PATH")
		os.Exit(2)
	}
	var mu sync.Mutex
	i := 0
	now := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return t0.Add(time.Duration(i) * time.Second)
	}
	l, err := audit.Open(fs.Arg(0), audit.Options{MaxSize: *maxSize, Now: now})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer l.Close()
	for ; i < *n; i++ {
		if _, err := l.Append(genEntry(i)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func genEntry(i int) audit.Entry {
	agents := []string{"claude-code", "codex"}
	e := audit.Entry{
		Call:     call.Call{Agent: agents[i%2], Session: "s" + strconv.Itoa(i/10), Cwd: "/home/u/p"},
		Decision: call.Decision{Decision: call.Allow, EvalNS: 900},
		Via:      "hook",
	}
	switch {
	case i%5 == 0:
		e.Call.Tool, e.Call.Params = "exec", call.Params{"command": fmt.Sprintf("rm -rf /tmp/x%d", i)}
		e.Decision = call.Decision{Decision: call.Deny, Message: "Destructive command blocked", MatchedPolicies: []string{"block-destructive"}, Matched: "rm -rf *", EvalNS: 900}
	case i%5 == 1:
		e.Call.Tool, e.Call.Params = "exec", call.Params{"command": fmt.Sprintf("echo %d", i)}
	case i%5 == 2:
		e.Call.Tool, e.Call.Params = "read", call.Params{"path": fmt.Sprintf("/home/u/p/f%d.go", i)}
	case i%5 == 3:
		e.Call.Tool, e.Call.Params = "fetch", call.Params{"url": "https://user:hunter2@example.com/" + strconv.Itoa(i)}
		e.Via = "mcp"
	default:
		e.Call.Tool, e.Call.Params = "mcp", call.Params{"server": "files", "tool": "list", "arguments": map[string]any{}}
		e.Decision.Decision = call.Log
		e.Decision.MatchedPolicies = []string{"watch-mcp"}
		e.Via = "mcp"
	}
	return e
}

// auditDamage changes a log as an attacker or a crash would:
//
//	audit-damage flip FILE LINE   change one byte in the middle of LINE
//	audit-damage cut FILE N       remove the last N lines
//	audit-damage del FILE LINE    remove LINE
//	audit-damage tear FILE        append the first half of a record, no newline
func auditDamage() {
	args := os.Args[1:]
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: audit-damage flip|cut|tear FILE [N]")
		os.Exit(2)
	}
	b, err := os.ReadFile(args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	lines := bytes.SplitAfter(b, []byte{'\n'})
	lines = lines[:len(lines)-1]
	n := 0
	if len(args) > 2 {
		n, _ = strconv.Atoi(args[2])
	}
	switch args[0] {
	case "flip":
		l := lines[n-1]
		l[len(l)/2] ^= 1
	case "cut":
		lines = lines[:len(lines)-n]
	case "del":
		lines = append(lines[:n-1], lines[n:]...)
	case "tear":
		lines = append(lines, lines[0][:len(lines[0])/2])
	}
	if err := os.WriteFile(args[1], bytes.Join(lines, nil), 0o600); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitExit waits, for a minute at most, for a canceled tail -follow to exit 0.
func waitExit(t *testing.T, done <-chan int, errOut *syncBuffer) {
	t.Helper()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("tail -follow exited %d: %s", code, errOut.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("tail -follow did not exit within a minute of being canceled")
	}
}

// wantSeqs checks that out is the JSON records from to to, once each.
func wantSeqs(t *testing.T, out string, from, to int) {
	t.Helper()
	var seqs []int
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		r, err := audit.ParseRecord([]byte(line))
		if err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		seqs = append(seqs, int(r.Seq))
	}
	if len(seqs) != to-from+1 {
		t.Fatalf("tail -follow printed seqs %v, want %d..%d once each", seqs, from, to)
	}
	for i, s := range seqs {
		if s != from+i {
			t.Fatalf("tail -follow printed seqs %v, want %d..%d once each", seqs, from, to)
		}
	}
}

// Many rotations between two polls of tail -follow: the files rotated in
// between are read in turn, none skipped (it used to jump to the newest).
func TestFollowManyRotationsBetweenPolls(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit", "audit.jsonl")
	l, err := audit.Open(path, audit.Options{MaxSize: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for i := range 3 {
		l.Append(genEntry(i))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"tail", "-n", "1", "-follow", "-json", "-file", path}, nil, &out, &errOut)
	}()
	waitPrinted := func(seq int) {
		t.Helper()
		want := fmt.Sprintf(`{"seq":%d,`, seq)
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if strings.Contains(out.String(), want) {
				return
			}
			select {
			case code := <-done:
				t.Fatalf("tail -follow exited %d before printing seq %d: %s", code, seq, errOut.String())
			default:
			}
		}
		t.Fatalf("after a minute tail -follow has not printed seq %d; got:\n%s\nstderr:\n%s", seq, out.String(), errOut.String())
	}
	waitPrinted(3)
	before, _ := audit.Files(path)
	for i := 3; i < 63; i++ { // a burst: several 4 KiB rotations, no pause
		if _, err := l.Append(genEntry(i)); err != nil {
			t.Fatal(err)
		}
	}
	if after, _ := audit.Files(path); len(after) < len(before)+3 {
		t.Fatalf("want several rotations, got %v then %v", before, after)
	}
	waitPrinted(63)
	cancel()
	waitExit(t, done, &errOut)
	wantSeqs(t, out.String(), 3, 63)
}

// tail -follow prints records written after it started, across rotations.
func TestFollow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit", "audit.jsonl")
	l, err := audit.Open(path, audit.Options{MaxSize: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for i := range 3 {
		l.Append(genEntry(i))
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"tail", "-n", "2", "-follow", "-json", "-file", path}, nil, &out, &errOut)
	}()
	waitFor := func(seq int) {
		t.Helper()
		want := fmt.Sprintf(`{"seq":%d,`, seq)
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if strings.Contains(out.String(), want) {
				return
			}
		}
		t.Fatalf("tail -follow did not print seq %d; got:\n%s\nstderr:\n%s", seq, out.String(), errOut.String())
	}
	waitFor(3)
	for i := 3; i < 40; i++ { // several rotations at 4 KiB
		if _, err := l.Append(genEntry(i)); err != nil {
			t.Fatal(err)
		}
		if i%10 == 0 {
			time.Sleep(3 * pollEvery / 2) // let it see some rotations one at a time
		}
	}
	waitFor(40)
	cancel()
	waitExit(t, done, &errOut)
	wantSeqs(t, out.String(), 2, 40)
	if files, _ := audit.Files(path); len(files) < 3 {
		t.Errorf("only %d files: the test did not rotate", len(files))
	}
}
