package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// standIns writes an executable file for every Rampart binary into a new
// directory and returns it.
func standIns(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fakeSystem records the exec instead of doing it.
type fakeSystem struct {
	path string
	argv []string
}

func newFake(t *testing.T, exeDir, path string) (*fakeSystem, system, *bytes.Buffer, *bytes.Buffer) {
	f := &fakeSystem{}
	var stdout, stderr bytes.Buffer
	sys := system{
		stdout: &stdout, stderr: &stderr,
		exeDir: exeDir, path: path,
		env: []string{"A=1"},
		exec: func(path string, argv, env []string) error {
			f.path, f.argv = path, argv
			return errors.New("exec stubbed out")
		},
		output: func(path string, args ...string) ([]byte, error) {
			return []byte(filepath.Base(path) + " v9.9.9\n"), nil
		},
	}
	return f, sys, &stdout, &stderr
}

func TestEveryVerbReachesItsBinary(t *testing.T) {
	dir := standIns(t, binaries...)
	tests := []struct {
		args []string
		bin  string
		argv []string
	}{
		{[]string{"setup", "claude-code", "--remove"}, "rampart-hook", []string{"setup", "claude-code", "--remove"}},
		{[]string{"hook", "--format", "codex"}, "rampart-hook", []string{"--format", "codex"}},
		{[]string{"wrap", "--", "claude", "-p", "hi"}, "rampart-shell", []string{"wrap", "--", "claude", "-p", "hi"}},
		{[]string{"preload", "--", "agent"}, "rampart-shell", []string{"preload", "--", "agent"}},
		{[]string{"shell", "-c", "git status"}, "rampart-shell", []string{"-c", "git status"}},
		{[]string{"mcp", "--", "npx", "server"}, "rampart-mcp", []string{"--", "npx", "server"}},
		{[]string{"init", "--profile", "paranoid"}, "rampart-eval", []string{"init", "--profile", "paranoid"}},
		{[]string{"eval", "--listen"}, "rampart-eval", []string{"--listen"}},
		{[]string{"policy", "check", "p.yaml"}, "rampart-eval", []string{"check", "p.yaml"}},
		{[]string{"policy", "explain", `{"tool":"exec"}`}, "rampart-eval", []string{"explain", `{"tool":"exec"}`}},
		{[]string{"policy", "test", "p.yaml"}, "rampart-eval", []string{"test", "p.yaml"}},
		{[]string{"serve", "--addr", "127.0.0.1:0"}, "rampart-serve", []string{"--addr", "127.0.0.1:0"}},
		{[]string{"pending"}, "rampart-serve", []string{"pending"}},
		{[]string{"approve", "01J"}, "rampart-serve", []string{"approve", "01J"}},
		{[]string{"deny", "01J", "--reason", "no"}, "rampart-serve", []string{"deny", "01J", "--reason", "no"}},
		{[]string{"audit", "tail", "--follow"}, "rampart-audit", []string{"tail", "--follow"}},
		{[]string{"audit", "verify"}, "rampart-audit", []string{"verify"}},
		{[]string{"audit", "stats"}, "rampart-audit", []string{"stats"}},
		{[]string{"audit", "search", "--decision", "deny"}, "rampart-audit", []string{"search", "--decision", "deny"}},
		{[]string{"audit", "checkpoint"}, "rampart-audit", []string{"checkpoint"}},
		{[]string{"watch", "--once"}, "rampart-watch", []string{"--once"}},
		{[]string{"help", "audit", "verify"}, "rampart-audit", []string{"verify", "-h"}},
		{[]string{"help", "setup"}, "rampart-hook", []string{"setup", "-h"}},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		f, sys, _, stderr := newFake(t, dir, "")
		if code := run(tt.args, sys); code != exitCantExec {
			t.Errorf("run(%q) = %d, want the stubbed exec's %d; stderr: %s", tt.args, code, exitCantExec, stderr)
			continue
		}
		wantPath := filepath.Join(dir, tt.bin)
		wantArgv := append([]string{wantPath}, tt.argv...)
		if f.path != wantPath || !slices.Equal(f.argv, wantArgv) {
			t.Errorf("run(%q) execs %s %q, want %s %q", tt.args, f.path, f.argv, wantPath, wantArgv)
		}
		seen[tt.args[0]] = true
	}
	for _, v := range verbs {
		if v.bin != "" && !seen[v.name] {
			t.Errorf("verb %s has no case in this test", v.name)
		}
	}
}

func TestBesideWinsOverPath(t *testing.T) {
	beside := standIns(t, "rampart-eval")
	onPath := standIns(t, "rampart-eval", "rampart-audit")
	f, sys, _, _ := newFake(t, beside, "relative/dir:"+onPath)
	run([]string{"eval"}, sys)
	if want := filepath.Join(beside, "rampart-eval"); f.path != want {
		t.Errorf("eval execs %s, want %s", f.path, want)
	}
	run([]string{"audit", "verify"}, sys)
	if want := filepath.Join(onPath, "rampart-audit"); f.path != want {
		t.Errorf("audit verify execs %s, want %s", f.path, want)
	}
}

func TestFindBinarySkipsRelativeAndNonExecutable(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "rampart-eval"), []byte("x"), 0o644)
	os.Mkdir(filepath.Join(dir, "rampart-audit"), 0o755)
	t.Chdir(dir)
	for _, name := range []string{"rampart-eval", "rampart-audit"} {
		if p, err := findBinary(name, "", ".:"+dir+"::"); err == nil {
			t.Errorf("findBinary(%q) = %s, want not found", name, p)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	dir := standIns(t, binaries...)
	tests := []struct {
		args []string
		code int
		want string // in stderr
	}{
		{nil, exitUsage, "usage: rampart VERB"},
		{[]string{"stup"}, exitUsage, `unknown verb "stup"` + "\nrampart: hint: did you mean rampart setup?"},
		{[]string{"aprove", "x"}, exitUsage, "did you mean rampart approve?"},
		{[]string{"verfy"}, exitUsage, "did you mean rampart audit verify?"},
		{[]string{"explain"}, exitUsage, "did you mean rampart policy explain?"},
		{[]string{"zzzzzz"}, exitUsage, `unknown verb "zzzzzz"` + "\nrampart: hint: rampart help lists"},
		{[]string{"../../bin/sh"}, exitUsage, `unknown verb "../../bin/sh"`},
		{[]string{"--nope"}, exitUsage, `unknown flag "--nope"`},
		{[]string{"policy"}, exitUsage, "policy needs one of: check, explain, test"},
		{[]string{"policy", "chek"}, exitUsage, "did you mean rampart policy check?"},
		{[]string{"audit", "tial"}, exitUsage, "did you mean rampart audit tail?"},
		{[]string{"help", "nope"}, exitUsage, `unknown verb "nope"`},
	}
	for _, tt := range tests {
		f, sys, stdout, stderr := newFake(t, dir, "")
		code := run(tt.args, sys)
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("run(%q) = %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
		if stdout.Len() != 0 || f.path != "" {
			t.Errorf("run(%q): stdout %q, exec %q; want neither", tt.args, stdout, f.path)
		}
	}
}

func TestMissingBinary(t *testing.T) {
	_, sys, _, stderr := newFake(t, t.TempDir(), "")
	if code := run([]string{"audit", "verify"}, sys); code != exitNotFound {
		t.Errorf("run(audit verify) = %d, want %d", code, exitNotFound)
	}
	if !strings.Contains(stderr.String(), "rampart-audit not found beside rampart") {
		t.Errorf("stderr = %q, want it to name rampart-audit", stderr)
	}
}

func TestExternalCommand(t *testing.T) {
	dir := standIns(t, "rampart-report", "rampart-hook")
	f, sys, stdout, _ := newFake(t, "", dir)
	run([]string{"report", "--weekly"}, sys)
	if want := []string{filepath.Join(dir, "rampart-report"), "--weekly"}; !slices.Equal(f.argv, want) {
		t.Errorf("report execs %q, want %q", f.argv, want)
	}
	if code := run([]string{"help"}, sys); code != 0 {
		t.Errorf("help = %d, want 0", code)
	}
	if !regexp.MustCompile(`(?m)^  report +rampart-report +external command$`).MatchString(stdout.String()) {
		t.Errorf("help does not list report:\n%s", stdout)
	}
}

func TestVersion(t *testing.T) {
	dir := standIns(t, "rampart-eval", "rampart-hook")
	_, sys, stdout, _ := newFake(t, dir, "")
	if code := run([]string{"version"}, sys); code != 0 {
		t.Fatalf("version = %d", code)
	}
	out := stdout.String()
	for _, want := range []string{"rampart devel\n", "rampart-eval   v9.9.9  " + dir, "rampart-audit  not found\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("version output lacks %q:\n%s", want, out)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"setup", "setup", 0}, {"stup", "setup", 1},
		{"pedning", "pending", 1}, {"serv", "serve", 1}, {"kitten", "sitting", 3}, {"ca", "abc", 3},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	sys := system{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	args := []string{"audit", "search", "--decision", "deny"}
	for b.Loop() {
		resolve(args, sys)
	}
}
