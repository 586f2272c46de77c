//go:build linux && !386

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

// dgramClient is a datagram socket as librampart opens one: bound to an
// address the kernel picks (an abstract name), connected to the server's
// datagram socket.
func dgramClient(t testing.TB, sock string) int {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := bindAuto(fd); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Connect(fd, &syscall.SockaddrUnix{Name: sock + dgramSuffix}); err != nil {
		syscall.Close(fd)
		t.Fatal(err)
	}
	return fd
}

// bindAuto binds fd to an address the kernel picks: sockaddr_un with the
// family alone, which the syscall package cannot express.
func bindAuto(fd int) error {
	sa := syscall.RawSockaddrUnix{Family: syscall.AF_UNIX}
	_, _, e := syscall.Syscall(syscall.SYS_BIND, uintptr(fd), uintptr(unsafePointer(&sa)), 2)
	if e != 0 {
		return e
	}
	return nil
}

// askDgram sends q as one datagram on fd and returns the answer, or nil
// when none comes within wait.
func askDgram(t testing.TB, fd int, q []byte, wait time.Duration) []byte {
	t.Helper()
	// A signal (the runtime's preemption, the race detector's) may
	// interrupt either call before it has done anything: try again, as
	// librampart does.
	_, err := syscall.Write(fd, q)
	for err == syscall.EINTR {
		_, err = syscall.Write(fd, q)
	}
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	tv := syscall.NsecToTimeval(wait.Nanoseconds())
	syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &tv)
	buf := make([]byte, 64<<10)
	n, err := syscall.Read(fd, buf)
	for err == syscall.EINTR {
		n, err = syscall.Read(fd, buf)
	}
	if errors.Is(err, syscall.EAGAIN) {
		return nil
	}
	if err != nil {
		t.Fatalf("recv: %v", err)
	}
	return buf[:n]
}

func decision(t testing.TB, b []byte) call.Decision {
	t.Helper()
	var d call.Decision
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("answer %q: %v", b, err)
	}
	return d
}

// TestListenDatagram: one question per datagram, one answer back to the
// asker, each decided by the decision point like a line on a connection.
func TestListenDatagram(t *testing.T) {
	f := &fakeDecider{}
	sock, stderr, stop := startListen(t, filepath.Join(shortDir(t), "eval.sock"), f)
	st, err := os.Lstat(sock + dgramSuffix)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode()&os.ModeSocket == 0 || st.Mode().Perm() != 0o600 {
		t.Errorf("datagram socket mode %v, want a socket with 0600", st.Mode())
	}
	fd := dgramClient(t, sock)
	defer syscall.Close(fd)
	for _, tc := range []struct {
		name string
		q    string
		want call.Action
		flag string
	}{
		{"allowed", execLine("ls -l"), call.Allow, ""},
		{"denied", execLine("touch /tmp/x/blocked-marker"), call.Deny, ""},
		{"without its newline", strings.TrimSuffix(execLine("ls"), "\n"), call.Allow, ""},
		{"not a call", "not json\n", call.Deny, call.FlagBadInput},
		{"longer than a datagram may be", execLine(strings.Repeat("x", dgramMax)), call.Deny, call.FlagBadInput},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ans := askDgram(t, fd, []byte(tc.q), 10*time.Second)
			if ans == nil {
				t.Fatal("no answer")
			}
			d := decision(t, ans)
			if d.Decision != tc.want {
				t.Errorf("decision %v, want %v", d.Decision, tc.want)
			}
			if tc.flag != "" && !strings.Contains(string(ans), tc.flag) {
				t.Errorf("answer %s lacks flag %s", ans, tc.flag)
			}
		})
	}
	if n := f.count(); n != 3 {
		t.Errorf("%d calls decided, want 3 (bad input is rejected, not decided)", n)
	}
	if !strings.Contains(stderr.String(), "cannot be one datagram") {
		t.Errorf("the overlong datagram was not reported: %s", stderr)
	}

	// A sender with no address cannot be answered: nothing is decided.
	unbound, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(unbound)
	if err := syscall.Sendto(unbound, []byte(execLine("ls")), 0, &syscall.SockaddrUnix{Name: sock + dgramSuffix}); err != nil {
		t.Fatal(err)
	}
	// A question asked after it is answered after it: the unbound one has
	// been read by then.
	askDgram(t, fd, []byte(execLine("echo after")), 10*time.Second)
	if n := f.count(); n != 4 {
		t.Errorf("%d calls decided, want 4 (the unbound sender's is not)", n)
	}

	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(sock + dgramSuffix); !os.IsNotExist(err) {
		t.Errorf("datagram socket left behind after shutdown: %v", err)
	}
}

// TestListenDatagramReplySocket: a client connected to the answering
// socket (PATH.dgram.reply), as librampart connects, sends its question
// to the datagram socket and gets the answer from the answering one (its
// socket takes datagrams from that socket alone); a client connected to
// the datagram socket itself gets its answer from there.
func TestListenDatagramReplySocket(t *testing.T) {
	f := &fakeDecider{}
	sock, _, stop := startListen(t, filepath.Join(shortDir(t), "eval.sock"), f)
	reply := sock + dgramSuffix + replySuffix
	st, err := os.Lstat(reply)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode()&os.ModeSocket == 0 || st.Mode().Perm() != 0o600 {
		t.Errorf("answering socket mode %v, want a socket with 0600", st.Mode())
	}
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if err := bindAuto(fd); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Connect(fd, &syscall.SockaddrUnix{Name: reply}); err != nil {
		t.Fatal(err)
	}
	to := &syscall.SockaddrUnix{Name: sock + dgramSuffix}
	for _, tc := range []struct {
		q    string
		want call.Action
	}{
		{execLine("ls -l"), call.Allow},
		{execLine("touch /tmp/x/blocked-marker"), call.Deny},
	} {
		if err := syscall.Sendto(fd, []byte(tc.q), 0, to); err != nil {
			t.Fatalf("send: %v", err)
		}
		tv := syscall.NsecToTimeval((10 * time.Second).Nanoseconds())
		syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &tv)
		buf := make([]byte, 64<<10)
		n, err := syscall.Read(fd, buf)
		if err != nil {
			t.Fatalf("%s: no answer: %v", tc.q, err)
		}
		if d := decision(t, buf[:n]); d.Decision != tc.want {
			t.Errorf("%s: decision %v, want %v", tc.q, d.Decision, tc.want)
		}
	}
	old := dgramClient(t, sock)
	defer syscall.Close(old)
	if ans := askDgram(t, old, []byte(execLine("ls")), 10*time.Second); ans == nil || decision(t, ans).Decision != call.Allow {
		t.Errorf("a client connected to the datagram socket: answer %q", ans)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(reply); !os.IsNotExist(err) {
		t.Errorf("answering socket left behind after shutdown: %v", err)
	}
}

// TestListenDatagramConcurrent: many askers at once, each gets the answer
// to its own question.
func TestListenDatagramConcurrent(t *testing.T) {
	f := &fakeDecider{}
	sock, _, _ := startListen(t, filepath.Join(shortDir(t), "eval.sock"), f)
	const clients, calls = 8, 100
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fd := dgramClient(t, sock)
			defer syscall.Close(fd)
			for j := range calls {
				cmd := fmt.Sprintf("echo client-%d-call-%d", i, j)
				want := call.Allow
				if j%10 == 0 {
					cmd += " blocked-marker"
					want = call.Deny
				}
				ans := askDgram(t, fd, []byte(execLine(cmd)), 30*time.Second)
				if ans == nil {
					errs <- fmt.Errorf("%s: no answer", cmd)
					return
				}
				var d call.Decision
				if err := json.Unmarshal(ans, &d); err != nil || d.Decision != want || d.Message != cmd {
					errs <- fmt.Errorf("%s: answer %s, want %v for this command", cmd, ans, want)
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
	if n := f.count(); n != clients*calls {
		t.Errorf("%d decided, want %d", n, clients*calls)
	}
}

// TestListenDatagramAudited: with the real decision point every answer
// follows its audit record, and the chain holds.
func TestListenDatagramAudited(t *testing.T) {
	dir := shortDir(t)
	l := home.Layout{Dir: filepath.Join(dir, "home")}
	p, err := decide.Open(decide.Config{Home: l, UserHome: dir, Via: "rampart-eval", Compile: compile.Parse})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	sock, _, stop := startListen(t, filepath.Join(dir, "eval.sock"), p)
	const clients, calls = 4, 50
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fd := dgramClient(t, sock)
			defer syscall.Close(fd)
			for range calls {
				if ans := askDgram(t, fd, []byte(execLine("ls")), 30*time.Second); ans == nil {
					t.Error("no answer")
					return
				}
			}
		}()
	}
	wg.Wait()
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
	if res.Records != clients*calls {
		t.Errorf("audit holds %d records, want %d", res.Records, clients*calls)
	}
}

// TestListenDatagramLingerReleases: questions asked back to back are
// answered while the audit trail keeps its lock between them (the server
// waits for the next question itself); once they stop, the lock is let go
// at once, so another writer of the trail (its own descriptor and flock,
// as another process has) appends within moments, and the chain holds.
func TestListenDatagramLingerReleases(t *testing.T) {
	dir := shortDir(t)
	l := home.Layout{Dir: filepath.Join(dir, "home")}
	p, err := decide.Open(decide.Config{Home: l, UserHome: dir, Via: "rampart-eval", Compile: compile.Parse, PerExec: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	sock, _, stop := startListen(t, filepath.Join(dir, "eval.sock"), p)
	fd := dgramClient(t, sock)
	defer syscall.Close(fd)
	const calls = 40
	for range calls {
		if ans := askDgram(t, fd, []byte(execLine("ls")), 30*time.Second); ans == nil {
			t.Fatal("no answer")
		}
	}
	other, err := audit.Open(l.AuditLog(), audit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	t0 := time.Now()
	r, err := other.Append(audit.Entry{Call: call.Call{Tool: "read", Params: map[string]any{"path": "/etc/hostname"}}, Decision: call.Decision{Decision: call.Allow}})
	if err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(t0); waited > time.Second {
		t.Errorf("another writer waited %v for the lock after the questions stopped", waited)
	}
	if r.Seq != calls+1 {
		t.Errorf("another writer's record is seq %d, want %d", r.Seq, calls+1)
	}
	// And the server's next record chains from it.
	if ans := askDgram(t, fd, []byte(execLine("ls")), 30*time.Second); ans == nil {
		t.Fatal("no answer")
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	p.Close()
	other.Close()
	res, err := audit.Verify(l.AuditLog(), audit.VerifyOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || len(res.Notes) != 0 {
		t.Fatalf("audit chain: %v, notes %q", res.Problem, res.Notes)
	}
	if res.Records != calls+2 {
		t.Errorf("audit holds %d records, want %d", res.Records, calls+2)
	}
}

// TestListenDatagramOtherUser: a datagram from another user is ignored,
// even when the socket's mode would let it in. Needs root (to run the
// asker as nobody) and /usr/bin/python3 (the asker).
func TestListenDatagramOtherUser(t *testing.T) {
	// The system's python3: one under root's home cannot run as nobody.
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); os.Geteuid() != 0 || err != nil {
		t.Skip("needs root and /usr/bin/python3")
	}
	dir := shortDir(t)
	f := &fakeDecider{}
	sock, stderr, _ := startListen(t, filepath.Join(dir, "eval.sock"), f)
	os.Chmod(dir, 0o755)
	os.Chmod(sock+dgramSuffix, 0o666)
	asker := exec.Command(py, "-c", `import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("")
s.connect(sys.argv[1])
s.send(sys.argv[2].encode())
s.settimeout(2)
try:
    print(s.recv(4096).decode())
except socket.timeout:
    print("no answer")
`, sock+dgramSuffix, execLine("ls"))
	asker.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := asker.CombinedOutput()
	if err != nil {
		ls, _ := exec.Command("ls", "-la", dir).CombinedOutput()
		t.Fatalf("asker: %v\n%s\n%s", err, out, ls)
	}
	if strings.TrimSpace(string(out)) != "no answer" {
		t.Errorf("another user's question was answered: %s", out)
	}
	if n := f.count(); n != 0 {
		t.Errorf("%d calls decided, want none", n)
	}
	if !strings.Contains(stderr.String(), "datagram from uid 65534 ignored") {
		t.Errorf("not reported: %s", stderr)
	}
}

func unsafePointer(sa *syscall.RawSockaddrUnix) unsafe.Pointer { return unsafe.Pointer(sa) }
