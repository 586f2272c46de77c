package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"
	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/call"
)

func TestMain(m *testing.M) {
	testscript.Main(cleanup{m}, map[string]func(){"rampart-shell": main})
}

// cleanup removes the sibling binaries after the tests.
type cleanup struct{ m *testing.M }

func (c cleanup) Run() int {
	code := c.m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	return code
}

var update = flag.Bool("u", false, "update testscript output files")

// markerPolicy denies the harmless marker command every test tries; all
// else is allowed. Tests never run anything destructive.
const markerPolicy = `version: 1
default_action: allow
policies:
  - name: block-marker
    priority: 10
    match: {tool: [exec]}
    rules:
      - action: deny
        when: {command_matches: ["touch */blocked-marker"]}
        message: "marker blocked"
`

// The sibling programs the end-to-end scripts need, built once per test
// binary: rampart-eval (the socket server) and librampart.so.
var (
	// servers holds each script's approvals store, by $WORK.
	servers sync.Map

	buildOnce sync.Once
	binDir    string
	libPath   string
	buildErr  error
)

func buildSiblings() {
	binDir, buildErr = os.MkdirTemp("", "rampart-shell-test-bin")
	if buildErr != nil {
		return
	}
	build := exec.Command("go", "build", "-o", filepath.Join(binDir, "rampart-eval"), ".")
	build.Dir = filepath.Join("..", "rampart-eval")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		buildErr = fmt.Errorf("go build rampart-eval: %v\n%s", err, out)
		return
	}
	if _, err := exec.LookPath("cc"); err != nil {
		return // scripts that need the library skip on [!exec:cc]
	}
	mk := exec.Command("make", "-s", "-C", filepath.Join("..", "librampart"))
	if out, err := mk.CombinedOutput(); err != nil {
		buildErr = fmt.Errorf("make -C librampart: %v\n%s", err, out)
		return
	}
	libPath, buildErr = filepath.Abs(filepath.Join("..", "librampart", "librampart.so"))
}

func TestScript(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the scripts use Linux tools and LD_PRELOAD")
	}
	buildOnce.Do(buildSiblings)
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"approvals": approvalsCmd},
		Setup: func(env *testscript.Env) error {
			home := filepath.Join(env.WorkDir, "home")
			if err := os.MkdirAll(home, 0o700); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(home, "policy.yaml"), []byte(markerPolicy), 0o600); err != nil {
				return err
			}
			env.Setenv("RAMPART_HOME", home)
			env.Setenv("PATH", binDir+string(os.PathListSeparator)+env.Getenv("PATH"))
			env.Setenv("RAMPART_LIB", libPath)
			env.Setenv("AUDIT", filepath.Join(home, "audit", "audit.jsonl"))
			// The scripts decide which shell runs allowed commands.
			env.Setenv("RAMPART_REAL_SHELL", "/bin/sh")
			return nil
		},
	})
}

func TestParseShellArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want shellArgs
	}{
		{[]string{"-c", "ls -l"}, shellArgs{hasC: true, command: "ls -l"}},
		{[]string{"-lc", "ls"}, shellArgs{hasC: true, command: "ls"}},
		{[]string{"-ic", "ls"}, shellArgs{hasC: true, command: "ls"}},
		{[]string{"-e", "-x", "-c", "ls", "name", "a"}, shellArgs{hasC: true, command: "ls", rest: []string{"name", "a"}}},
		{[]string{"-o", "pipefail", "-c", "ls"}, shellArgs{hasC: true, command: "ls"}},
		{[]string{"+o", "errexit", "-ec", "ls"}, shellArgs{hasC: true, command: "ls"}},
		{[]string{"--login", "--rcfile", "x", "-c", "ls"}, shellArgs{hasC: true, command: "ls"}},
		{[]string{"-c", "--", "ls"}, shellArgs{hasC: true, command: "ls"}},
		{[]string{"-c"}, shellArgs{hasC: true, missing: true}},
		{[]string{"script.sh", "a"}, shellArgs{hasFile: true, script: "script.sh", rest: []string{"a"}}},
		{[]string{"-e", "--", "-script"}, shellArgs{hasFile: true, script: "-script"}},
		{[]string{"-s", "a", "b"}, shellArgs{stdin: true, rest: []string{"a", "b"}}},
		{nil, shellArgs{stdin: true}},
		{[]string{"-i"}, shellArgs{stdin: true}},
	} {
		got := parseShellArgs(tc.args)
		if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", tc.want) {
			t.Errorf("parseShellArgs(%q) = %#v, want %#v", tc.args, got, tc.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"ls":      "ls",
		"":        "''",
		"a b":     "'a b'",
		"it's":    `'it'\''s'`,
		"$HOME":   "'$HOME'",
		"a=b,c:d": "a=b,c:d",
	} {
		if got := call.ShellQuote(in); got != want {
			t.Errorf("call.ShellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestLoginShell(t *testing.T) {
	p := filepath.Join(t.TempDir(), "passwd")
	os.WriteFile(p, []byte("root:x:0:0:root:/root:/bin/bash\nu:x:1000:1000::/home/u:/usr/bin/zsh\nbad line\n"), 0o600)
	for uid, want := range map[int]string{0: "/bin/bash", 1000: "/usr/bin/zsh", 42: ""} {
		if got := loginShell(p, uid); got != want {
			t.Errorf("loginShell(uid %d) = %q, want %q", uid, got, want)
		}
	}
}

func TestRealShellNeverSelf(t *testing.T) {
	dir := t.TempDir()
	self := filepath.Join(dir, "rampart-shell")
	os.WriteFile(self, []byte("#!/bin/sh\n"), 0o755)
	env := map[string]string{"RAMPART_REAL_SHELL": self}
	got := realShell(func(k string) string { return env[k] }, self)
	if got == self {
		t.Fatalf("realShell picked rampart-shell itself")
	}
	env["RAMPART_REAL_SHELL"] = "/bin/sh"
	if got := realShell(func(k string) string { return env[k] }, self); got != "/bin/sh" {
		t.Errorf("realShell with RAMPART_REAL_SHELL=/bin/sh = %s", got)
	}
}

func FuzzParseShellArgs(f *testing.F) {
	f.Add("-c\x00ls -l")
	f.Add("-lc\x00echo $0\x00name")
	f.Add("-o\x00pipefail\x00--rcfile\x00-c")
	f.Add("--\x00-\x00script.sh")
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		sa := parseShellArgs(args)
		if sa.hasC && !sa.missing && !slices.Contains(args, sa.command) {
			t.Fatalf("command %q is not one of the arguments %q", sa.command, args)
		}
		if n := btoi(sa.hasC && !sa.missing) + btoi(sa.hasFile) + btoi(sa.stdin) + btoi(sa.missing); n != 1 {
			t.Fatalf("parseShellArgs(%q) = %+v: want exactly one source of commands", args, sa)
		}
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FuzzShellQuote: a shell parser reads a quoted word back as the original.
func FuzzShellQuote(f *testing.F) {
	for _, s := range []string{"", "ls", "a b", "it's", "$(rm -rf x)", "`x`", "\n", "a=b", "~", "#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// NUL cannot be in an argument; the parser reads \r\n as \n even
		// inside quotes (bash does not), which is the parser's business.
		if strings.ContainsRune(s, 0) || strings.ContainsRune(s, '\r') || !utf8.ValidString(s) {
			return
		}
		q := call.ShellQuote(s)
		file, err := syntax.NewParser().Parse(strings.NewReader("echo "+q), "")
		if err != nil {
			t.Fatalf("call.ShellQuote(%q) = %s: does not parse: %v", s, q, err)
		}
		call, ok := file.Stmts[0].Cmd.(*syntax.CallExpr)
		if !ok || len(file.Stmts) != 1 || len(call.Args) != 2 {
			t.Fatalf("call.ShellQuote(%q) = %s: not one word", s, q)
		}
		fields, err := expand.Fields(&expand.Config{}, call.Args[1])
		if err != nil || len(fields) != 1 || fields[0] != s {
			got := strings.Join(fields, "|")
			t.Fatalf("call.ShellQuote(%q) = %s: reads back as %q (%v)", s, q, got, err)
		}
	})
}

// BenchmarkShimDecide is the work rampart-shell -c does besides starting
// and exec'ing: load the policy, decide, append the audit record.
func BenchmarkShimDecide(b *testing.B) {
	b.Setenv("RAMPART_HOME", b.TempDir())
	for _, tc := range []struct{ name, policy string }{
		{"standard-profile", ""},
		{"marker-policy", markerPolicy},
	} {
		b.Run(tc.name, func(b *testing.B) {
			if tc.policy != "" {
				p := filepath.Join(b.TempDir(), "policy.yaml")
				os.WriteFile(p, []byte(tc.policy), 0o600)
				b.Setenv("RAMPART_POLICY", p)
			}
			c := call.Call{Tool: call.ToolExec, Params: call.Params{"command": "git status"}, Cwd: b.TempDir()}
			for b.Loop() {
				if d := decideCall(c, io.Discard); d.Blocks() {
					b.Fatalf("git status blocked: %+v", d)
				}
			}
		})
	}
}

func TestPreloadEnv(t *testing.T) {
	so := "/h/.rampart/lib/librampart.so"
	for _, tc := range []struct {
		env  []string
		mode string
		want string
	}{
		{[]string{"PATH=/bin"}, "enforce", "LD_PRELOAD=" + so},
		{[]string{"LD_PRELOAD=/x/other.so"}, "enforce", "LD_PRELOAD=" + so + ":/x/other.so"},
		{[]string{"LD_PRELOAD=/x/other.so " + so}, "enforce", "LD_PRELOAD=/x/other.so " + so},
		{[]string{"RAMPART_MODE=monitor"}, "enforce", "LD_PRELOAD=" + so},
	} {
		env := preloadEnv(tc.env, so, "/run/eval.sock", agentFlags{mode: tc.mode}, "/usr/bin/python3")
		if !slices.Contains(env, tc.want) {
			t.Errorf("preloadEnv(%q) = %q, want it to hold %q", tc.env, env, tc.want)
		}
		for _, want := range []string{"RAMPART_SOCKET=/run/eval.sock", "RAMPART_AGENT=python3"} {
			if !slices.Contains(env, want) {
				t.Errorf("preloadEnv(%q) = %q, want it to hold %q", tc.env, env, want)
			}
		}
		if slices.Contains(env, "RAMPART_MODE=monitor") {
			t.Errorf("preloadEnv(%q) in enforce mode kept RAMPART_MODE=monitor", tc.env)
		}
	}
}
