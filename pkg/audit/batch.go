package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"sync"
	"time"
)

// Group commit. Every Append queues its record. The caller that finds no
// batch being written becomes the writer: it takes the whole queue, writes
// it as one batch under the lock (see writeBatch), tells each caller in the
// batch its outcome, and hands the writer's role to the first caller that
// queued meanwhile, so no caller writes more than one batch. The others
// sleep until their batch is written. Under no load a batch is one record
// and an append costs what it did alone; under load the lock, the head
// reads and writes, the write(2) and the fsync are shared by the batch.

// maxBatchBytes bounds the bytes of one write(2): a batch larger than this
// is written in several, each of whole records.
const maxBatchBytes = 1 << 20

// pending is one Append on its way into the log.
type pending struct {
	rec  Record
	body []byte // rec.appendBody, built before the lock
	err  error
	lead bool          // woken to write the next batch
	wake chan struct{} // receives once when the record is written or lead is set
}

var pendingPool = sync.Pool{New: func() any { return &pending{wake: make(chan struct{}, 1)} }}

func newPending() *pending { return pendingPool.Get().(*pending) }

func (p *pending) release() {
	body := p.body[:0]
	if cap(body) > 64<<10 {
		body = nil
	}
	*p = pending{body: body, wake: p.wake}
	pendingPool.Put(p)
}

// prepare builds everything of the record that does not depend on its
// place in the chain, outside the lock, with memo's params (see newRecord).
func (p *pending) prepare(e Entry, memo *paramsMemo) error {
	r, err := newRecord(e, memo)
	if err != nil {
		return err
	}
	p.rec = r
	p.body = r.appendBody(p.body[:0])
	return nil
}

// enqueue queues p and returns once it is written, or failed to be.
func (l *Log) enqueue(p *pending) {
	l.qmu.Lock()
	l.queue = append(l.queue, p)
	l.inflight++
	if l.writing {
		l.qmu.Unlock()
		<-p.wake
		if !p.lead {
			return
		}
		l.qmu.Lock()
	} else {
		l.writing = true
	}
	busy := l.last > 1 || l.appending.Load() > 1
	l.qmu.Unlock()

	// p writes the batch: everything queued, p first among them. When
	// appends are coming together (another caller is inside Append, or
	// the last batch held more than one), let the goroutines that are
	// ready to run go first: those about to append join this batch instead
	// of waiting for the next. A lone caller does not yield: the yield
	// wakes another thread to take the caller over, which costs more than
	// the batch it could gather.
	if busy {
		runtime.Gosched()
	}
	l.qmu.Lock()
	batch := l.queue
	l.queue = l.spare[:0]
	l.qmu.Unlock()

	l.commit(batch)
	for _, q := range batch {
		if q != p {
			q.wake <- struct{}{}
		}
	}
	n := len(batch)
	clear(batch)

	l.qmu.Lock()
	l.inflight -= n
	l.last = n
	l.spare = batch[:0]
	if len(l.queue) > 0 {
		next := l.queue[0]
		next.lead = true
		next.wake <- struct{}{}
	} else {
		l.writing = false
	}
	l.qmu.Unlock()
}

// commit writes batch and sets each record's outcome.
func (l *Log) commit(batch []*pending) {
	l.mu.Lock()
	defer l.mu.Unlock()
	done, err := l.writeBatch(batch)
	for _, p := range batch[done:] {
		p.err = err
	}
}

// How long the file lock is kept between batches (see writeBatch):
// holdGap is the longest pause between two batches that still counts as
// appends coming back to back, and holdMax the longest the lock is kept in
// one stretch, so that another process waiting for it gets it within about
// that long (holdMax and one batch; a reader such as Verify, which takes
// the lock shared, as well).
//
// holdGap is wider than the time one exec takes: a program that runs
// programs in a loop under librampart asks rampart-eval once per exec,
// about a millisecond apart on an idle machine, and each question is one
// append. With the window at 500 us none of them kept the lock, and each
// paid flock, two fstat, the head's read and write and the unlock.
const (
	holdGap = 3 * time.Millisecond
	holdMax = 10 * time.Millisecond
)

// writeBatch writes the records of batch in order under the lock, with one
// write(2) (and one fsync) unless the batch crosses a rotation or
// maxBatchBytes. It returns how many records were written and the error
// that stopped the rest.
//
// Batches that come back to back keep the lock: when another batch is
// already queued as this one ends, or this one began within holdGap of the
// last one's end, the lock is kept and the head stays in memory (l.held).
// The next batch then skips taking the lock and reading the head and the
// file's size, which no other process can have changed meanwhile: one
// write(2) per batch instead of seven system calls. The head is written and
// the lock released once holdGap passes without a batch (a timer, or the
// caller's Release between Attend and Release), after
// holdMax in one stretch, before a rotation and on any error, and by Head
// and Close. Appends further apart than holdGap, such as one process
// answering one call at a time, never keep it. A process killed while holding it
// leaves a head older than its file, which the next append repairs by
// adopting the records that chain (see recover).
func (l *Log) writeBatch(batch []*pending) (int, error) {
	if l.closed {
		return 0, ErrClosed
	}
	start := time.Now()
	var h head
	var flags []string
	wasHeld := l.held
	dirty := wasHeld // h differs from the head file
	if l.held {
		h = l.h
	} else {
		if err := l.lock(); err != nil {
			return 0, err
		}
		var err error
		if h, flags, err = l.sync(); err != nil {
			l.unlock()
			return 0, err
		}
	}
	l.held = false
	done := 0 // records written
	seq, prev := h.Seq, h.Hash
	// release writes the head for the records done and unlocks; it
	// returns err, or the head's write error.
	release := func(err error) error {
		if dirty {
			if herr := l.writeHead(h); herr != nil && err == nil {
				err = herr
			}
		}
		l.unlock()
		return err
	}

	buf := l.buf[:0]
	// flush writes the first n bytes of buf, which hold records done up to
	// upto, and keeps the rest of buf.
	flush := func(upto, n int) error {
		if upto == done {
			return nil
		}
		l.reserveFor(h.Size, h.Size+int64(n))
		if err := l.write(buf[:n], h.Size); err != nil {
			return err
		}
		last := &batch[upto-1].rec
		h.Seq, h.Hash, h.Size, h.Flags = last.Seq, last.Hash, h.Size+int64(n), nil
		buf = buf[:copy(buf, buf[n:])]
		done, dirty = upto, true
		return nil
	}

	for i, p := range batch {
		r := &p.rec
		now := stamp(l.now())
		id, err := l.ids.next(now)
		if err != nil {
			if ferr := flush(i, len(buf)); ferr != nil {
				return done, release(ferr)
			}
			return done, release(fmt.Errorf("audit: id: %w", err))
		}
		r.Seq, r.ID, r.Time, r.Prev = seq+1, id, now, prev
		if len(flags) > 0 {
			// Repairs made under this lock are told by the first record.
			r.Flags = append(r.Flags, flags...)
			p.body = r.appendBody(p.body[:0])
			flags = nil
		}
		mark := len(buf)
		buf = r.appendStamp(buf)
		buf = append(buf, p.body...)
		buf = appendPrev(buf, r.Prev)
		sum := sha256.Sum256(buf[mark:])
		buf = append(buf[:len(buf)-1], `,"hash":"`...)
		// The hex written into the line, and the string made from it:
		// hex.EncodeToString allocated a buffer besides the string.
		at := len(buf)
		buf = hex.AppendEncode(buf, sum[:])
		r.Hash = string(buf[at:])
		buf = append(buf, "\"}\n"...)
		seq, prev = r.Seq, r.Hash

		// The file's size once the records before this one are written.
		size := h.Size + int64(mark)
		rotate := l.maxSize > 0 && size > 0 && size+int64(len(buf)-mark) > l.maxSize
		if rotate || mark >= maxBatchBytes {
			if err := flush(i, mark); err != nil {
				return done, release(err)
			}
		}
		if rotate {
			// The head must give the rotated file's size before the
			// rename (see recover), so it is written here.
			if err := l.writeHead(h); err != nil {
				return done, release(err)
			}
			dirty = false
			if err := l.rotate(&h); err != nil {
				return done, release(err)
			}
		}
	}
	before := done
	err := flush(len(batch), len(buf))
	if cap(buf) <= 2*maxBatchBytes {
		l.buf = buf[:0]
	} else {
		l.buf = nil
	}
	if err == nil && l.holdOn(start, wasHeld) {
		l.held, l.h = true, h
		return done, nil
	}
	if herr := release(err); herr != nil {
		if err == nil {
			// Written but not in the head: as if not written, so
			// the callers fail closed (the next append adopts them).
			return before, herr
		}
		return done, herr
	}
	return done, nil
}

// holdOn reports whether the batch that began at start (with the lock
// kept by the last one, if wasHeld) and was just written keeps the lock for
// the next, and if so arms the timer that releases it after holdGap without
// a batch.
func (l *Log) holdOn(start time.Time, wasHeld bool) bool {
	l.qmu.Lock()
	more := len(l.queue) > 0
	l.qmu.Unlock()
	now := time.Now()
	backToBack := more || !l.lastEnd.IsZero() && start.Sub(l.lastEnd) < holdGap
	l.lastEnd = now
	// Attended, every batch keeps the lock until the caller's Release
	// (or holdMax): the caller answers, then releases, so the unlock
	// comes after its answer instead of before it.
	if !backToBack && !l.attended {
		return false
	}
	if !wasHeld {
		l.heldSince = start
	}
	if now.Sub(l.heldSince) >= holdMax {
		return false
	}
	// The timer is armed when a stretch begins, not moved by every batch:
	// moving it wakes the runtime's poller (another thread) to sleep
	// until the new time, once per question. When it fires it goes off
	// again holdGap after the last batch, if one came meanwhile (see
	// idleRelease).
	if !wasHeld && !l.attended {
		if l.holdTimer == nil {
			l.holdTimer = time.AfterFunc(holdGap, l.idleRelease)
		} else {
			l.holdTimer.Reset(holdGap)
		}
	}
	return true
}

// idleRelease releases a kept lock once holdGap has passed since the last
// batch ended.
func (l *Log) idleRelease() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.held {
		return
	}
	if d := time.Since(l.lastEnd); d < holdGap {
		l.holdTimer.Reset(holdGap - d)
		return
	}
	l.releaseHeld()
}

// Attend tells the Log that its caller is about to append and will call
// Release when it stops: until then, batches keep the lock and the head
// (for holdMax at most in one stretch, as back to back ones do) without
// arming the timer that would release them, the first of a stretch too,
// so that a caller that answers after the append and releases after the
// answer puts the unlock after its answer, not before it. Arming a timer makes the runtime wake
// another thread to watch it, which costs a server answering one question
// at a time more than the lock it saves; a server that waits for its next
// question itself (rampart-eval's datagram loop waits holdGap) releases
// the lock when that wait ends, and no sooner than the timer would.
// Appends from any goroutine in between keep the lock on the same terms.
func (l *Log) Attend() {
	l.mu.Lock()
	l.attended = true
	l.mu.Unlock()
}

// Release ends Attend: the head kept in memory, if the lock was kept, is
// written and the lock released at once. It returns the head's write
// error.
func (l *Log) Release() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.attended = false
	return l.releaseHeld()
}

// releaseHeld writes the head kept in memory and releases the lock, if a
// batch kept it. Callers hold l.mu.
func (l *Log) releaseHeld() error {
	if !l.held {
		return nil
	}
	l.held = false
	err := l.writeHead(l.h)
	l.unlock()
	return err
}
