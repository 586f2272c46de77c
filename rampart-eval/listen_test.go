package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

// fakeDecider denies commands containing "blocked-marker", records every
// call it decides (its "audit"), and counts reloads.
type fakeDecider struct {
	discard   bool // keep no record (benchmarks)
	mu        sync.Mutex
	audited   []call.Call
	reloads   atomic.Int32
	reloadErr atomic.Value // error or nil
}

func (f *fakeDecider) Decide(c call.Call) call.Decision {
	if !f.discard {
		f.mu.Lock()
		f.audited = append(f.audited, c)
		f.mu.Unlock()
	}
	d := call.Decision{Decision: call.Allow, Message: c.Command()}
	if strings.Contains(c.Command(), "blocked-marker") {
		d.Decision = call.Deny
	}
	return d
}

func (f *fakeDecider) Reload() error {
	f.reloads.Add(1)
	if err, _ := f.reloadErr.Load().(error); err != nil {
		return err
	}
	return nil
}

func (f *fakeDecider) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.audited)
}

// lockedBuffer is a bytes.Buffer safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// shortDir returns a temporary directory with a path short enough for a
// unix socket (t.TempDir can exceed sun_path's 108 bytes).
func shortDir(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("", "rl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

// startListen runs listen in the background and waits for the socket.
func startListen(t *testing.T, addr string, d decider) (sock string, stderr *lockedBuffer, stop func() error) {
	t.Helper()
	path, err := socketPath(addr)
	if err != nil {
		t.Fatal(err)
	}
	stderr = &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- listen(ctx, addr, d, stderr) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		// Up once it says so: the datagram socket is made after the
		// stream socket listens.
		if c, err := net.Dial("unix", path); err == nil {
			c.Close()
			if strings.Contains(stderr.String(), "listening on") {
				break
			}
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("listen(%q) returned early: %v\nstderr: %s", addr, err, stderr)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("listen(%q): socket never came up; stderr: %s", addr, stderr)
		}
		time.Sleep(5 * time.Millisecond)
	}
	var once sync.Once
	var result error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case result = <-done:
			case <-time.After(10 * time.Second):
				result = fmt.Errorf("listen did not return after cancel")
			}
		})
		return result
	}
	t.Cleanup(func() { stop() })
	return path, stderr, stop
}

func dial(t *testing.T, sock string) (net.Conn, *bufio.Reader) {
	t.Helper()
	c, err := net.Dial("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, bufio.NewReader(c)
}

func readDecision(t *testing.T, r *bufio.Reader) call.Decision {
	t.Helper()
	line, err := r.ReadBytes('\n')
	if err != nil {
		t.Fatalf("read decision: %v", err)
	}
	var d call.Decision
	if err := json.Unmarshal(line, &d); err != nil {
		t.Fatalf("decision %q: %v", line, err)
	}
	return d
}

func execLine(cmd string) string {
	b, _ := json.Marshal(call.Call{Tool: "exec", Params: call.Params{"command": cmd}, Agent: "test"})
	return string(b) + "\n"
}

func TestListenDecides(t *testing.T) {
	f := &fakeDecider{}
	sock, _, stop := startListen(t, "unix:"+filepath.Join(shortDir(t), "eval.sock"), f)
	c, r := dial(t, sock)
	for _, tc := range []struct {
		cmd  string
		want call.Action
	}{
		{"git status", call.Allow},
		{"touch /tmp/x/blocked-marker", call.Deny},
		{"ls", call.Allow},
	} {
		if _, err := c.Write([]byte(execLine(tc.cmd))); err != nil {
			t.Fatal(err)
		}
		if d := readDecision(t, r); d.Decision != tc.want || d.Message != tc.cmd {
			t.Errorf("Decide(%q) = %v %q, want %v", tc.cmd, d.Decision, d.Message, tc.want)
		}
	}
	c.Close()
	if err := stop(); err != nil {
		t.Fatalf("listen: %v", err)
	}
	if _, err := os.Lstat(sock); !os.IsNotExist(err) {
		t.Errorf("socket %s still there after shutdown (err %v)", sock, err)
	}
}

func TestListenBadInput(t *testing.T) {
	f := &fakeDecider{}
	sock, stderr, _ := startListen(t, filepath.Join(shortDir(t), "eval.sock"), f)
	c, r := dial(t, sock)
	huge := `{"tool":"exec","params":{"command":"` + strings.Repeat("a", call.MaxLine) + `"}}` + "\n"
	secret := `{"tool":"exec","params":{"command":"AKIAIOSFODNN7EXAMPLE"` + "\n"
	go func() {
		c.Write([]byte("not json\n" + `{"params":{}}` + "\n" + secret + huge + execLine("echo after")))
	}()
	for i, want := range []string{"malformed", "no tool", "malformed", "4 MiB"} {
		d := readDecision(t, r)
		if d.Decision != call.Deny || len(d.Flags) != 1 || d.Flags[0] != call.FlagBadInput {
			t.Errorf("bad line %d: decision %+v, want deny flagged bad_input", i+1, d)
		}
		if !strings.Contains(d.Message, want) {
			t.Errorf("bad line %d: message %q, want it to mention %q", i+1, d.Message, want)
		}
	}
	if d := readDecision(t, r); d.Decision != call.Allow || d.Message != "echo after" {
		t.Errorf("line after the bad ones: %+v, want allow of echo after", d)
	}
	if n := f.count(); n != 1 {
		t.Errorf("decider saw %d calls, want 1 (bad lines never reach it)", n)
	}
	if strings.Contains(stderr.String(), "AKIA") {
		t.Errorf("stderr echoes the bad line's content: %s", stderr)
	}
}

func TestListenModes(t *testing.T) {
	dir := shortDir(t)
	t.Setenv("RAMPART_HOME", filepath.Join(dir, "home"))
	sock, _, _ := startListen(t, "unix:", &fakeDecider{})
	if want := filepath.Join(dir, "home", "run", "eval.sock"); sock != want {
		t.Fatalf("default socket %s, want %s", sock, want)
	}
	st, err := os.Stat(sock)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode()&os.ModeSocket == 0 || st.Mode().Perm() != 0o600 {
		t.Errorf("socket mode %v, want a socket with 0600", st.Mode())
	}
	dst, err := os.Stat(filepath.Dir(sock))
	if err != nil {
		t.Fatal(err)
	}
	if dst.Mode().Perm() != 0o700 {
		t.Errorf("socket directory mode %v, want 0700", dst.Mode().Perm())
	}
}

func TestListenStaleSocket(t *testing.T) {
	dir := shortDir(t)
	path := filepath.Join(dir, "eval.sock")
	// A server that died without removing its socket.
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Lstat(path); err != nil {
		t.Fatalf("stale socket not left behind: %v", err)
	}
	sock, _, _ := startListen(t, path, &fakeDecider{})
	c, r := dial(t, sock)
	c.Write([]byte(execLine("true")))
	if d := readDecision(t, r); d.Decision != call.Allow {
		t.Errorf("after replacing a stale socket: %+v", d)
	}
}

func TestListenRefuses(t *testing.T) {
	dir := shortDir(t)
	// A live server keeps its socket.
	live := filepath.Join(dir, "live.sock")
	startListen(t, live, &fakeDecider{})
	err := listen(context.Background(), live, &fakeDecider{}, &lockedBuffer{})
	if err == nil || !strings.Contains(err.Error(), "another server") {
		t.Errorf("listen on a live socket: %v, want 'another server'", err)
	}
	// A file that is not a socket is never removed.
	file := filepath.Join(dir, "file.sock")
	os.WriteFile(file, []byte("keep me"), 0o600)
	err = listen(context.Background(), file, &fakeDecider{}, &lockedBuffer{})
	if err == nil || !strings.Contains(err.Error(), "not a socket") {
		t.Errorf("listen on a regular file: %v, want 'not a socket'", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "keep me" {
		t.Errorf("regular file changed to %q", b)
	}
	for _, addr := range []string{"tcp:127.0.0.1:1", "unix:" + strings.Repeat("x", 120)} {
		if err := listen(context.Background(), addr, &fakeDecider{}, &lockedBuffer{}); err == nil {
			t.Errorf("listen(%q) = nil, want an error", addr)
		}
	}
}

func TestListenReload(t *testing.T) {
	dir := shortDir(t)
	policy := filepath.Join(dir, "policy.yaml")
	os.WriteFile(policy, []byte("version: 1\n"), 0o600)
	f := &fakeDecider{}
	_, stderr, _ := startListen(t, filepath.Join(dir, "eval.sock"), withPolicyFiles(f, policy))
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
			if cond() {
				return
			}
		}
		t.Fatalf("timed out waiting for %s; stderr: %s", what, stderr)
	}
	// An edit in place.
	os.WriteFile(policy, []byte("version: 1\ndefault_action: deny\n"), 0o600)
	waitFor("a reload after a write", func() bool { return strings.Contains(stderr.String(), "policy reloaded") })
	// An editor's replace-by-rename, with a bad file: the error is told
	// and the last good policy kept.
	f.reloadErr.Store(fmt.Errorf("policy.yaml:2:1: unknown key \"defualt_action\""))
	tmp := filepath.Join(dir, ".policy.yaml.swp")
	os.WriteFile(tmp, []byte("version: 1\ndefualt_action: deny\n"), 0o600)
	os.Rename(tmp, policy)
	waitFor("the bad policy to be reported", func() bool {
		return strings.Contains(stderr.String(), "keeping the last good policy")
	})
	if !strings.Contains(stderr.String(), `unknown key "defualt_action"`) {
		t.Errorf("stderr does not say why the reload failed: %s", stderr)
	}
	// Other files in the directory do not trigger reloads.
	n := f.reloads.Load()
	os.WriteFile(filepath.Join(dir, "other.txt"), []byte("x"), 0o600)
	time.Sleep(300 * time.Millisecond)
	if got := f.reloads.Load(); got != n {
		t.Errorf("a write to another file reloaded the policy (%d reloads, want %d)", got, n)
	}
}

// loadClients run at once against the socket, loadCalls each.
const loadClients, loadCalls = 8, 2000

// TestListenLoad: 8 clients send 2,000 calls each at once; every call is
// answered, in order on its connection, and decided exactly once.
func TestListenLoad(t *testing.T) {
	const clients, perClient = loadClients, loadCalls
	f := &fakeDecider{}
	sock, _, stop := startListen(t, filepath.Join(shortDir(t), "eval.sock"), f)
	hammer(t, sock, clients, perClient, true)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := f.count(); got != clients*perClient {
		t.Errorf("decided %d calls, want %d", got, clients*perClient)
	}
	seen := map[string]bool{}
	for _, c := range f.audited {
		if seen[c.Command()] {
			t.Fatalf("call %q decided twice", c.Command())
		}
		seen[c.Command()] = true
	}
}

// TestListenLoadAudited is the same load on the real decision point: the
// policy denies the marker, every call lands in the audit trail, and the
// chain verifies.
func TestListenLoadAudited(t *testing.T) {
	dir := shortDir(t)
	policyFile := filepath.Join(dir, "policy.yaml")
	os.WriteFile(policyFile, []byte(`version: 1
default_action: allow
policies:
  - name: block-marker
    match: {tool: [exec]}
    rules:
      - action: deny
        when: {line_matches: ["*blocked-marker*"]}
        message: marker blocked
`), 0o600)
	l := home.Layout{Dir: filepath.Join(dir, "home")}
	p, err := decide.Open(decide.Config{PolicyPath: policyFile, Home: l, UserHome: dir, Via: "rampart-eval", Compile: compile.Parse})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	sock, _, stop := startListen(t, filepath.Join(dir, "eval.sock"), p)
	hammer(t, sock, loadClients, loadCalls, false)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	p.Close()
	res, err := audit.Verify(l.AuditLog(), audit.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("audit chain broken: %v", res.Problem)
	}
	if res.Records != loadClients*loadCalls {
		t.Errorf("audit holds %d records, want %d", res.Records, loadClients*loadCalls)
	}
}

// hammer runs clients pipelined connections of perClient calls each; every
// tenth call carries the marker and must be denied. With echo set, the
// decider echoes the command in the message and the order is checked too.
func hammer(t *testing.T, sock string, clients, perClient int, echo bool) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("unix", sock)
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			// Write everything while reading the answers: a pipelined
			// client, the hardest case for ordering.
			go func() {
				bw := bufio.NewWriter(c)
				for j := range perClient {
					cmd := fmt.Sprintf("echo client-%d-call-%d", i, j)
					if j%10 == 0 {
						cmd += " blocked-marker"
					}
					bw.WriteString(execLine(cmd))
				}
				bw.Flush()
			}()
			r := bufio.NewReader(c)
			for j := range perClient {
				line, err := r.ReadBytes('\n')
				if err != nil {
					errs <- fmt.Errorf("client %d answer %d: %v", i, j, err)
					return
				}
				var d call.Decision
				if err := json.Unmarshal(line, &d); err != nil {
					errs <- err
					return
				}
				want := fmt.Sprintf("echo client-%d-call-%d", i, j)
				wantAction := call.Allow
				if j%10 == 0 {
					want += " blocked-marker"
					wantAction = call.Deny
				}
				if (echo && d.Message != want) || d.Decision != wantAction {
					errs <- fmt.Errorf("client %d answer %d: %v %q, want %v %q", i, j, d.Decision, d.Message, wantAction, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func FuzzServe(f *testing.F) {
	f.Add([]byte(execLine("git status")))
	f.Add([]byte("not json\n\n{\"tool\":\"\"}\n"))
	f.Add([]byte(`{"tool":"exec","params":{"command":1}}` + "\n" + `{"tool":"read","params":{"path":"~/.ssh/id_rsa"}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		serve(bytes.NewReader(in), &out, &fakeDecider{}, func(error) {})
		lines := 0
		for _, l := range bytes.Split(in, []byte("\n")) {
			if len(bytes.TrimSpace(l)) > 0 {
				lines++
			}
		}
		got := bytes.Count(out.Bytes(), []byte("\n"))
		if got != lines {
			t.Fatalf("%d non-empty lines in, %d decisions out", lines, got)
		}
		for _, l := range bytes.Split(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("\n")) {
			if len(l) == 0 {
				continue
			}
			var d call.Decision
			if err := json.Unmarshal(l, &d); err != nil {
				t.Fatalf("decision %q does not parse: %v", l, err)
			}
		}
	})
}

// BenchmarkListenRoundTrip is one call and its decision over the socket:
// on a connection per call as librampart makes them for an exec (the
// question, then the writing side shut), as one datagram on a fresh
// socket (librampart's exec question when the server has the datagram
// socket), and on one connection, as librampart keeps for the calls that
// return;
// with a decider that does nothing, and with the real decision point (the
// standard profile, the audit record written before the answer).
func BenchmarkListenRoundTrip(b *testing.B) {
	dir, _ := os.MkdirTemp("", "rl")
	defer os.RemoveAll(dir)
	// Opened as rampart-eval --listen opens it (PerExec: a program run by
	// its path is not read as a script, since each of its execs is asked
	// as it runs), and asked as librampart asks: with the working
	// directory. Without them each question read and hashed /usr/bin/true
	// (40 KiB, 174 KB allocated per question), which no exec's question
	// does.
	point, err := decide.Open(decide.Config{Home: home.Layout{Dir: filepath.Join(dir, "home")}, UserHome: dir, Via: "rampart-eval", Compile: compile.Parse, PerExec: true})
	if err != nil {
		b.Fatal(err)
	}
	defer point.Close()
	line, _ := json.Marshal(call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/true"}, Agent: "librampart", Cwd: dir})
	req := append(line, '\n')
	buf := make([]byte, 4096)
	for _, d := range []struct {
		name string
		d    decider
	}{{"fake", &fakeDecider{discard: true}}, {"audited", point}} {
		path := filepath.Join(dir, d.name+".sock")
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- listen(ctx, path, d.d, &lockedBuffer{}) }()
		for {
			if c, err := net.Dial("unix", path); err == nil {
				c.Close()
				break
			}
			time.Sleep(time.Millisecond)
		}
		b.Run("conn-per-call-"+d.name, func(b *testing.B) {
			for b.Loop() {
				c, err := net.Dial("unix", path)
				if err != nil {
					b.Fatal(err)
				}
				c.Write(req)
				c.(*net.UnixConn).CloseWrite() // one question, as librampart asks for an exec
				if _, err := c.Read(buf); err != nil {
					b.Fatal(err)
				}
				c.Close()
			}
		})
		b.Run("datagram-"+d.name, func(b *testing.B) { benchDatagram(b, path, req, buf) })
		b.Run("one-conn-"+d.name, func(b *testing.B) {
			c, err := net.Dial("unix", path)
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close()
			for b.Loop() {
				c.Write(req)
				if _, err := c.Read(buf); err != nil {
					b.Fatal(err)
				}
			}
		})
		cancel()
		<-done
	}
}

// TestListenReloadPoint: the real decision point picks up an edited policy,
// and keeps the last good one when the edit is broken.
func TestListenReloadPoint(t *testing.T) {
	dir := shortDir(t)
	policyFile := filepath.Join(dir, "policy.yaml")
	write := func(action string) {
		os.WriteFile(policyFile, []byte("version: 1\ndefault_action: allow\npolicies:\n  - name: marker\n    match: {tool: [exec]}\n    rules:\n      - action: "+action+"\n        when: {command_matches: [\"touch */reload-marker\"]}\n"), 0o600)
	}
	write("log")
	p, err := decide.Open(decide.Config{PolicyPath: policyFile, Home: home.Layout{Dir: filepath.Join(dir, "home")}, UserHome: dir, Via: "rampart-eval", Compile: compile.Parse})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	sock, stderr, _ := startListen(t, filepath.Join(dir, "eval.sock"), p)
	ask := func() call.Action {
		c, r := dial(t, sock)
		defer c.Close()
		c.Write([]byte(execLine("touch /tmp/x/reload-marker")))
		return readDecision(t, r).Decision
	}
	if got := ask(); got != call.Log {
		t.Fatalf("before the edit: %v, want log", got)
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
			if cond() {
				return
			}
		}
		t.Fatalf("timed out waiting for %s; stderr: %s", what, stderr)
	}
	write("deny")
	waitFor("the edit to apply", func() bool { return ask() == call.Deny })
	os.WriteFile(policyFile, []byte("version: 1\ndefault_action: alow\n"), 0o600)
	waitFor("the broken edit to be reported", func() bool {
		return strings.Contains(stderr.String(), "keeping the last good policy")
	})
	if got := ask(); got != call.Deny {
		t.Errorf("after a broken edit: %v, want the last good policy's deny", got)
	}
}

// TestListenOneQuestion: however a client sends its questions and ends
// its side (librampart's exec case is one line and a shutdown, answered
// on the accepting goroutine), each gets its answer, in order, and the
// server then closes the connection.
func TestListenOneQuestion(t *testing.T) {
	f := &fakeDecider{}
	sock, _, _ := startListen(t, filepath.Join(shortDir(t), "eval.sock"), f)
	for _, tc := range []struct {
		name   string
		writes []string
		want   []call.Action
	}{
		{"one line", []string{execLine("ls")}, []call.Action{call.Allow}},
		{"one denied line", []string{execLine("touch /tmp/x/blocked-marker")}, []call.Action{call.Deny}},
		{"a bad line", []string{"not json\n"}, []call.Action{call.Deny}},
		{"two lines", []string{execLine("ls") + execLine("touch /tmp/x/blocked-marker")}, []call.Action{call.Allow, call.Deny}},
		{"a line in two writes", []string{execLine("ls")[:10], execLine("ls")[10:]}, []call.Action{call.Allow}},
		{"no line", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := net.Dial("unix", sock)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			for i, w := range tc.writes {
				if i > 0 {
					time.Sleep(20 * time.Millisecond) // the server has seen the first part alone
				}
				if _, err := c.Write([]byte(w)); err != nil {
					t.Fatal(err)
				}
			}
			c.(*net.UnixConn).CloseWrite()
			r := bufio.NewReader(c)
			for i, want := range tc.want {
				if d := readDecision(t, r); d.Decision != want {
					t.Errorf("answer %d: %v, want %v", i+1, d.Decision, want)
				}
			}
			c.SetReadDeadline(time.Now().Add(10 * time.Second))
			if extra, err := r.ReadBytes('\n'); len(extra) != 0 || err != io.EOF {
				t.Errorf("after the answers: %q, %v; want the server to close (EOF)", extra, err)
			}
		})
	}
}

// TestListenIdle: a connection that asks nothing for connIdle is closed,
// and a busy one is not.
func TestListenIdle(t *testing.T) {
	defer func(d time.Duration) { connIdle = d }(connIdle)
	connIdle = 200 * time.Millisecond
	sock, _, _ := startListen(t, filepath.Join(shortDir(t), "eval.sock"), &fakeDecider{})
	c, r := dial(t, sock)
	for range 5 { // 5 questions 100 ms apart: longer than connIdle in all
		time.Sleep(connIdle / 2)
		c.Write([]byte(execLine("ls")))
		if d := readDecision(t, r); d.Decision != call.Allow {
			t.Fatalf("busy connection: %v, want allow", d.Decision)
		}
	}
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	if b, err := r.ReadBytes('\n'); len(b) != 0 || err != io.EOF {
		t.Errorf("idle connection: read %q, %v; want the server to close it (EOF)", b, err)
	}
}
