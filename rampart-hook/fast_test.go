package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/home"
	"rampart.dev/rampart-hook/internal/hookwire"
)

// fastSetup is a scratch Rampart home with rampart-hook-fast built from
// ./fast, and this test binary, run as rampart-hook, beside it (unless
// the test leaves it out to prove that the decider answered).
type fastSetup struct {
	dir    string // the test's directory: the user's home and the cwd
	layout home.Layout
	fast   string // rampart-hook-fast
	sock   string // the decider's socket
	env    []string
}

// newFastSetup builds rampart-hook-fast into a scratch directory.
func newFastSetup(t *testing.T, withHook bool) *fastSetup {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("rampart-hook-fast asks a decider on Linux only")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	fast := filepath.Join(bin, "rampart-hook-fast")
	build := exec.Command("go", "build", "-o", fast, "./fast")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./fast: %v\n%s", err, out)
	}
	// The client hands calls only to a decider running the rampart-hook
	// beside it, so it is always there; without withHook it refuses to
	// run as a process.
	if err := os.Symlink(os.Args[0], filepath.Join(bin, "rampart-hook")); err != nil {
		t.Fatal(err)
	}
	testMain := "RAMPART_HOOK_TEST_MAIN=1"
	if !withHook {
		testMain = "RAMPART_HOOK_TEST_MAIN=noprocess"
	}
	layout := home.Layout{Dir: filepath.Join(dir, "rampart")}
	s := &fastSetup{
		dir:    dir,
		layout: layout,
		fast:   fast,
		sock:   filepath.Join(layout.Run(), hookwire.SocketName),
		env: []string{testMain, "RAMPART_HOME=" + layout.Dir, "HOME=" + dir,
			"PATH=" + os.Getenv("PATH")},
	}
	t.Cleanup(s.stopStarted)
	return s
}

// setEnv sets key to value in the setup's environment.
func (s *fastSetup) setEnv(key, value string) {
	for i, kv := range s.env {
		if strings.HasPrefix(kv, key+"=") {
			s.env[i] = key + "=" + value
			return
		}
	}
	s.env = append(s.env, key+"="+value)
}

// sameHome makes b run with a's home directory and working directory
// (each keeps its Rampart home): what a call with a relative path, or a
// path under the home, is judged against.
func sameHome(a, b *fastSetup) {
	b.dir = a.dir
	for i, kv := range b.env {
		if strings.HasPrefix(kv, "HOME=") {
			b.env[i] = "HOME=" + a.dir
		}
	}
}

// startDecider starts this test binary as the decider, and waits for its
// socket.
func (s *fastSetup) startDecider(t *testing.T) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "decider", "--listen", s.sock, "--idle", "1m")
	cmd.Env = s.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if stderr.Len() > 0 {
			t.Logf("decider stderr: %s", stderr.String())
		}
	})
	s.waitSocket(t)
	return cmd
}

// waitSocket waits for the decider's socket to appear.
func (s *fastSetup) waitSocket(t *testing.T) {
	t.Helper()
	for range 200 {
		if fi, err := os.Lstat(s.sock); err == nil && fi.Mode().Type() == os.ModeSocket {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("no decider socket at %s", s.sock)
}

// stopStarted ends a decider a client started (its pid is in the lock
// file).
func (s *fastSetup) stopStarted() {
	b, err := os.ReadFile(filepath.Join(s.layout.Run(), hookwire.LockName))
	if err != nil {
		return
	}
	if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
		syscall.Kill(pid, syscall.SIGKILL)
	}
}

// result is what a hook process did.
type result struct {
	stdout, stderr string
	code           int
}

// run runs prog (rampart-hook-fast, or this binary as rampart-hook) on
// payload with the setup's environment plus extra.
func (s *fastSetup) run(t *testing.T, prog, payload string, args []string, extra ...string) result {
	t.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Env = append(append([]string{}, s.env...), extra...)
	cmd.Dir = s.dir
	cmd.Stdin = strings.NewReader(payload)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return r
}

// auditRecords reads the records of the trail at l, keeping the fields a
// decision determines (not its time, id or chain).
func auditRecords(t *testing.T, l home.Layout) []string {
	t.Helper()
	b, err := os.ReadFile(l.AuditLog())
	if err != nil {
		t.Fatal(err)
	}
	var recs []string
	for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatalf("audit line %q: %v", line, err)
		}
		for _, k := range []string{"seq", "id", "time", "prev", "hash", "eval_ns"} {
			delete(m, k)
		}
		out, _ := json.Marshal(m)
		recs = append(recs, string(out))
	}
	if res, err := audit.Verify(l.AuditLog(), audit.VerifyOptions{Strict: true}); err != nil || !res.OK() {
		t.Errorf("audit trail %s does not verify: %+v, %v", l.AuditLog(), res, err)
	}
	return recs
}

// fastCase is a payload and the command line it is answered with.
type fastCase struct {
	args    []string
	payload string
}

// fastCases are the process test's payloads, and a bad payload, an empty
// argument, a bad
// flag, monitor mode, PostToolUse output with a credential in it, and a
// relative path in a payload with no cwd (judged from the process's).
var fastCases = func() []fastCase {
	var cs []fastCase
	policyPath, _ := filepath.Abs("testdata/policy.yaml")
	for _, p := range processPayloads {
		cs = append(cs, fastCase{[]string{"--format", p.format, "--config", policyPath}, p.payload})
	}
	return append(cs,
		fastCase{nil, `{"session_id":"s","cwd":"/p","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"git status"}}`},
		fastCase{nil, `{"session_id":"s","cwd":"/p","hook_event_name":"PreToolUse","tool_name":"Read","tool_input":{"file_path":"/home/u/.ssh/id_rsa"}}`},
		fastCase{nil, `{not json`},
		fastCase{[]string{"--format", "", "--read-timeout", "5s"}, `{"session_id":"s","cwd":"/p","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"git push origin main"}}`},
		fastCase{[]string{"--mode", "bogus"}, `{"session_id":"s","cwd":"/p","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls"}}`},
		fastCase{[]string{"--mode", "monitor"}, `{"session_id":"s","cwd":"/p","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"sudo env /bin/rm -fr /"}}`},
		fastCase{nil, `{"session_id":"s","cwd":"/p","hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"env"},"tool_response":{"stdout":"AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n","stderr":"","interrupted":false}}`},
		fastCase{nil, `{"session_id":"s","hook_event_name":"PreToolUse","tool_name":"Read","tool_input":{"file_path":".env"}}`},
	)
}()

// TestFastDeciderUp checks that rampart-hook-fast, answered by a decider,
// writes what rampart-hook writes (stdout, stderr, exit code) and that
// the decider audits what rampart-hook audits. No rampart-hook is beside
// the client, so an answer can only come from the decider.
func TestFastDeciderUp(t *testing.T) {
	direct := newFastSetup(t, true)
	served := newFastSetup(t, false)
	sameHome(direct, served)
	served.startDecider(t)
	for _, c := range fastCases {
		want := direct.run(t, os.Args[0], c.payload, c.args)
		got := served.run(t, served.fast, c.payload, c.args)
		if got != want {
			t.Errorf("%v %s:\ndecider %+v\nprocess %+v", c.args, c.payload, got, want)
		}
	}
	want, got := auditRecords(t, direct.layout), auditRecords(t, served.layout)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit records differ:\ndecider\n%s\nprocess\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A command line that is no decision is left to rampart-hook, which
	// is not there.
	if r := served.run(t, served.fast, "", []string{"-version"}); r.code != 3 || r.stderr != noProcessMsg {
		t.Errorf("-version: %+v, want it left to a rampart-hook process", r)
	}
}

// TestFastDeciderDown checks the client with no decider: it runs
// rampart-hook in its place, with the same answer, and (unless told not
// to) starts a decider for the next call, which then answers.
func TestFastDeciderDown(t *testing.T) {
	direct := newFastSetup(t, true)
	s := newFastSetup(t, true)
	sameHome(direct, s)
	for _, c := range fastCases {
		want := direct.run(t, os.Args[0], c.payload, c.args)
		if got := s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER=nostart"); got != want {
			t.Errorf("%v %s:\nfast %+v\nprocess %+v", c.args, c.payload, got, want)
		}
	}
	if _, err := os.Lstat(s.sock); err == nil {
		t.Fatalf("RAMPART_HOOK_DECIDER=nostart started a decider")
	}
	if got := s.run(t, s.fast, "", []string{"-version"}); got.code != 0 || got.stdout == "" {
		t.Errorf("-version: %+v", got)
	}
	c := fastCases[0]
	want := direct.run(t, os.Args[0], c.payload, c.args)
	if got := s.run(t, s.fast, c.payload, c.args); got != want {
		t.Errorf("first call: %+v, want %+v", got, want)
	}
	s.waitSocket(t)
	// The started decider answers now: rampart-hook may not run.
	s.setEnv("RAMPART_HOOK_TEST_MAIN", "noprocess")
	if got := s.run(t, s.fast, c.payload, c.args); got != want {
		t.Errorf("call to the started decider: %+v, want %+v", got, want)
	}
	if got := auditRecords(t, s.layout); len(got) != len(fastCases)+2 {
		t.Errorf("%d audit records, want %d", len(got), len(fastCases)+2)
	}
}

// TestFastPolicyChanges checks that the decider never answers from a
// policy file that has changed: the user's policy created, rewritten in
// place with the same size (as fast as the test can, so within one tick
// of the file system's clock), and removed.
func TestFastPolicyChanges(t *testing.T) {
	s := newFastSetup(t, false)
	s.startDecider(t)
	payload := `{"session_id":"s","cwd":"/p","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"touch /tmp/x/blocked-marker"}}`
	policyFile := s.layout.Policy()
	src, err := os.ReadFile("testdata/policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ask := func() string {
		t.Helper()
		r := s.run(t, s.fast, payload, nil)
		if r.code != 0 {
			t.Fatalf("exit %d: %+v", r.code, r)
		}
		return r.stdout
	}
	if out := ask(); strings.Contains(out, "marker blocked") {
		t.Fatalf("standard profile: %s", out)
	}
	for i, msg := range []string{"marker blocked AAA", "marker blocked BBB", "marker blocked CCC"} {
		if err := os.WriteFile(policyFile, bytes.Replace(src, []byte("marker blocked"), []byte(msg), 1), 0o600); err != nil {
			t.Fatal(err)
		}
		if out := ask(); !strings.Contains(out, msg) {
			t.Fatalf("write %d: answer %s, want %q", i, out, msg)
		}
	}
	// A policy that does not compile fails closed, as in a process.
	if err := os.WriteFile(policyFile, []byte("version: 1\npolicies: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := ask(); !strings.Contains(out, `"deny"`) {
		t.Fatalf("broken policy: %s, want a deny", out)
	}
	if err := os.Remove(policyFile); err != nil {
		t.Fatal(err)
	}
	if out := ask(); strings.Contains(out, "marker blocked") || strings.Contains(out, `"deny"`) {
		t.Fatalf("policy removed: %s, want the standard profile's answer", out)
	}
	// A project's layer, found from the call's cwd.
	project := filepath.Join(s.dir, "proj")
	if err := os.MkdirAll(filepath.Join(project, ".rampart"), 0o755); err != nil {
		t.Fatal(err)
	}
	inProject := strings.Replace(payload, `"cwd":"/p"`, `"cwd":"`+project+`"`, 1)
	r := s.run(t, s.fast, inProject, nil)
	if strings.Contains(r.stdout, "marker blocked") {
		t.Fatalf("no project layer yet: %+v", r)
	}
	if err := os.WriteFile(filepath.Join(project, ".rampart", "policy.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := s.run(t, s.fast, inProject, nil); !strings.Contains(r.stdout, "marker blocked") {
		t.Fatalf("project layer added: %+v, want its deny", r)
	}
}

// TestFastRefusesForeignSocket checks that the client trusts no socket
// but its user's decider's: a file that is not a socket, a socket in a
// directory others can enter, and (as root) a socket another user owns.
// Each time it runs rampart-hook instead, and the listener gets nothing.
func TestFastRefusesForeignSocket(t *testing.T) {
	c := fastCases[0]
	direct := newFastSetup(t, true)
	want := direct.run(t, os.Args[0], c.payload, c.args)

	s := newFastSetup(t, true)
	if err := os.MkdirAll(s.layout.Run(), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.sock, []byte("not a socket"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER=nostart"); got != want {
		t.Errorf("regular file at the socket path: %+v, want %+v", got, want)
	}
	os.Remove(s.sock)

	ln, err := net.Listen("unix", s.sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got := make(chan []byte, 8)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			b, _ := io.ReadAll(conn)
			conn.Close()
			got <- b
		}
	}()
	check := func(what string) {
		t.Helper()
		if r := s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER=nostart"); r != want {
			t.Errorf("%s: %+v, want %+v", what, r, want)
		}
		select {
		case b := <-got:
			if len(b) > 0 {
				t.Errorf("%s: the listener was sent %d bytes", what, len(b))
			}
		case <-time.After(5 * time.Second):
			t.Errorf("%s: the client never connected", what)
		}
	}
	os.Chmod(s.layout.Run(), 0o755)
	check("socket directory open to others")
	os.Chmod(s.layout.Run(), 0o700)
	if os.Getuid() == 0 {
		if err := os.Lchown(s.sock, 4242, 4242); err != nil {
			t.Fatal(err)
		}
		check("socket of another user")
	}
}

// TestFastDeciderDies checks a decider that takes the call and never
// answers (it dies, or hangs past the client's wait): the call is blocked (exit 2, the reason on stderr, nothing on
// stdout), never let through. A decider that leaves the call to the
// client (NotServed) gets rampart-hook's answer.
func TestFastDeciderDies(t *testing.T) {
	c := fastCases[0]
	direct := newFastSetup(t, true)
	want := direct.run(t, os.Args[0], c.payload, c.args)
	for _, tc := range []struct {
		name  string
		reply []byte
		hang  bool // keep the connection open, answering nothing
	}{{"dies", nil, false}, {"hangs", nil, true}, {"not served", []byte{hookwire.NotServed}, false}} {
		t.Run(tc.name, func(t *testing.T) {
			s := newFastSetup(t, true)
			if err := os.MkdirAll(s.layout.Run(), 0o700); err != nil {
				t.Fatal(err)
			}
			ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: s.sock, Net: "unix"})
			if err != nil {
				t.Fatal(err)
			}
			defer ln.Close()
			go func() {
				conn, err := ln.AcceptUnix()
				if err != nil {
					return
				}
				conn.Write([]byte{hookwire.Ready})
				conn.SetReadDeadline(time.Now().Add(5 * time.Second))
				_, files, _ := readRequest(conn)
				for _, f := range files {
					f.Close()
				}
				if tc.hang {
					time.Sleep(40 * time.Second)
				}
				conn.Write(tc.reply)
				conn.Close()
			}()
			start := time.Now()
			r := s.run(t, s.fast, c.payload, c.args)
			if d := time.Since(start); tc.hang && d > 30*time.Second {
				t.Errorf("the client waited %v for a decider that hangs, past the agents' hook timeout", d)
			}
			if tc.reply == nil {
				if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "rampart fails closed") {
					t.Errorf("decider died: %+v, want exit 2, no answer, the reason on stderr", r)
				}
				return
			}
			if r != want {
				t.Errorf("not served: %+v, want %+v", r, want)
			}
		})
	}
}

// TestFastRelativePaths checks a command line or environment naming a
// file by a relative path: the decider leaves the call to rampart-hook,
// which finds the file from the agent's working directory.
func TestFastRelativePaths(t *testing.T) {
	direct := newFastSetup(t, true)
	s := newFastSetup(t, true)
	sameHome(direct, s)
	s.startDecider(t)
	src, err := os.ReadFile("testdata/policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.dir, "rel.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	payload := `{"session_id":"s","cwd":"/p","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"touch /tmp/x/blocked-marker"}}`
	for _, c := range []struct {
		args []string
		env  []string
	}{
		{[]string{"--config", "rel.yaml"}, nil},
		{nil, []string{"RAMPART_POLICY=rel.yaml"}},
	} {
		want := direct.run(t, os.Args[0], payload, c.args, c.env...)
		got := s.run(t, s.fast, payload, c.args, c.env...)
		if got != want || !strings.Contains(got.stdout, "marker blocked") {
			t.Errorf("%v %v: %+v, want %+v (the relative file's deny)", c.args, c.env, got, want)
		}
	}
}

// TestRequestEnv checks the environment a request is decided in: the first
// of a repeated variable, HOME as the home directory, the client's cwd.
func TestRequestEnv(t *testing.T) {
	e := requestEnv(hookwire.Request{Cwd: "/w", Env: []string{"NOEQUALS", "HOME=/h", "RAMPART_HOME=/r", "HOME=/x", "RAMPART_HOME_X=1"}}, nil)
	for key, want := range map[string]string{"HOME": "/h", "RAMPART_HOME": "/r", "NOEQUALS": "", "RAMPART": ""} {
		if got := e.getenv(key); got != want {
			t.Errorf("getenv(%q) = %q, want %q", key, got, want)
		}
	}
	if e.userHome != "/h" || e.cwd != "/w" || !e.served {
		t.Errorf("requestEnv = %+v", e)
	}
}

// TestFastParallel sends 120 calls through one decider, eight at a time:
// every answer is right and the audit chain verifies with every record.
func TestFastParallel(t *testing.T) {
	const runs, batch = 120, 8
	s := newFastSetup(t, false)
	s.startDecider(t)
	policyPath, err := filepath.Abs("testdata/policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sem := make(chan struct{}, batch)
	var wg sync.WaitGroup
	for i := range runs {
		p := processPayloads[i%len(processPayloads)]
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			r := s.run(t, s.fast, p.payload, []string{"--format", p.format, "--config", policyPath})
			if r.stdout != p.want || r.stderr != "" || r.code != 0 {
				t.Errorf("run %d (%s): %+v, want stdout %q", i, p.format, r, p.want)
			}
		}()
	}
	wg.Wait()
	if got := auditRecords(t, s.layout); len(got) != runs {
		t.Errorf("%d audit records, want %d", len(got), runs)
	}
}

// TestFastDeciderExits checks that a decider stops by itself: after its
// idle time, taking its socket with it, and at the first call after its
// executable was replaced (an upgrade), which it leaves to the client.
func TestFastDeciderExits(t *testing.T) {
	s := newFastSetup(t, true)
	cmd := exec.Command(os.Args[0], "decider", "--listen", s.sock, "--idle", "300ms")
	cmd.Env = s.env
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s.waitSocket(t)
	waitExit(t, cmd, "idle decider")
	if _, err := os.Lstat(s.sock); err == nil {
		t.Errorf("the idle decider left its socket")
	}

	// A copy of this binary as the decider's executable, then replaced.
	exe := filepath.Join(s.dir, "decider-exe")
	b, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(exe, b, 0o755); err != nil {
		t.Fatal(err)
	}
	hook := filepath.Join(filepath.Dir(s.fast), "rampart-hook")
	os.Remove(hook)
	if err := os.Symlink(exe, hook); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command(exe, "decider", "--listen", s.sock, "--idle", "1m")
	cmd.Env = s.env
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	s.waitSocket(t)
	c := fastCases[0]
	if r := s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER=nostart"); r.code != 0 {
		t.Fatalf("before the upgrade: %+v", r)
	}
	if err := os.WriteFile(exe+".new", b, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(exe+".new", exe); err != nil {
		t.Fatal(err)
	}
	direct := newFastSetup(t, true)
	want := direct.run(t, os.Args[0], c.payload, c.args)
	if r := s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER=nostart"); r != want {
		t.Errorf("after the upgrade: %+v, want %+v", r, want)
	}
	waitExit(t, cmd, "upgraded decider")
}

// waitExit waits for cmd to exit by itself.
func waitExit(t *testing.T, cmd *exec.Cmd, what string) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("%s: %v", what, err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Errorf("%s did not exit", what)
	}
}
