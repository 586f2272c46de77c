//go:build linux && !386

package main

import (
	"fmt"
	"net"
	"os"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// listenDatagram opens the datagram socket at path, mode 0600 from the
// start like the stream socket, with SO_PASSCRED set so that every
// datagram arrives with its sender's credentials. The caller holds the
// stream socket next to it, so a socket file found at path is a stale one
// and is replaced; anything else there is left alone and reported.
func listenDatagram(path string) (*datagrams, error) {
	if len(path) > 107 {
		return nil, fmt.Errorf("%s is too long for a socket path", path)
	}
	if st, err := os.Lstat(path); err == nil {
		if st.Mode()&os.ModeSocket == 0 {
			return nil, fmt.Errorf("%s exists and is not a socket", path)
		}
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("remove stale socket: %w", err)
		}
	}
	old := syscall.Umask(0o177)
	c, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	syscall.Umask(old)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*datagrams, error) {
		c.Close()
		os.Remove(path)
		return nil, err
	}
	rc, err := c.SyscallConn()
	if err != nil {
		return fail(err)
	}
	var serr error
	waits := false
	if err := rc.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_PASSCRED, 1)
		if serr == nil {
			waits = waitOn(int(fd))
		}
	}); err != nil {
		return fail(err)
	}
	if serr != nil {
		return fail(fmt.Errorf("SO_PASSCRED: %w", serr))
	}
	if err := os.Chmod(path, 0o600); err != nil {
		return fail(err)
	}
	return &datagrams{c: c, reply: listenReply(path + replySuffix), waits: waits}, nil
}

// waitOn makes the datagram socket fd one that a receive without
// MSG_DONTWAIT waits on, for dgramLinger at most (SO_RCVTIMEO), and
// reports whether it could: then serveDatagrams waits for the next
// question and reads it with one recvmmsg (dgramReader.wait), where a
// ppoll and then a recvmmsg took two system calls. The descriptor is made
// blocking for that; every other receive and send on it says
// MSG_DONTWAIT, and the runtime's poller only waits for it to be
// readable, which does not depend on the flag. On failure the socket is
// left non-blocking, and the loop waits with ppoll (lingerFor).
func waitOn(fd int) bool {
	tv := syscall.NsecToTimeval(int64(dgramLinger))
	if syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &tv) != nil {
		return false
	}
	fl, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFL, 0)
	if e != 0 {
		return false
	}
	_, _, e = syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_SETFL, fl&^syscall.O_NONBLOCK)
	return e == 0
}

// replySuffix names the socket the answers are sent from, next to the
// datagram socket: PATH.dgram.reply. A client connects its socket to it
// and sends its question to PATH.dgram; the answer comes from a socket
// the server never waits on. Sent from the datagram socket itself, each
// answer woke the server once more: the socket is in the runtime's
// poller, and the kernel reports it writable (EPOLLOUT) when the asker
// reads the answer.
const replySuffix = ".reply"

// datagrams is the datagram socket and the socket its answers go from.
type datagrams struct {
	c     *net.UnixConn
	reply int  // -1: answers go from c (see listenReply)
	waits bool // a receive without MSG_DONTWAIT waits dgramLinger (see waitOn)
}

// Close removes the answering socket's name (listen removes the datagram
// socket's first) and closes the datagram socket, which ends
// serveDatagrams once the question it is answering is answered. The
// answering socket is closed by serveDatagrams as it returns, after the
// answers still being sent from it: closed here, an answer in flight could
// go out on its number reused for another socket.
func (g *datagrams) Close() error {
	if g.reply >= 0 {
		os.Remove(g.c.LocalAddr().String() + replySuffix)
	}
	return g.c.Close()
}

// closeReply closes the answering socket; serveDatagrams calls it last.
func (g *datagrams) closeReply() {
	if g.reply >= 0 {
		syscall.Close(g.reply)
	}
}

// listenReply opens the socket answers are sent from at path, mode 0600
// from the start like the others, or returns -1 when it cannot (answers
// then go from the datagram socket, as to a client that connected there).
// Nothing reads it: a stale socket file at path is replaced, anything
// else there is left alone.
func listenReply(path string) int {
	if len(path) > 107 {
		return -1
	}
	if st, err := os.Lstat(path); err == nil {
		if st.Mode()&os.ModeSocket == 0 || os.Remove(path) != nil {
			return -1
		}
	}
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC|syscall.SOCK_NONBLOCK, 0)
	if err != nil {
		return -1
	}
	old := syscall.Umask(0o177)
	err = syscall.Bind(fd, &syscall.SockaddrUnix{Name: path})
	syscall.Umask(old)
	if err == nil {
		err = os.Chmod(path, 0o600)
	}
	if err != nil {
		syscall.Close(fd)
		os.Remove(path)
		return -1
	}
	return fd
}

// dgram is one datagram received: the question, who sent it and where the
// answer goes. Its fields are what recvmsg fills in.
type dgram struct {
	buf     []byte
	n       int
	trunc   bool // longer than buf: not read whole
	name    syscall.RawSockaddrUnix
	namelen uint32
	oob     [64]byte
	cred    syscall.Ucred
	hasCred bool // the kernel attached credentials (cred)
	out     reply
	iov     syscall.Iovec
}

func newDgram() any { return &dgram{buf: make([]byte, dgramMax)} }

// dgramPool holds the state of one datagram: its buffers are large, and a
// question waiting behind another one is handed to a goroutine with its own.
var dgramPool = sync.Pool{New: newDgram}

// prepare points msg at q's buffers for one datagram.
func (q *dgram) prepare(msg *syscall.Msghdr) {
	q.iov.Base = &q.buf[0]
	q.iov.SetLen(len(q.buf))
	*msg = syscall.Msghdr{
		Name:    (*byte)(unsafe.Pointer(&q.name)),
		Namelen: uint32(unsafe.Sizeof(q.name)),
		Iov:     &q.iov,
		Iovlen:  1,
		Control: &q.oob[0],
	}
	msg.SetControllen(len(q.oob))
}

// got records a datagram of n bytes that the kernel read as msg says.
func (q *dgram) got(n int, msg *syscall.Msghdr) {
	q.n = n
	q.namelen = msg.Namelen
	q.trunc = msg.Flags&syscall.MSG_TRUNC != 0
	q.hasCred = credentials(q.oob[:msg.Controllen], &q.cred)
}

// dgramBatch is how many datagrams one read takes at most.
const dgramBatch = 8

// mmsghdr is struct mmsghdr of recvmmsg(2).
type mmsghdr struct {
	hdr syscall.Msghdr
	len uint32
}

// dgramReader reads the datagrams waiting on the socket, up to
// dgramBatch, with one recvmmsg(2): a lone question is read and found
// alone by one system call, where reading it and then looking for
// another behind it took two.
type dgramReader struct {
	qs [dgramBatch]*dgram
	mm [dgramBatch]mmsghdr
	// stale[i]: mm[i] is not set for qs[i] (it was read into, or qs[i]
	// was replaced); only those are set again, so that a lone question
	// touches one entry, not all of them.
	stale [dgramBatch]bool
}

func newDgramReader() *dgramReader {
	r := &dgramReader{}
	for i := range r.qs {
		r.qs[i] = newDgram().(*dgram)
		r.stale[i] = true
	}
	return r
}

// replace puts q in place of r.qs[i] and returns the one it replaces.
func (r *dgramReader) replace(i int, q *dgram) *dgram {
	old := r.qs[i]
	r.qs[i], r.stale[i] = q, true
	return old
}

// read reads what is waiting on the non-blocking socket fd into
// r.qs[from:] and returns how many it read: 0 when none was waiting
// (EAGAIN), or with err when reading failed otherwise. Raw, as recv.
func (r *dgramReader) read(fd, from int) (int, error) {
	for i := from; i < len(r.qs); i++ {
		if r.stale[i] {
			r.qs[i].prepare(&r.mm[i].hdr)
			r.stale[i] = false
		}
	}
	for {
		n, _, e := syscall.RawSyscall6(syscall.SYS_RECVMMSG, uintptr(fd), uintptr(unsafe.Pointer(&r.mm[from])),
			uintptr(len(r.qs)-from), syscall.MSG_DONTWAIT|syscall.MSG_CMSG_CLOEXEC, 0, 0)
		switch e {
		case 0:
			for i := from; i < from+int(n); i++ {
				r.qs[i].got(int(r.mm[i].len), &r.mm[i].hdr)
				r.stale[i] = true
			}
			return int(n), nil
		case syscall.EINTR:
			continue
		case syscall.EAGAIN:
			return 0, nil
		}
		return 0, e
	}
}

// wait is read for a socket that waits (waitOn): it waits at most
// dgramLinger for a datagram and reads it, and those behind it, with one
// recvmmsg(2) (MSG_WAITFORONE: the first waited for, the rest taken as
// they are). It returns 0 when none came in time, and -1 when a signal
// cut the wait short (the caller reads again, without waiting). Raw,
// as lingerFor's ppoll, and for the same reason.
func (r *dgramReader) wait(fd int) (int, error) {
	for i := range r.qs {
		if r.stale[i] {
			r.qs[i].prepare(&r.mm[i].hdr)
			r.stale[i] = false
		}
	}
	n, _, e := syscall.RawSyscall6(syscall.SYS_RECVMMSG, uintptr(fd), uintptr(unsafe.Pointer(&r.mm[0])),
		uintptr(len(r.qs)), syscall.MSG_WAITFORONE|syscall.MSG_CMSG_CLOEXEC, 0, 0)
	switch e {
	case 0:
		for i := 0; i < int(n); i++ {
			r.qs[i].got(int(r.mm[i].len), &r.mm[i].hdr)
			r.stale[i] = true
		}
		return int(n), nil
	case syscall.EAGAIN:
		return 0, nil
	case syscall.EINTR:
		return -1, nil
	}
	return 0, e
}

// credentials finds SCM_CREDENTIALS among the control messages in oob,
// as syscall.ParseSocketControlMessage and ParseUnixCredentials find them
// (none when any message is malformed; the first that carries a whole
// Ucred), and copies them into u. It reads the messages in place: those
// two allocate a slice of messages and a Ucred for every question.
func credentials(oob []byte, u *syscall.Ucred) bool {
	found := -1
	for i := 0; i+syscall.CmsgLen(0) <= len(oob); {
		h := (*syscall.Cmsghdr)(unsafe.Pointer(&oob[i]))
		if h.Len < syscall.SizeofCmsghdr || uint64(h.Len) > uint64(len(oob)-i) {
			return false
		}
		data := i + syscall.CmsgLen(0)
		if found < 0 && h.Level == syscall.SOL_SOCKET && h.Type == syscall.SCM_CREDENTIALS &&
			i+int(h.Len)-data >= int(unsafe.Sizeof(syscall.Ucred{})) {
			found = data
		}
		i += syscall.CmsgSpace(int(h.Len) - syscall.CmsgLen(0))
	}
	if found < 0 {
		return false
	}
	*u = *(*syscall.Ucred)(unsafe.Pointer(&oob[found]))
	return true
}

// send writes the answer to the address the question came from, without
// waiting: the asker's socket is fresh and its queue empty, and an asker
// that is gone has nothing to wait for. It returns the error, EPERM when
// the asker's socket is connected to another socket than fd.
func (q *dgram) send(fd int, b []byte) syscall.Errno {
	iov := syscall.Iovec{Base: &b[0]}
	iov.SetLen(len(b))
	msg := syscall.Msghdr{Name: (*byte)(unsafe.Pointer(&q.name)), Namelen: q.namelen, Iov: &iov, Iovlen: 1}
	for {
		_, _, e := syscall.RawSyscall(syscall.SYS_SENDMSG, uintptr(fd), uintptr(unsafe.Pointer(&msg)), syscall.MSG_DONTWAIT|syscall.MSG_NOSIGNAL)
		if e != syscall.EINTR {
			return e
		}
	}
}

// trusted reports whether the sender may ask: the user the server runs as,
// or root, the same users the socket's mode 0600 lets in.
func (q *dgram) trusted() bool {
	return q.hasCred && (q.cred.Uid == euid || q.cred.Uid == 0)
}

// euid is the user the server runs as.
var euid = uint32(os.Geteuid())

// handle decides the question in q and sends the answer from the
// answering socket reply, or from rc's when the asker's socket is
// connected there (or there is no answering socket). A sender with no
// address (an unbound socket) cannot be answered and is ignored before
// anything is decided; so is one whose credentials are missing or not the
// server's user's.
func (q *dgram) handle(rc syscall.RawConn, reply int, d decider, report func(error)) {
	if q.namelen <= uint32(unsafe.Sizeof(q.name.Family)) {
		return
	}
	if !q.trusted() {
		uid := "unknown"
		if q.hasCred {
			uid = fmt.Sprint(q.cred.Uid)
		}
		report(fmt.Errorf("datagram from uid %s ignored", uid))
		return
	}
	var ans []byte
	if q.trunc {
		ans = rejectLine(d, errTooLong, report, &q.out)
	} else {
		ans = answer(q.buf[:q.n], d, report, &q.out)
	}
	if len(ans) == 0 {
		return
	}
	if reply >= 0 && q.send(reply, ans) != syscall.EPERM {
		return
	}
	rc.Control(func(fd uintptr) { q.send(int(fd), ans) })
}

// dgramLinger is how long serveDatagrams waits for the next question
// itself before it leaves the socket to the runtime's poller: the audit
// trail's window for records that come back to back.
const dgramLinger = 3 * time.Millisecond

// lingerFor waits at most d for fd to be readable and reports whether it
// is. The wait is a raw system call, which the runtime sees as this
// goroutine running: told of it (syscall.Syscall6), the runtime's monitor
// thread wakes every 20 us while it lasts, to see whether it should hand
// this goroutine's processor to another, five context switches a question
// where it saved two. The runtime's preemption signal cuts the wait short
// (EINTR): it goes on from a function call, where the goroutine can be
// stopped.
func lingerFor(fd int, d time.Duration) bool {
	end := time.Now().Add(d)
	pfd := struct {
		fd             int32
		events, revent int16
	}{fd: int32(fd), events: 1} // POLLIN
	for {
		left := time.Until(end)
		if left <= 0 {
			return false
		}
		ts := syscall.NsecToTimespec(int64(left))
		n, _, e := syscall.RawSyscall6(syscall.SYS_PPOLL, uintptr(unsafe.Pointer(&pfd)), 1, uintptr(unsafe.Pointer(&ts)), 0, 0, 0)
		switch {
		case e == syscall.EINTR:
			continue
		case e != 0:
			return false
		}
		return n > 0 && pfd.revent&1 != 0
	}
}

// serveDatagrams answers the questions that arrive on c until c is
// closed. A question is decided on the goroutine that read it; questions
// found waiting behind it (read with it, see dgramReader) go to goroutines
// of their own (at most maxConns at once), so that asking at once is
// decided at once, while a lone question (an exec's) wakes no second
// thread.
//
// The whole loop runs inside one rc.Read: after an answer, its callback
// returns false and the runtime's poller waits for the socket to become
// readable again, without a read first. A read that finds nothing costs
// a system call per question (the poller is edge-triggered and remembers
// an arrival it has not handed over, so nothing is missed: every datagram
// that arrives after a read that found the queue empty, or fewer than it
// asked for, is a new edge). rc.Read resets that memory when it starts,
// so a loop calling it once per question must read first.
func serveDatagrams(g *datagrams, d decider, report func(error)) {
	defer g.closeReply()
	rc, err := g.c.SyscallConn()
	if err != nil {
		report(err)
		return
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	slots := make(chan struct{}, maxConns) // questions decided on goroutines of their own
	r := newDgramReader()
	var rerr error
	at, _ := d.(attender)
	var lastDone time.Time // when the last answer was sent
	rc.Read(func(sfd uintptr) bool {
		fd := int(sfd)
		var k int
		var err error
	again:
		k, err = r.read(fd, 0)
	got:
		if err != nil {
			rerr = err
			if at != nil {
				at.Release()
			}
			return true
		}
		if k == 0 {
			if at != nil {
				if err := at.Release(); err != nil {
					report(err)
				}
			}
			return false // wait for the next one
		}
		// near: this question came within dgramLinger of the last
		// answer (or while waiting for it, which is the same).
		near := !lastDone.IsZero() && time.Since(lastDone) < dgramLinger
		if at != nil {
			at.Attend()
		}
		q := r.qs[0]
		for {
			for i := 1; i < k; i++ {
				next := r.replace(i, dgramPool.Get().(*dgram))
				select {
				case slots <- struct{}{}:
					wg.Add(1)
					go func() {
						defer func() { <-slots; wg.Done() }()
						next.handle(rc, g.reply, d, report)
						dgramPool.Put(next)
					}()
				default:
					// As many as maxConns at once already: decide this
					// one here, and read no more meanwhile (the queue
					// fills and askers turn to the stream socket and
					// its bound).
					next.handle(rc, g.reply, d, report)
					dgramPool.Put(next)
				}
			}
			if k < len(r.qs) {
				break
			}
			// The read was full: more may be waiting behind q.
			more, _ := r.read(fd, 1)
			if more == 0 {
				break
			}
			k = 1 + more
		}
		q.handle(rc, g.reply, d, report)
		// Wait here a while for the next question when they are coming
		// close together: a program that runs programs in a loop asks
		// again within a millisecond or two. Woken here, straight from
		// the kernel, the answer takes no trip through the runtime's
		// poller and scheduler (which wakes a second thread for every
		// question it hands over), and the audit trail keeps its lock
		// over the wait (see attender). Questions further apart (a busy
		// machine, an agent's own pace) are not waited for: each wait
		// would end empty, one more wakeup than it saves.
		lastDone = time.Now()
		if near && g.waits {
			// The socket waits by itself: the wait and the read are
			// one system call.
			if k, err = r.wait(fd); k < 0 {
				goto again // a signal: read what is there, without waiting
			}
			if k > 0 || err != nil {
				goto got
			}
		} else if near && lingerFor(fd, dgramLinger) {
			goto again
		}
		if at != nil {
			if err := at.Release(); err != nil {
				report(err)
			}
		}
		// The queue was found empty (a read returned fewer than it
		// asked for, or nothing came while we waited): whatever comes
		// now is a new edge for the poller.
		return false
	}) // an error: closed
	if rerr != nil {
		report(fmt.Errorf("datagram socket: %w", rerr))
	}
}
