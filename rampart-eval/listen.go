package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide/watch"
	"rampart.dev/pkg/home"
)

// decider is the decision point listen serves; *decide.Point satisfies it.
// Decide must be safe for concurrent use: every connection calls it from its
// own goroutine. Reload re-reads the policy and keeps the last good one when
// the new one is bad, returning why.
type decider interface {
	Decide(call.Call) call.Decision
	Reload() error
}

// attender is a decider whose audit trail may keep its lock between
// records that come back to back while its caller answers them and waits
// for the next itself; *decide.Point satisfies it. Release must follow
// every Attend (see audit.Log.Attend).
type attender interface {
	Attend()
	Release() error
}

// policyFiler is a decider that names the files whose changes call for a
// Reload (see withPolicyFiles). listen watches them with fsnotify.
type policyFiler interface {
	PolicyFiles() []string
}

// watchedFiler is a decider that names the files to watch, as
// *decide.Point does (its user and managed policy files).
type watchedFiler interface {
	WatchedFiles() []string
}

// withPolicyFiles returns d, watched for changes to files by listen.
func withPolicyFiles(d decider, files ...string) decider { return watched{d, files} }

type watched struct {
	decider
	files []string
}

func (w watched) PolicyFiles() []string { return w.files }

const (
	// maxConns bounds the connections served at once, so a runaway client
	// cannot exhaust file descriptors; the next connection waits in the
	// listen backlog and librampart's own timeout turns a long wait into a
	// deny.
	maxConns = 1024
	// probeTimeout is how long a live server gets to answer when an
	// existing socket file is found.
	probeTimeout = 500 * time.Millisecond
)

// listen serves the JSON Lines protocol of rampart-eval on a unix socket
// until ctx is done: one Call per line in, one Decision per line out, in
// order, on each of any number of concurrent connections. addr is
// "unix:PATH", a path, or empty for the layout's eval socket. The socket is
// created with mode 0600 (and its directory with 0700 when missing); a
// stale socket file left by a dead server is replaced, a live one is not.
// The policy files d names (see withPolicyFiles) are watched and d.Reload
// runs when they change. Diagnostics go to stderr; listen returns nil
// after a clean shutdown.
func listen(ctx context.Context, addr string, d decider, stderr io.Writer) error {
	stderr = &syncWriter{w: stderr}
	path, err := socketPath(addr)
	if err != nil {
		return err
	}
	ln, err := openSocket(path, stderr)
	if err != nil {
		return err
	}
	defer ln.Close()

	var files []string
	switch pf := d.(type) {
	case policyFiler:
		files = pf.PolicyFiles()
	case watchedFiler:
		files = pf.WatchedFiles()
	}
	if len(files) > 0 {
		wctx, stop := context.WithCancel(ctx)
		defer stop()
		report := func(err error) {
			if err != nil {
				fmt.Fprintf(stderr, "rampart-eval: error: reload policy: %v\n", err)
				fmt.Fprintf(stderr, "rampart-eval: hint: keeping the last good policy\n")
			} else {
				fmt.Fprintf(stderr, "rampart-eval: policy reloaded\n")
			}
		}
		if err := watch.Files(wctx, files, d.Reload, report); err != nil {
			fmt.Fprintf(stderr, "rampart-eval: error: watch policy: %v\n", err)
			fmt.Fprintf(stderr, "rampart-eval: hint: the policy is not reloaded on change; restart to pick up edits\n")
		}
	}
	// The datagram socket next to it answers one-question clients; without
	// it they ask on the stream socket.
	dpath := path + dgramSuffix
	dc, err := listenDatagram(dpath)
	if err != nil {
		fmt.Fprintf(stderr, "rampart-eval: hint: no datagram socket (%v); every question uses the stream socket\n", err)
	}
	fmt.Fprintf(stderr, "rampart-eval: listening on unix:%s\n", path)

	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		conns = map[net.Conn]struct{}{}
		slots = make(chan struct{}, maxConns)
	)
	reportErr := func(err error) {
		fmt.Fprintf(stderr, "rampart-eval: error: %s: %v\n", path, err)
	}
	var dwg sync.WaitGroup
	if dc != nil {
		dwg.Add(1)
		go func() {
			defer dwg.Done()
			serveDatagrams(dc, d, reportErr)
		}()
		defer func() {
			// Remove the name first: a client finding no socket asks
			// on the stream one instead of waiting for an answer.
			os.Remove(dpath)
			dc.Close()
			dwg.Wait()
		}()
	}
	go func() {
		<-ctx.Done()
		ln.Close()
		// Unblock readers; a decision in progress is still answered.
		mu.Lock()
		for c := range conns {
			c.SetReadDeadline(time.Now())
		}
		mu.Unlock()
	}()
	done := func(conn net.Conn) {
		mu.Lock()
		delete(conns, conn)
		mu.Unlock()
		conn.Close()
		<-slots
	}
	idle := connIdle
	handle := func(j job) {
		serve(idleReader{ctx, j.conn, j.r, idle}, j.conn, d, reportErr)
		done(j.conn)
	}
	work := make(chan job)
	first := make([]byte, readBuf)
	var acceptErr error
	for {
		slots <- struct{}{}
		conn, err := ln.Accept()
		if err != nil {
			<-slots
			if ctx.Err() == nil {
				if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
					// Out of descriptors: let connections finish.
					time.Sleep(10 * time.Millisecond)
					continue
				}
				acceptErr = fmt.Errorf("accept on %s: %w", path, err)
			}
			break
		}
		mu.Lock()
		conns[conn] = struct{}{}
		if ctx.Err() != nil {
			// Shutting down: the loop above may have missed this one.
			conn.SetReadDeadline(time.Now())
		}
		mu.Unlock()
		// librampart's question for one exec is usually all there by
		// now, ended by its shutdown: answer it here. Handing it to
		// another goroutine would wake another thread for it, which on
		// a small machine costs more than the decision.
		p := readPending(conn, first)
		if p.eof && (len(p.data) == 0 || oneLine(p.data)) {
			serve(bytes.NewReader(p.data), conn, d, reportErr)
			done(conn)
			continue
		}
		// A longer exchange: hand it to an idle worker, or start one.
		// Workers outlive their connection for a while, so that a fresh
		// goroutine does not have to grow its stack each time.
		j := job{conn: conn, r: p.reader(conn)}
		select {
		case work <- j:
		default:
			wg.Add(1)
			go func() {
				defer wg.Done()
				worker(ctx, j, work, handle)
			}()
		}
	}
	wg.Wait()
	return acceptErr
}

// connIdle is how long a connection may wait between questions before
// the server closes it. librampart keeps one connection per process for
// the calls that return (system, popen, posix_spawn) and opens a fresh one
// when it finds its old one closed; an idle process must not hold one of
// the maxConns slots for ever. A variable so that tests can shorten it.
var connIdle = 30 * time.Second

// idleReader reads a connection through r, each read bounded by connIdle,
// except once ctx is done, when the deadline set to stop readers stays.
type idleReader struct {
	ctx  context.Context
	conn net.Conn
	r    io.Reader
	idle time.Duration // connIdle when listen started
}

func (i idleReader) Read(p []byte) (int, error) {
	if i.ctx.Err() == nil {
		i.conn.SetReadDeadline(time.Now().Add(i.idle))
		if i.ctx.Err() != nil {
			// Shutdown began meanwhile, and may have set its deadline
			// before ours.
			i.conn.SetReadDeadline(time.Now())
		}
	}
	return i.r.Read(p)
}

// workerIdle is how long a connection worker waits for the next
// connection before it exits.
const workerIdle = 10 * time.Second

// job is a connection for a worker, read through r (which starts with
// what the accept loop already read from it).
type job struct {
	conn net.Conn
	r    io.Reader
}

// worker handles j, then further jobs from work until it has been idle
// for workerIdle or ctx is done.
func worker(ctx context.Context, j job, work <-chan job, handle func(job)) {
	idle := time.NewTimer(workerIdle)
	defer idle.Stop()
	for {
		handle(j)
		idle.Reset(workerIdle)
		select {
		case j = <-work:
		case <-idle.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// serve answers the Calls read from r on w until r ends: one Decision per
// non-empty line, in order. A line that is not a valid Call, or is longer
// than call.MaxLine, is answered with a deny flagged bad_input (audited when
// d can Reject) and reported without its content, which may hold a secret;
// the stream goes on.
func serve(r io.Reader, w io.Writer, d decider, report func(error)) {
	// librampart opens a connection per exec: reuse the buffers.
	br := readers.Get().(*bufio.Reader)
	br.Reset(r)
	bw := writers.Get().(*bufio.Writer)
	bw.Reset(w)
	defer func() {
		br.Reset(nil)
		bw.Reset(nil)
		readers.Put(br)
		writers.Put(bw)
	}()
	in := call.NewReader(br) // uses br itself: it is large enough
	out := call.NewWriter(bw)
	// One decision for the connection, given to out by pointer: given by
	// value, as an interface, each was copied to the heap. Every
	// question sets it whole.
	var dec call.Decision
	for {
		c, err := in.Read()
		switch {
		case err == nil:
			dec = d.Decide(c)
		case call.IsBadInput(err):
			report(err)
			dec = reject(d, err)
		default:
			// io.EOF, or the connection went away.
			return
		}
		if err := out.Write(&dec); err != nil {
			return
		}
	}
}

// readBuf is the read buffer of a connection: call.NewReader's own size,
// so that it takes the pooled reader as it is.
const readBuf = 64 << 10

var (
	readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, readBuf) }}
	writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4<<10) }}
)

// rejecter is a decider that audits the deny it gives a bad line.
type rejecter interface {
	Reject(c call.Call, reason string) call.Decision
}

// reject is the deny for bad input (err), audited when d can Reject.
func reject(d decider, err error) call.Decision {
	if rj, ok := d.(rejecter); ok {
		return rj.Reject(call.Call{}, err.Error())
	}
	return call.Decision{Decision: call.Deny, Message: err.Error(), Flags: []string{call.FlagBadInput}}
}

// socketPath turns a --listen address into a socket path.
func socketPath(addr string) (string, error) {
	p := addr
	if rest, ok := strings.CutPrefix(addr, "unix:"); ok {
		p = rest
	} else if i := strings.Index(addr, ":"); i > 0 && !strings.ContainsRune(addr[:i], '/') {
		return "", fmt.Errorf("unsupported listen address %q (want unix:PATH)", addr)
	}
	if p == "" {
		userHome, err := os.UserHomeDir()
		if err != nil && os.Getenv("RAMPART_HOME") == "" {
			return "", fmt.Errorf("no socket path given and no home directory: %w", err)
		}
		p = home.Resolve(os.Getenv, userHome).EvalSocket()
	}
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	// sockaddr_un.sun_path holds 108 bytes with the terminating NUL.
	if len(p) > 107 {
		return "", fmt.Errorf("socket path %s is too long (%d bytes, at most 107)", p, len(p))
	}
	return p, nil
}

// openSocket listens on path: directory created 0700 if missing, socket
// created 0600, a stale socket file replaced.
func openSocket(path string, stderr io.Writer) (*net.UnixListener, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if open := openToOthers(dir); open != "" {
		fmt.Fprintf(stderr, "rampart-eval: hint: %s is open to other users (%s); a directory only its owner can open keeps the socket private\n", dir, open)
	}
	if st, err := os.Lstat(path); err == nil {
		if st.Mode()&os.ModeSocket == 0 {
			return nil, fmt.Errorf("%s exists and is not a socket", path)
		}
		if c, err := net.DialTimeout("unix", path, probeTimeout); err == nil {
			c.Close()
			return nil, fmt.Errorf("another server is listening on %s", path)
		}
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("remove stale socket: %w", err)
		}
	}
	return listenPrivate(path)
}

// syncWriter serialises writes from the connection goroutines, so that
// diagnostic lines never interleave.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
