//go:build unix

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"rampart.dev/rampart-hook/internal/hookwire"
)

// requestTimeout bounds how long a client may take to send its request
// (the payload itself is read later, under the hook's --read-timeout).
const requestTimeout = 5 * time.Second

// upgradeCheck is how often an idle decider looks whether its executable
// was replaced, and exits if it was.
const upgradeCheck = 2 * time.Second

// serveDecider serves at path until idle or until the executable changes.
// The socket's directory must be private (created 0700 when missing,
// owned by this user, open to no one else); a lock file beside the socket
// makes a second decider for the same directory exit at once, quietly.
func serveDecider(ctx context.Context, path string, idle time.Duration, stderr io.Writer) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := privateDir(dir); err != nil {
		return err
	}
	lock, err := os.OpenFile(filepath.Join(dir, hookwire.LockName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil // another decider serves this directory
		}
		return fmt.Errorf("lock %s: %w", lock.Name(), err)
	}
	// The lock file names the decider that holds it, for whoever wants
	// it gone before its idle time is up.
	lock.Truncate(0)
	lock.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	if fi, err := os.Lstat(path); err == nil {
		// The lock is ours, so no decider is behind a socket there.
		if fi.Mode().Type() != os.ModeSocket {
			return fmt.Errorf("%s exists and is not a socket", path)
		}
		if err := os.Remove(path); err != nil {
			return err
		}
	}
	old := syscall.Umask(0o177)
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	syscall.Umask(old)
	if err != nil {
		return err
	}
	ln.SetUnlinkOnClose(false)
	mine, err := os.Lstat(path)
	if err != nil {
		ln.Close()
		return err
	}
	defer func() {
		// Remove the socket only while it is still the one made here.
		if fi, err := os.Lstat(path); err == nil && os.SameFile(fi, mine) {
			os.Remove(path)
		}
		ln.Close()
	}()
	exe := executableStamp()
	s := &deciderServer{cache: &pointCache{}, exe: exe, stop: func() { ln.Close() }}
	defer s.cache.closeAll()
	var wg sync.WaitGroup
	defer wg.Wait()
	last := time.Now() // the last request, or the start
	for {
		if ctx.Err() != nil {
			return nil
		}
		wait := idle - time.Since(last)
		if wait > upgradeCheck || wait <= 0 {
			wait = upgradeCheck
		}
		ln.SetDeadline(time.Now().Add(wait))
		conn, err := ln.AcceptUnix()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				if s.busy() {
					continue
				}
				// Clients hand calls only to the executable beside
				// them: a replaced one would get none until idle.
				if time.Since(last) >= idle || executableStamp() != exe {
					return nil
				}
				continue
			}
			if s.stopping() {
				return nil
			}
			return err
		}
		// The usual request is handled here, by the goroutine that
		// accepted it: its payload is already waiting on the stdin it
		// sends, and handing it to another goroutine would wake another
		// thread, which costs more than the decision. A request whose
		// payload is not there yet gets a goroutine of its own, so that
		// a slow writer holds up no one else.
		if !peerIsUs(conn) {
			conn.Close()
			continue
		}
		if _, err := conn.Write([]byte{hookwire.Ready}); err != nil {
			conn.Close()
			continue
		}
		last = time.Now()
		conn.SetReadDeadline(time.Now().Add(requestTimeout))
		req, files, err := readRequest(conn)
		conn.SetReadDeadline(time.Time{})
		if err != nil || len(files) != 3 || ready(files[0]) {
			s.answer(ctx, conn, req, files, err, stderr)
			continue
		}
		s.begin()
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer s.end()
			s.answer(ctx, conn, req, files, nil, stderr)
		}()
	}
}

// privateDir checks that dir is a directory of this user's that no one
// else can enter or write.
func privateDir(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !fi.IsDir() || !ok {
		return fmt.Errorf("%s is not a directory", dir)
	}
	if int(st.Uid) != os.Getuid() {
		return fmt.Errorf("%s belongs to another user (uid %d)", dir, st.Uid)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%s is open to other users (mode %v); it must be 0700", dir, fi.Mode().Perm())
	}
	return nil
}

// deciderServer is the state the connections share.
type deciderServer struct {
	cache *pointCache
	exe   fileStamp
	stop  func() // stops accepting connections

	mu       sync.Mutex
	active   int
	upgraded bool
}

func (s *deciderServer) begin() { s.mu.Lock(); s.active++; s.mu.Unlock() }
func (s *deciderServer) end()   { s.mu.Lock(); s.active--; s.mu.Unlock() }

func (s *deciderServer) busy() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.active > 0
}

func (s *deciderServer) stopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.upgraded
}

// answer answers one client: its request runs as rampart-hook's command
// line on the descriptors it sent, unless the request could not be read
// (err) or the executable has changed since
// the decider started, when it is left to the client (NotServed)
// untouched (the peer was checked before). The client's descriptors are closed before it is answered,
// so that the agent sees the end of the answer when the client exits.
func (s *deciderServer) answer(ctx context.Context, conn *net.UnixConn, req hookwire.Request, files []*os.File, err error, stderr io.Writer) {
	defer conn.Close()
	code := hookwire.NotServed
	switch {
	case err != nil || len(files) != 3:
		if err != nil && !errors.Is(err, io.EOF) {
			fmt.Fprintf(stderr, "rampart-hook decider: error: %v\n", err)
		}
	case executableStamp() != s.exe:
		s.mu.Lock()
		s.upgraded = true
		s.mu.Unlock()
		s.stop()
	default:
		code = runHook(ctx, req.Args, files[0], files[1], files[2], requestEnv(req, s.cache.open))
	}
	for _, f := range files {
		f.Close()
	}
	conn.Write([]byte{exitByte(code)})
}

// ready reports whether f (a client's stdin) has something to read, or
// its end, without waiting.
func ready(f *os.File) bool {
	rc, err := f.SyscallConn()
	if err != nil {
		return false
	}
	n := 0
	var perr error
	if err := rc.Control(func(fd uintptr) {
		n, perr = unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}, 0)
	}); err != nil || perr != nil {
		return false
	}
	return n > 0
}

// peerIsUs reports whether the process at the other end of conn runs as
// this user (or root).
func peerIsUs(conn *net.UnixConn) bool {
	uid, ok := peerUID(conn)
	return ok && (uid == os.Getuid() || uid == 0)
}

// requestBufs are the buffers requests are read into (ParseRequest
// copies what it keeps).
var requestBufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// readRequest reads a request and the descriptors sent with it.
func readRequest(conn *net.UnixConn) (hookwire.Request, []*os.File, error) {
	var files []*os.File
	pb := requestBufs.Get().(*[]byte)
	buf := (*pb)[:0]
	defer func() {
		if cap(buf) <= 64<<10 {
			*pb = buf[:0]
			requestBufs.Put(pb)
		}
	}()
	oob := make([]byte, syscall.CmsgSpace(4*4))
	want := -1
	for want < 0 || len(buf) < want {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, oobn, _, _, err := conn.ReadMsgUnix(buf[len(buf):cap(buf)], oob)
		if n < 0 {
			n = 0 // (a failed read, a timeout included, reports -1)
		}
		if oobn > 0 {
			fs, perr := unixRights(oob[:oobn])
			files = append(files, fs...)
			if perr != nil {
				return hookwire.Request{}, files, perr
			}
		}
		buf = buf[:len(buf)+n]
		if want < 0 && len(buf) >= hookwire.HeaderLen {
			body, ok := hookwire.BodyLen(buf)
			if !ok {
				return hookwire.Request{}, files, hookwire.ErrBadRequest
			}
			want = hookwire.HeaderLen + body
		}
		if err != nil {
			if err == io.EOF && want >= 0 && len(buf) >= want {
				break
			}
			return hookwire.Request{}, files, err
		}
		if n == 0 {
			return hookwire.Request{}, files, io.ErrUnexpectedEOF
		}
	}
	if len(buf) != want {
		return hookwire.Request{}, files, hookwire.ErrBadRequest
	}
	req, err := hookwire.ParseRequest(buf[hookwire.HeaderLen:])
	return req, files, err
}

// unixRights turns the descriptors in a control message into files.
func unixRights(oob []byte) ([]*os.File, error) {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return nil, err
	}
	var files []*os.File
	for _, m := range msgs {
		fds, err := syscall.ParseUnixRights(&m)
		if err != nil {
			continue
		}
		for _, fd := range fds {
			files = append(files, os.NewFile(uintptr(fd), "client-fd"))
		}
	}
	return files, nil
}

// fileStamp identifies a version of a file: device, inode, size and
// modification time.
type fileStamp struct {
	dev, ino uint64
	size     int64
	mtime    int64
}

// executableStamp is the running executable's file as it is now (zero
// when it cannot be found): a decider whose binary was replaced stops
// serving, so that an upgrade takes effect at the next call.
func executableStamp() fileStamp {
	exe, err := os.Executable()
	if err != nil {
		return fileStamp{}
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return fileStamp{}
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStamp{}
	}
	return fileStamp{dev: uint64(st.Dev), ino: uint64(st.Ino), size: fi.Size(), mtime: fi.ModTime().UnixNano()}
}
