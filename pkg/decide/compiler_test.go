package decide

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/policy/compile"
)

// TestMain runs this test binary as the policy compiler ExecCompiler
// starts (what `rampart-eval compile-policy` does) when
// DECIDE_TEST_COMPILER is set, counting its runs in that file.
func TestMain(m *testing.M) {
	if count := os.Getenv("DECIDE_TEST_COMPILER"); count != "" {
		os.Exit(testCompiler(count))
	}
	os.Exit(m.Run())
}

func testCompiler(count string) int {
	if f, err := os.OpenFile(count, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600); err == nil {
		f.WriteString("run\n")
		f.Close()
	}
	fs := flag.NewFlagSet(CompileVerb, flag.ContinueOnError)
	name := fs.String("name", "", "")
	fingerprint := fs.String("fingerprint", "", "")
	if len(os.Args) < 2 || os.Args[1] != CompileVerb || fs.Parse(os.Args[2:]) != nil {
		fmt.Fprintln(os.Stderr, "decide.test: error: bad arguments", os.Args[1:])
		return 2
	}
	src, _ := io.ReadAll(os.Stdin)
	snap, err := compile.SnapshotFor(*name, src, *fingerprint)
	if err != nil {
		fmt.Fprintln(os.Stderr, "decide.test: error:", err)
		return 2
	}
	os.Stdout.Write(snap)
	return 0
}

// compilerRuns is how many times the test compiler ran.
func compilerRuns(t *testing.T, count string) int {
	b, _ := os.ReadFile(count)
	return strings.Count(string(b), "run\n")
}

// TestExecCompiler checks the compiler in another process: a policy file
// is compiled once per content, the user's file and a project's alike, and
// its snapshot is what later processes load; an edited file is compiled
// again, never answered from the snapshot of its old content; a missing
// compiler fails closed, with the reason in the answer and in the audit
// trail, while files whose snapshots exist still load.
func TestExecCompiler(t *testing.T) {
	if buildID.Get() == "" {
		t.Skip("no Go build ID in this executable; the policy cache is off")
	}
	dir := t.TempDir()
	count := filepath.Join(dir, "compiler-runs")
	t.Setenv("DECIDE_TEST_COMPILER", count)
	h := home.Layout{Dir: filepath.Join(dir, ".rampart")}
	os.MkdirAll(h.Dir, 0o700)
	user := write(t, h.Policy(), markerPolicy)
	repo := filepath.Join(dir, "repo")
	write(t, filepath.Join(repo, ProjectFile), "version: 1\npolicies:\n  - name: no-make\n    rules: [{action: deny, message: no make, when: {command_matches: [\"make *\"]}}]\n")
	marker := exec("touch /tmp/blocked-marker", repo)
	mk := exec("make all", repo)
	point := func(c Compiler) *Point {
		t.Helper()
		return open(t, Config{Home: h, UserHome: dir, ManagedPath: "-", Compile: c})
	}
	good := ExecCompiler(os.Args[0])
	for i := range 2 {
		p := point(good)
		if err := p.Err(); err != nil {
			t.Fatal(err)
		}
		if d := p.Decide(marker); d.Decision != call.Deny || d.Message != "marker" {
			t.Errorf("round %d: marker = %v %q, want deny by the user's file", i, d.Decision, d.Message)
		}
		if d := p.Decide(mk); d.Decision != call.Deny || d.Message != "no make" {
			t.Errorf("round %d: make = %v %q, want deny by the project's file", i, d.Decision, d.Message)
		}
		if n := compilerRuns(t, count); n != 2 {
			t.Errorf("round %d: the compiler ran %d times, want 2 (once per file)", i, n)
		}
	}
	if n := len(snapshots(t, h.PolicyCache())); n != 2 {
		t.Errorf("%d snapshots, want 2", n)
	}

	// Without a compiler, the files whose snapshots exist still load.
	missing := ExecCompiler(filepath.Join(dir, "no-such-dir", "rampart-eval"))
	if p := point(missing); p.Err() != nil {
		t.Errorf("with every snapshot in place: %v", p.Err())
	}

	// The user's file is edited: the marker is allowed now. The old
	// snapshot is never used for the new content.
	write(t, user, "version: 1\nextends: standard\n")
	p := point(good)
	if d := p.Decide(marker); d.Decision != call.Allow {
		t.Errorf("edited file: marker = %v %q, want allow (the old snapshot denied it)", d.Decision, d.Message)
	}
	if n := compilerRuns(t, count); n != 3 {
		t.Errorf("the compiler ran %d times, want 3", n)
	}

	// Edited again, with no compiler: every call is denied with the
	// reason, and audited.
	write(t, user, markerPolicy+"# edited\n")
	p = point(missing)
	err := p.Err()
	if err == nil || !strings.Contains(err.Error(), "policy compiler") || !strings.Contains(err.Error(), "could not run") {
		t.Fatalf("missing compiler: err %v, want one naming the policy compiler", err)
	}
	d := p.Decide(exec("git status", repo))
	if d.Decision != call.Deny || !strings.Contains(d.Message, "policy compiler") {
		t.Errorf("missing compiler: git status = %v %q, want deny naming the compiler", d.Decision, d.Message)
	}
	p.Close()
	b, err := os.ReadFile(h.AuditLog())
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, `"git status"`) || !strings.Contains(last, `"deny"`) || !strings.Contains(last, "policy compiler") {
		t.Errorf("last audit record %s, want the denied call with the reason", last)
	}
	if res, err := audit.Verify(h.AuditLog(), audit.VerifyOptions{}); err != nil || res.Problem != nil {
		t.Errorf("Verify = %+v, %v", res, err)
	}
}

// TestExecCompilerErrors checks that the compiler's own reason (a file
// position) reaches the error, that no configured compiler fails closed,
// and that an answer which is not a snapshot is refused.
func TestExecCompilerErrors(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("DECIDE_TEST_COMPILER", filepath.Join(dir, "runs"))
	bad := write(t, filepath.Join(dir, "bad.yaml"), "version: 1\npolicies:\n  - name: a\n    rules: [{action: allwo}]\n")
	_, err := ReadPolicy(bad, ExecCompiler(os.Args[0]))
	if err == nil || !strings.HasPrefix(err.Error(), bad+":4:") || !strings.Contains(err.Error(), `unknown action "allwo"`) {
		t.Errorf("bad file: err %v, want the compiler's position and reason", err)
	}
	good := write(t, filepath.Join(dir, "good.yaml"), markerPolicy)
	if _, err := ReadPolicy(good, nil); err == nil || !strings.Contains(err.Error(), ErrNoCompiler.Error()) {
		t.Errorf("no compiler: err %v, want ErrNoCompiler", err)
	}
	// A program that answers, but not with a snapshot.
	if _, err := ReadPolicy(good, ExecCompiler("/bin/echo")); err == nil || !strings.Contains(err.Error(), policy.ErrSnapshot.Error()) {
		t.Errorf("/bin/echo as the compiler: err %v, want ErrSnapshot", err)
	}
}

// TestSnapshotForOtherBuild checks that the compiler refuses a reader of
// another build, whose embedded profiles may differ.
func TestSnapshotForOtherBuild(t *testing.T) {
	_, err := compile.SnapshotFor("p.yaml", []byte(markerPolicy), "0123")
	if err == nil || !strings.Contains(err.Error(), "another build") {
		t.Errorf("err %v, want a refusal", err)
	}
	if _, err := compile.SnapshotFor("p.yaml", []byte(markerPolicy), policy.Fingerprint()); err != nil {
		t.Errorf("own fingerprint: %v", err)
	}
}
