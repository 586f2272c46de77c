package main

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"rampart.dev/rampart-hook/internal/hookwire"
)

// rawAsk sends msg to the decider at sock with fds attached, half-closes,
// and returns the byte answered after hookwire.Ready (-1 for none).
func rawAsk(t *testing.T, sock string, msg []byte, fds []int) int {
	t.Helper()
	conn, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var oob []byte
	if len(fds) > 0 {
		oob = syscall.UnixRights(fds...)
	}
	if _, _, err := conn.WriteMsgUnix(msg, oob, nil); err != nil {
		t.Fatal(err)
	}
	conn.CloseWrite()
	conn.SetReadDeadline(time.Now().Add(15 * time.Second))
	b, _ := io.ReadAll(conn)
	if len(b) == 0 || b[0] != hookwire.Ready {
		t.Errorf("the decider did not say it took the connection: %q", b)
		return -1
	}
	if len(b) == 1 {
		return -1
	}
	return int(b[1])
}

// TestDeciderRawRequests sends a decider requests no rampart-hook-fast
// sends: each must be left to the client (NotServed) without a byte
// written to the descriptors it came with or a record in the audit trail,
// and the decider must go on serving. A request without an absolute
// working directory would be judged from the decider's own (a project's
// policy, a relative path), which a process never does.
func TestDeciderRawRequests(t *testing.T) {
	s := newFastSetup(t, false)
	s.startDecider(t)
	payload := fastCases[len(processPayloads)+1].payload // an SSH key read: denied
	good := func(cwd string) []byte {
		return hookwire.AppendRequest(nil, hookwire.Request{Cwd: cwd, Env: s.env})
	}
	huge := []byte(hookwire.Magic + "\xff\xff\xff\x7f")
	short := append([]byte(hookwire.Magic+"\xe8\x03\x00\x00"), "0123456789"...)
	bad := append([]byte("rampart-hook/0\n"), good(s.dir)[len(hookwire.Magic):]...)
	trailing := append(good(s.dir), 0)
	for _, tc := range []struct {
		name  string
		msg   []byte
		nfd   int
		reply int
	}{
		{"no working directory", good(""), 3, hookwire.NotServed},
		{"relative working directory", good("some/dir"), 3, hookwire.NotServed},
		{"length past the limit", huge, 3, hookwire.NotServed},
		{"shorter than its length", short, 3, hookwire.NotServed},
		{"another protocol", bad, 3, hookwire.NotServed},
		{"bytes past the body", trailing, 3, -1},
		{"two descriptors", good(s.dir), 2, hookwire.NotServed},
		{"five descriptors", good(s.dir), 5, hookwire.NotServed},
		{"no descriptors", good(s.dir), 0, hookwire.NotServed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inR, inW, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			outR, outW, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			inW.WriteString(payload)
			inW.Close()
			fds := []int{int(inR.Fd()), int(outW.Fd()), int(outW.Fd()), int(outW.Fd()), int(outW.Fd())}[:tc.nfd]
			got := rawAsk(t, s.sock, tc.msg, fds)
			inR.Close()
			outW.Close()
			out, _ := io.ReadAll(outR)
			outR.Close()
			// A request with bytes past its body is read as far as its
			// length says; the rest is never answered, as no client sends
			// it, but nothing may be written.
			if tc.reply >= 0 && got != tc.reply {
				t.Errorf("answered %d, want %d", got, tc.reply)
			}
			if len(out) > 0 {
				t.Errorf("wrote %q to the request's stdout", out)
			}
		})
	}
	if _, err := os.Stat(s.layout.AuditLog()); err == nil {
		t.Errorf("requests left to the client were audited:\n%s", strings.Join(auditRecords(t, s.layout), "\n"))
	}
	// Still serving.
	c := fastCases[len(processPayloads)+1]
	if r := s.run(t, s.fast, c.payload, c.args); r.code != 0 || !strings.Contains(r.stdout, `"deny"`) {
		t.Errorf("after the raw requests: %+v", r)
	}
	if recs := auditRecords(t, s.layout); len(recs) != 1 {
		t.Errorf("%d audit records, want 1", len(recs))
	}
}

// TestFastDeciderKilledMidCall kills a real decider while it waits for a
// call's payload: the call is blocked (exit 2, nothing on stdout, the
// reason on stderr), with -fail-open too, since the payload may have been
// read and cannot be judged again.
func TestFastDeciderKilledMidCall(t *testing.T) {
	for _, args := range [][]string{nil, {"--fail-open"}} {
		s := newFastSetup(t, true)
		decider := s.startDecider(t)
		cmd := exec.Command(s.fast, args...)
		cmd.Env = s.env
		cmd.Dir = s.dir
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond) // the decider holds the call
		decider.Process.Kill()
		stdin.Close()
		err = cmd.Wait()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		}
		if code != 2 || stdout.Len() != 0 || !strings.Contains(stderr.String(), "rampart fails closed") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2, no answer, the reason", args, code, stdout.String(), stderr.String())
		}
	}
}

// TestFastFullBacklog checks a decider whose queue of connections is full
// (it is stopped, or held up by connections that send nothing, which any
// process of the user's can open): connecting would wait until the
// agent's own hook timeout, on which several agents run the call. The
// client gives up connecting at once and rampart-hook judges the call.
func TestFastFullBacklog(t *testing.T) {
	c := fastCases[len(processPayloads)+1] // an SSH key read: denied
	direct := newFastSetup(t, true)
	want := direct.run(t, os.Args[0], c.payload, c.args)
	s := newFastSetup(t, true)
	sameHome(direct, s)
	if err := os.MkdirAll(s.layout.Run(), 0o700); err != nil {
		t.Fatal(err)
	}
	// A listener in this process (the rampart-hook beside the client)
	// that never accepts, with the shortest queue, filled.
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: s.sock}); err != nil {
		t.Fatal(err)
	}
	os.Chmod(s.sock, 0o600)
	if err := syscall.Listen(fd, 0); err != nil {
		t.Fatal(err)
	}
	for {
		cfd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC|syscall.SOCK_NONBLOCK, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer syscall.Close(cfd)
		if err := syscall.Connect(cfd, &syscall.SockaddrUnix{Name: s.sock}); err != nil {
			if err != syscall.EAGAIN {
				t.Fatal(err)
			}
			break
		}
	}
	done := make(chan result, 1)
	go func() { done <- s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER=nostart") }()
	select {
	case r := <-done:
		if r != want {
			t.Errorf("%+v, want the process's %+v", r, want)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the client is still connecting after 15 s")
	}
}

// TestFastStoppedDecider checks a decider stopped by a signal (any
// process of the user's may send it one): the client does not hand it
// the call, which would be blocked after the wait for an answer, and
// rampart-hook judges it at once.
func TestFastStoppedDecider(t *testing.T) {
	c := fastCases[len(processPayloads)+1] // an SSH key read: denied
	direct := newFastSetup(t, true)
	want := direct.run(t, os.Args[0], c.payload, c.args)
	s := newFastSetup(t, true)
	sameHome(direct, s)
	decider := s.startDecider(t)
	if err := decider.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	defer decider.Process.Signal(syscall.SIGCONT)
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	if r := s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER=nostart"); r != want {
		t.Errorf("%+v, want the process's %+v", r, want)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the call took %v", d)
	}
}

// TestFastPolicyNamedPipe checks a named pipe where the user's policy
// would be: the process and the decider both fail closed at once, with
// the same answer, instead of waiting for a writer past the agent's hook
// timeout.
func TestFastPolicyNamedPipe(t *testing.T) {
	c := fastCases[len(processPayloads)] // git status: allowed by the profile
	direct := newFastSetup(t, true)
	s := newFastSetup(t, false)
	sameHome(direct, s)
	for _, l := range []*fastSetup{direct, s} {
		if err := os.MkdirAll(l.layout.Dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(l.layout.Policy(), 0o600); err != nil {
			t.Skip(err)
		}
	}
	s.startDecider(t)
	within := func(what string, f func() result) result {
		t.Helper()
		done := make(chan result, 1)
		go func() { done <- f() }()
		select {
		case r := <-done:
			return r
		case <-time.After(15 * time.Second):
			t.Fatalf("%s is still waiting after 15 s", what)
			return result{}
		}
	}
	want := within("rampart-hook", func() result { return direct.run(t, os.Args[0], c.payload, c.args) })
	if !strings.Contains(want.stdout, `"deny"`) {
		t.Errorf("process: %+v, want a deny", want)
	}
	got := within("the decider", func() result { return s.run(t, s.fast, c.payload, c.args) })
	// (each names its own Rampart home)
	got.stdout = strings.ReplaceAll(got.stdout, s.layout.Dir, direct.layout.Dir)
	got.stderr = strings.ReplaceAll(got.stderr, s.layout.Dir, direct.layout.Dir)
	if got != want {
		t.Errorf("decider %+v, process %+v", got, want)
	}
}

// TestFastDeciderHeldUp checks a decider held up by connections that
// send nothing (any process of the user's can open them; each holds it
// for the request timeout): the client keeps its descriptors, since a
// decider that took them late would hold the agent's view of the call's
// stdout open, and rampart-hook judges the call at once.
func TestFastDeciderHeldUp(t *testing.T) {
	c := fastCases[len(processPayloads)+1] // an SSH key read: denied
	direct := newFastSetup(t, true)
	want := direct.run(t, os.Args[0], c.payload, c.args)
	s := newFastSetup(t, true)
	sameHome(direct, s)
	s.startDecider(t)
	for range 3 {
		conn, err := net.Dial("unix", s.sock)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
	}
	start := time.Now()
	if r := s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER=nostart"); r != want {
		t.Errorf("%+v, want the process's %+v", r, want)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the call took %v", d)
	}
}
