package main

import (
	"syscall"
	"unsafe"

	"rampart.dev/rampart-hook/internal/hookwire"
)

// answerTimeout bounds the wait for the decider's answer: past the hook's
// own --read-timeout (10 s by default) for the payload, and short of the
// agents' hook timeouts, some of which let a call through when a hook
// takes too long.
const answerTimeout = 25 // seconds

// connectTimeoutMs bounds, in milliseconds, the wait to connect to the
// decider and to send it the request.
const connectTimeoutMs = 500

// readyTimeoutMs bounds, in milliseconds, the wait for the decider to
// take the connection (hookwire.Ready).
const readyTimeoutMs = 500

// socketPath is the decider's socket, "" when the Rampart home is not an
// absolute path (a relative one would name different files for this
// process and the decider).
func socketPath() string {
	dir := hookwire.RunDir(getenv)
	if dir == "" || dir[0] != '/' {
		return ""
	}
	return dir + "/" + hookwire.SocketName
}

// ask hands the call to the decider.
func ask(args []string) (int, outcome) {
	path := socketPath()
	if path == "" {
		return 0, refused
	}
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return 0, refused
	}
	defer syscall.Close(fd)
	// A unix socket's connect waits while the listener's queue is full
	// (a stopped decider, or one held up by connections that send
	// nothing, which any process of the user's can open), and past the
	// agent's hook timeout some agents run the call: the wait, and the
	// request's send, are bounded, and rampart-hook judges the call.
	stv := syscall.Timeval{Usec: connectTimeoutMs * 1000}
	syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_SNDTIMEO, &stv)
	if err := syscall.Connect(fd, &syscall.SockaddrUnix{Name: path}); err != nil {
		if err == syscall.ENOENT || err == syscall.ECONNREFUSED {
			return 0, absent
		}
		return 0, refused
	}
	if !trusted(fd, path) {
		return 0, refused
	}
	// Nothing is sent before the decider says it has taken the
	// connection: one that has not within readyTimeoutMs (stopped, or
	// held up by other connections) would hold the descriptors, and the
	// agent waiting on this call's stdout, for as long as it likes.
	if b, ok := readByte(fd, readyTimeoutMs); !ok || b != hookwire.Ready {
		return 0, refused
	}
	cwd, _ := syscall.Getwd()
	req := hookwire.AppendRequest(requestBuf[:0], hookwire.Request{Args: args, Cwd: cwd, Env: environ})
	n, err := syscall.SendmsgN(fd, req, syscall.UnixRights(0, 1, 2), nil, 0)
	if err != nil || n == 0 {
		return 0, refused // nothing was sent: the descriptors are untouched
	}
	for n < len(req) {
		m, err := syscall.Write(fd, req[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || m <= 0 {
			return 0, lost
		}
		n += m
	}
	b, ok := readByte(fd, answerTimeout*1000)
	if !ok {
		return 0, lost
	}
	if b == hookwire.NotServed {
		return 0, refused
	}
	return int(b), answered
}

// readByte reads one byte from fd within ms milliseconds. The runtime's
// preemption signal interrupts the read every few milliseconds, and each
// new read would start SO_RCVTIMEO again: the time left is counted from
// the clock, so that the bound holds.
func readByte(fd int, ms int64) (byte, bool) {
	deadline := nowMs() + ms
	var b [1]byte
	for {
		left := deadline - nowMs()
		if left <= 0 {
			return 0, false
		}
		tv := syscall.Timeval{Sec: left / 1000, Usec: left % 1000 * 1000}
		syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &tv)
		// A raw system call: the wait is the decision's whole length,
		// and through the scheduler the runtime would hand this
		// goroutine's processor to a new thread meanwhile, which costs
		// this short process more than the wait itself.
		m, _, errno := syscall.RawSyscall(syscall.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), 1)
		if errno == syscall.EINTR {
			continue
		}
		if errno != 0 || m != 1 {
			return 0, false
		}
		return b[0], true
	}
}

// nowMs is the time in milliseconds, from the monotonic clock.
func nowMs() int64 {
	var ts syscall.Timespec
	syscall.RawSyscall(syscall.SYS_CLOCK_GETTIME, 1 /* CLOCK_MONOTONIC */, uintptr(unsafe.Pointer(&ts)), 0)
	return ts.Sec*1000 + ts.Nsec/1e6
}

// trusted reports whether the socket at path, connected on fd, is this
// user's decider: the directory is this user's and open to no one else,
// the socket is a socket of this user's, and the process listening runs
// as this user or root, and runs the rampart-hook beside this executable.
func trusted(fd int, path string) bool {
	uid := uint32(syscall.Getuid())
	var st syscall.Stat_t
	dir := path[:lastSlash(path)]
	if syscall.Lstat(dir, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFDIR || st.Uid != uid || st.Mode&0o077 != 0 {
		return false
	}
	if syscall.Lstat(path, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFSOCK || st.Uid != uid {
		return false
	}
	cred, err := syscall.GetsockoptUcred(fd, syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	if err != nil || (cred.Uid != uid && cred.Uid != 0) {
		return false
	}
	return peerIsHook(cred.Pid)
}

// peerIsHook reports whether the process listening (pid, from SO_PEERCRED)
// runs the rampart-hook beside this executable: the same file, by device
// and inode, as /proc/PID/exe. Any process of this user's can bind a
// socket where the decider's was (the agent's own tool calls run as this
// user), and one that answers an exit code without writing a decision
// would let every call through; only rampart-hook's own code is handed
// the call. A decider whose executable was since replaced (an upgrade)
// fails this too, and the call goes to the new rampart-hook.
func peerIsHook(pid int32) bool {
	if pid <= 0 {
		return false
	}
	var want, got syscall.Stat_t
	if syscall.Stat(fullHook(), &want) != nil {
		return false
	}
	var buf [32]byte
	path := append(append(append(buf[:0], "/proc/"...), itoa(uint32(pid))...), "/exe"...)
	if syscall.Stat(string(path), &got) != nil {
		return false
	}
	return got.Dev == want.Dev && got.Ino == want.Ino && peerRuns(pid)
}

// peerRuns reports whether process pid is neither stopped (SIGSTOP, any
// process of the user's can send it), nor in a tracer's stop, nor gone,
// from the state in /proc/PID/stat: a stopped decider would take the call
// and answer nothing, and the call would be blocked after answerTimeout
// where rampart-hook can judge it now.
func peerRuns(pid int32) bool {
	var buf [32]byte
	path := append(append(append(buf[:0], "/proc/"...), itoa(uint32(pid))...), "/stat"...)
	var stat [512]byte
	b, ok := readAll(string(path), stat[:0])
	if !ok {
		return false
	}
	// PID (COMM) STATE ...: COMM may hold anything, so the state
	// follows the last ')'.
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == ')' {
			if i+2 >= len(b) {
				return false
			}
			switch b[i+2] {
			case 'T', 't', 'Z', 'X', 'x':
				return false
			}
			return true
		}
	}
	return false
}

// itoa is n in decimal.
func itoa(n uint32) string {
	var b [10]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return 0
}

// startDecider starts `rampart-hook decider` for this Rampart home,
// detached (a session of its own, stdio on /dev/null, in /), for the calls
// that follow; it exits by itself when idle. Failing to start it changes
// nothing for this call.
func startDecider() {
	path := socketPath()
	if path == "" {
		return
	}
	null, err := syscall.Open("/dev/null", syscall.O_RDWR|syscall.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	defer syscall.Close(null)
	bin := fullHook()
	fd := uintptr(null)
	syscall.ForkExec(bin, []string{bin, "decider", "--listen", path}, &syscall.ProcAttr{
		Dir:   "/",
		Env:   environ,
		Files: []uintptr{fd, fd, fd},
		Sys:   &syscall.SysProcAttr{Setsid: true},
	})
}
