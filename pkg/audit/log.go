package audit

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultMaxSize is the size past which the active file is rotated: large
// enough that rotation is rare, small enough that a rotated file is easy to
// copy, inspect and verify.
const DefaultMaxSize = 64 << 20

// Options configure a Log.
type Options struct {
	// MaxSize rotates the active file before a record would take it past
	// this many bytes: 0 means DefaultMaxSize, a negative value never.
	MaxSize int64
	// Fsync flushes the log to disk after each record. Without it a record
	// survives any crash of the writing process (it is in the kernel once
	// write(2) returns) but not a power loss or kernel crash; with it each
	// append costs a disk flush, milliseconds on most disks.
	Fsync bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// ErrClosed is returned by a closed Log.
var ErrClosed = errors.New("audit: log is closed")

// Log appends records to a hash-chained log shared with other processes.
//
// # Files
//
// Beside the active file (say audit.jsonl) live audit.jsonl.head (the last
// seq and hash, the active file's generation and the size it covers; also
// the lock file), the rotated files audit.jsonl.1, audit.jsonl.2 ... (oldest
// first; rotation renames the active file to the next number, and the chain
// goes on in the new active file), and audit.jsonl.torn (torn lines set
// aside, one JSON object each). Directories are created 0700, files 0600.
// Rotated files are never deleted by Rampart; Verify wants the chain from
// seq 1 unless told it may start later.
//
// # Crash recovery
//
// A process killed between writing a record and updating the head leaves
// the log longer than the head says; the next append reads just those
// bytes, adopts the records that chain, and goes on. A write cut short
// leaves a torn last line; the next append moves those bytes to the .torn
// file, truncates them off, and marks its record [FlagAfterTorn]. A log
// shorter than its head was cut: the next record chains from the head
// anyway and is marked [FlagAfterTruncation], so the gap stays visible to
// Verify. A missing head is rebuilt from the last record of the log.
type Log struct {
	path    string
	maxSize int64
	fsync   bool
	now     func() time.Time

	mu    sync.Mutex // serialises goroutines; flock serialises processes
	headf *os.File
	// headMap is the head file mapped for reading and writing where the
	// system allows (see mapHead), else nil.
	headMap []byte
	// headWhole: the head file was headSize bytes or more when the lock
	// was taken, so a store through headMap lands in the file.
	headWhole bool
	headBuf   [headSize]byte // the head being written
	readBuf   [headSize]byte // the head being read
	// known is the last head this Log read or wrote, as bytes and parsed
	// (knownOK: known is set).
	known     [headSize]byte
	knownHead head
	knownOK   bool
	f         *os.File // active file, O_APPEND
	gen       uint64   // generation of f
	// reserved is the offset up to which f's blocks were reserved ahead
	// of its end, by this Log or, as its blocks show, an earlier writer
	// (reserve.go); noReserve: f's file system cannot. sawReserved: f's
	// blocks have been read.
	reserved    int64
	noReserve   bool
	sawReserved bool
	ids         idSource
	params      paramsMemo // the last params recorded (see newRecord)
	buf         []byte
	closed      bool
	writes      uint64 // write(2) calls that added records, for tests and benchmarks
	locks       uint64 // times the file lock was taken, for tests and benchmarks
	// held: the last batch kept the file lock for the next, and h is the
	// head, not yet written (see writeBatch). heldSince is when this
	// stretch of holding began, lastEnd when the last batch ended, and
	// holdTimer releases the lock after holdGap without a batch.
	held      bool
	h         head
	heldSince time.Time
	lastEnd   time.Time
	holdTimer *time.Timer
	// attended: between Attend and Release, batches keep the lock on the
	// same terms without arming holdTimer: the caller releases it.
	attended bool

	qmu      sync.Mutex // guards queue, spare, writing, inflight and last
	queue    []*pending // appends waiting for the next batch
	spare    []*pending // the previous batch's slice, reused
	writing  bool       // a caller is writing a batch; the others queue
	inflight int        // appends queued or being written
	last     int        // records in the last batch written
	// appending counts the callers inside Append, queued or not yet.
	appending atomic.Int32
}

// Open opens the log at path for appending, creating its directory (0700)
// and files (0600) as needed, and recovering from a previous writer's crash.
func Open(path string, opts Options) (*Log, error) {
	l := &Log{
		path:    path,
		maxSize: opts.MaxSize,
		fsync:   opts.Fsync,
		now:     opts.Now,
		ids:     idSource{rand: systemRandom},
	}
	if l.maxSize == 0 {
		l.maxSize = DefaultMaxSize
	}
	if l.now == nil {
		l.now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	if err := l.openHead(); err != nil {
		return nil, err
	}
	if _, _, err := l.Head(); err != nil {
		l.closeHead()
		if l.f != nil {
			l.f.Close()
		}
		return nil, err
	}
	return l, nil
}

// Path returns the active file's path.
func (l *Log) Path() string { return l.path }

func (l *Log) openHead() error {
	f, err := openFile(headName(l.path), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	l.headf = f
	return nil
}

// closeHead closes the head file and drops its mapping.
func (l *Log) closeHead() error {
	unmapHead(l.headMap)
	l.headMap = nil
	return l.headf.Close()
}

func (l *Log) openActive() error {
	if l.f != nil {
		l.f.Close()
		l.f = nil
	}
	f, err := openAppend(l.path)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	l.f = f
	l.reserved, l.noReserve, l.sawReserved = 0, false, false
	return nil
}

// Append writes e as the next record of the chain and returns it, once the
// record is in the file (and on disk, with Fsync). It is safe to call from
// many goroutines and many processes at once. Appends that arrive while
// another is being written wait and are then written together, in the
// order they arrived, by one of their callers (see commit): one lock, one
// write(2), one fsync and one head update for the batch, and no caller
// returns before its own record is written. Batches that follow each other
// closely share the lock and the head update too (see writeBatch).
func (l *Log) Append(e Entry) (Record, error) {
	l.appending.Add(1)
	defer l.appending.Add(-1)
	p := newPending()
	defer p.release()
	if err := p.prepare(e, &l.params); err != nil {
		return Record{}, err
	}
	l.enqueue(p)
	return p.rec, p.err
}

// Head returns the seq and hash of the last record (0 and "" for an empty
// log), after recovering from any crash as Append would.
func (l *Log) Head() (seq uint64, hash string, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return 0, "", ErrClosed
	}
	if err := l.releaseHeld(); err != nil {
		return 0, "", err
	}
	if err := l.lock(); err != nil {
		return 0, "", err
	}
	defer l.unlock()
	h, _, err := l.sync() // flags owed to the next record stay in the head
	if err != nil {
		return 0, "", err
	}
	return h.Seq, h.Hash, nil
}

// Close releases the log's files.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	if l.holdTimer != nil {
		l.holdTimer.Stop()
	}
	err := l.releaseHeld()
	if l.f != nil {
		if e := l.f.Close(); err == nil {
			err = e
		}
	}
	if e := l.closeHead(); err == nil {
		err = e
	}
	return err
}

// lock takes the exclusive lock on the head file, reopening it if it was
// removed while we waited (a lock on a removed file guards nothing).
func (l *Log) lock() error {
	l.locks++
	for {
		if err := flock(l.headf, lockEx); err != nil {
			return fmt.Errorf("audit: lock: %w", err)
		}
		size, linked, err := fileState(l.headf)
		if err != nil {
			l.unlock()
			return fmt.Errorf("audit: %w", err)
		}
		if linked {
			l.headWhole = size >= headSize
			return nil
		}
		l.unlock()
		l.closeHead()
		if err := l.openHead(); err != nil {
			return err
		}
	}
}

func (l *Log) unlock() { flock(l.headf, lockUn) }

// write writes b with a single write(2). A short write (a full disk) is
// cut back off, so the log never keeps half a line it knows about.
func (l *Log) write(b []byte, size int64) error {
	n, err := appendOnce(l.f, b)
	l.writes++
	if err == nil && n != len(b) {
		err = io.ErrShortWrite
	}
	if err != nil {
		if n > 0 {
			truncate(l.f, size)
			l.reserved = 0 // the cut gave back what was reserved
		}
		return fmt.Errorf("audit: write %s: %w", l.path, err)
	}
	if l.fsync {
		if err := l.f.Sync(); err != nil {
			return fmt.Errorf("audit: fsync %s: %w", l.path, err)
		}
	}
	return nil
}

// rotate renames the active file to the next generation and starts a new
// one. The head is updated between the two, so a writer killed in between
// leaves a state the next one finishes (see recover).
func (l *Log) rotate(h *head) error {
	next := h.Gen + 1
	if l.reserved > 0 {
		// Give back the space reserved past the file's end: cut it to
		// its own size, read afresh (no append can come between, under
		// the lock), so that no byte of it can be lost.
		if size, _, err := fileState(l.f); err == nil {
			truncate(l.f, size)
		}
	}
	if err := os.Rename(l.path, rotatedName(l.path, next)); err != nil {
		return fmt.Errorf("audit: rotate: %w", err)
	}
	h.Gen, h.Size = next, 0
	if err := l.writeHead(*h); err != nil {
		return err
	}
	if err := l.openActive(); err != nil {
		return err
	}
	l.gen = next
	if l.fsync {
		syncDir(filepath.Dir(l.path))
	}
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// rotatedName is the name of rotated generation gen.
func rotatedName(path string, gen uint64) string { return fmt.Sprintf("%s.%d", path, gen) }

func headName(path string) string { return path + ".head" }

// TornName is the file where torn lines of the log at path are set aside.
func TornName(path string) string { return path + ".torn" }
