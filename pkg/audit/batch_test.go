package audit

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Appends that queue while the lock is held by another process are written
// together: one write(2) for all of them, a chain that verifies, and every
// caller told its own record.
func TestAppendsQueuedAreOneBatch(t *testing.T) {
	l, path := newLog(t, 1, Options{})
	other, err := os.OpenFile(headName(path), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := flock(other, lockEx); err != nil {
		t.Fatal(err)
	}

	const n = 8
	writesBefore := l.writes
	recs := make([]Record, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := l.Append(entry(100 + i))
			if err != nil {
				t.Error(err)
			}
			recs[i] = r
		}()
	}
	// One caller waits for the flock with the first batch; the others
	// queue behind it.
	waitInflight(l, n)
	flock(other, lockUn)
	wg.Wait()

	l.mu.Lock()
	writes := l.writes - writesBefore
	l.mu.Unlock()
	if writes > 2 {
		t.Errorf("%d appends took %d writes, want at most 2 (the batch that waited for the lock, then one of all the others)", n, writes)
	}
	if res := mustVerify(t, path, VerifyOptions{}); res.Records != n+1 {
		t.Errorf("Verify = %d records, want %d", res.Records, n+1)
	}
	data, _ := os.ReadFile(path)
	seen := map[uint64]bool{}
	for _, r := range recs {
		if seen[r.Seq] {
			t.Errorf("seq %d returned twice", r.Seq)
		}
		seen[r.Seq] = true
		if !bytes.Contains(data, r.AppendLine(nil)) {
			t.Errorf("record %d as returned is not in the log", r.Seq)
		}
	}
}

// Many goroutines share one Log while another Log on the same file (as
// another process would) appends too, with rotations inside batches: when
// Append returns, its record is in a file, byte for byte as returned, and
// the whole chain verifies.
func TestSharedLogBatchesRotate(t *testing.T) {
	const maxSize = 16 << 10
	l, path := newLog(t, 0, Options{MaxSize: maxSize})
	other, err := Open(path, Options{MaxSize: maxSize})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	const goroutines, each = 12, 40
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log := l
			if g == 0 {
				log = other
			}
			for i := range each {
				r, err := log.Append(entry(g*1000 + i))
				if err != nil {
					t.Error(err)
					return
				}
				if !inFiles(t, path, r.AppendLine(nil)) {
					t.Errorf("Append returned seq %d before its record was in the log", r.Seq)
					return
				}
			}
		}()
	}
	wg.Wait()
	res := mustVerify(t, path, VerifyOptions{})
	if res.Records != goroutines*each || len(res.Files) < 3 {
		t.Fatalf("Verify = %d records in %d files, want %d in 3+", res.Records, len(res.Files), goroutines*each)
	}
	for _, f := range res.Files[:len(res.Files)-1] {
		if st, _ := os.Stat(f); st.Size() > maxSize {
			t.Errorf("%s: %d bytes, over MaxSize", f, st.Size())
		}
	}
}

// waitInflight waits until n appends are queued or being written in l.
func waitInflight(l *Log, n int) {
	for {
		l.qmu.Lock()
		in := l.inflight
		l.qmu.Unlock()
		if in == n {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// inFiles reports whether line is in the log at path or a rotated file.
// A rotation between listing the files and reading them can hide a line
// for one pass, so it looks three times.
func inFiles(t *testing.T, path string, line []byte) bool {
	t.Helper()
	for range 3 {
		files, _ := filepath.Glob(path + ".[0-9]*")
		for _, f := range append(files, path) {
			if data, _ := os.ReadFile(f); bytes.Contains(data, line) {
				return true
			}
		}
	}
	return false
}

// A log closed while appends wait in its queue fails them all with
// ErrClosed, and none of them hangs.
func TestCloseWithQueuedAppends(t *testing.T) {
	l, path := newLog(t, 1, Options{})
	other, err := os.OpenFile(headName(path), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	flock(other, lockEx)
	const n = 4
	errs := make(chan error, n)
	for i := range n {
		go func() {
			_, err := l.Append(entry(i))
			errs <- err
		}()
	}
	waitInflight(l, n)
	// The writer holds l.mu while it waits for the flock, so Close waits
	// for that batch; the queued batch is written before Close or refused
	// after it, whichever takes l.mu first.
	closed := make(chan error, 1)
	go func() { closed <- l.Close() }()
	flock(other, lockUn)
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	var ok, refused int
	for range n {
		switch err := <-errs; err {
		case nil:
			ok++
		case ErrClosed:
			refused++
		default:
			t.Errorf("Append = %v", err)
		}
	}
	if ok == 0 || ok+refused != n {
		t.Errorf("%d written, %d refused of %d; want the batch that held the lock written, the rest written or refused", ok, refused, n)
	}
	if res := mustVerify(t, path, VerifyOptions{}); res.Records != int64(1+ok) {
		t.Errorf("Verify = %d records, want %d", res.Records, 1+ok)
	}
}

// Appends back to back keep the file lock between batches (see
// writeBatch); once they pause, the head is written and the lock released
// without another append: another process then gets the lock and reads
// the last record in the head. Close releases it at once.
func TestKeptLockReleased(t *testing.T) {
	l, path := newLog(t, 20, Options{})
	other, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	got := make(chan uint64, 1)
	go func() {
		seq, _, err := other.Head() // waits for the lock
		if err != nil {
			t.Error(err)
		}
		got <- seq
	}()
	select {
	case seq := <-got:
		if seq != 20 {
			t.Errorf("the other log's head = seq %d, want 20", seq)
		}
	case <-time.After(time.Minute):
		t.Fatal("the lock was not released after the appends stopped")
	}

	for i := range 5 {
		if _, err := l.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if seq, _, err := other.Head(); err != nil || seq != 25 {
		t.Errorf("after Close, the other log's head = seq %d, %v; want 25", seq, err)
	}
	mustVerify(t, path, VerifyOptions{})
}
