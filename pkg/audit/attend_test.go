//go:build unix

package audit

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Between Attend and Release, appends that come back to back take the
// lock once and arm no timer; Release writes the head and lets another
// writer (its own descriptor and flock, as another process has) in at once.
func TestAttendKeepsLockUntilRelease(t *testing.T) {
	l, path := newLog(t, 0, Options{})
	l.Attend()
	t0 := time.Now()
	for i := range 5 {
		if _, err := l.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	took := time.Since(t0)
	l.mu.Lock()
	locks, held, timer := l.locks, l.held, l.holdTimer
	l.mu.Unlock()
	// Open took the lock once to read the head; the first append, which
	// follows none, takes it and keeps it (attended), and the rest find it
	// kept (unless a loaded machine stretched them past holdMax).
	if took < holdMax && (locks != 2 || !held) {
		t.Errorf("after 5 appends back to back: %d locks, held %v; want 2 and held", locks, held)
	}
	if !held {
		t.Skipf("5 appends took %v: the lock was not kept", took)
	}
	if timer != nil {
		t.Error("an attended Log armed the release timer")
	}
	other, err := os.OpenFile(headName(path), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tryLock := func() error { return syscall.Flock(int(other.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) }
	if err := tryLock(); err == nil {
		t.Fatal("another writer took the lock while it was kept")
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if err := tryLock(); err != nil {
		t.Fatalf("the lock is still taken after Release: %v", err)
	}
	flock(other, lockUn)
	// The head was written: another Log chains from the fifth record.
	o, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if seq, _, err := o.Head(); err != nil || seq != 5 {
		t.Errorf("another Log's head = %d, %v; want 5", seq, err)
	}
	if r, err := o.Append(entry(6)); err != nil || r.Seq != 6 {
		t.Errorf("another Log appended %d, %v; want seq 6", r.Seq, err)
	}
	// After Release the Log is as before: a kept lock arms the timer.
	if _, err := l.Append(entry(7)); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Append(entry(8)); err != nil {
		t.Fatal(err)
	}
	l.mu.Lock()
	held, timer = l.held, l.holdTimer
	l.mu.Unlock()
	if held && timer == nil {
		t.Error("a Log no longer attended kept the lock without its timer")
	}
	if res := mustVerify(t, path, VerifyOptions{Strict: true}); res.Records != 8 {
		t.Errorf("Verify = %d records, want 8", res.Records)
	}
}

// Attended, an append that follows none (the last batch ended more than
// holdGap ago) keeps the lock too, until Release: a caller that answers
// after the append and releases after the answer unlocks after its answer.
// Not attended, such an append lets the lock go at once, as before.
func TestAttendKeepsLockOfALoneAppend(t *testing.T) {
	l, path := newLog(t, 0, Options{})
	other, err := os.OpenFile(headName(path), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tryLock := func() error { return syscall.Flock(int(other.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) }
	if _, err := l.Append(entry(1)); err != nil {
		t.Fatal(err)
	}
	if err := tryLock(); err != nil {
		t.Fatalf("a lone append, not attended, kept the lock: %v", err)
	}
	flock(other, lockUn)
	time.Sleep(holdGap + holdGap/2)
	l.Attend()
	if _, err := l.Append(entry(2)); err != nil {
		t.Fatal(err)
	}
	l.mu.Lock()
	held, timer := l.held, l.holdTimer
	l.mu.Unlock()
	if !held || timer != nil {
		t.Fatalf("an attended lone append: held %v, timer armed %v; want held, no timer", held, timer != nil)
	}
	if err := tryLock(); err == nil {
		t.Fatal("another writer took the lock before Release")
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if err := tryLock(); err != nil {
		t.Fatalf("the lock is still taken after Release: %v", err)
	}
	flock(other, lockUn)
	o, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if r, err := o.Append(entry(3)); err != nil || r.Seq != 3 {
		t.Errorf("another Log appended %d, %v; want seq 3", r.Seq, err)
	}
	if res := mustVerify(t, path, VerifyOptions{Strict: true}); res.Records != 3 {
		t.Errorf("Verify = %d records, want 3", res.Records)
	}
}

// Writers in separate processes, some attended and appending every few
// hundred microseconds (as rampart-eval answers an exec loop: the lock
// kept between appends and released when each stretch ends), some
// appending alone, some in a stream, while this process verifies the log
// again and again: every verify finds a whole chain, and the last one a
// gapless chain of every record. Run with -race, the writers are built
// with it too.
func TestAttendedWritersInProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 5 processes")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "audit", "audit.jsonl")
	start := filepath.Join(dir, "go")
	var cmds []*exec.Cmd
	total := 0
	for i := range 5 {
		n := 400
		cmd := writerCmd(path, n, 256<<10, start)
		switch i {
		case 0, 1, 2: // attended, released after every 25 appends
			cmd.Env = append(cmd.Env, "AUDIT_TEST_PAUSE=300us", "AUDIT_TEST_ATTEND=25")
		case 3: // alone: each append takes the lock
			n = 150
			cmd = writerCmd(path, n, 256<<10, start)
			cmd.Env = append(cmd.Env, "AUDIT_TEST_PAUSE=4ms")
		}
		total += n
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(start, nil, 0o600)
	var wg sync.WaitGroup
	done := make(chan struct{})
	verifies := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			if _, err := os.Stat(path); err != nil {
				time.Sleep(time.Millisecond)
				continue
			}
			res, err := Verify(path, VerifyOptions{})
			if err != nil {
				t.Error(err)
				return
			}
			if res.Problem != nil || len(res.Notes) != 0 {
				t.Errorf("verify while writing: %v, notes %q", res.Problem, res.Notes)
				return
			}
			verifies++
			time.Sleep(2 * time.Millisecond)
		}
	}()
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer: %v", err)
		}
	}
	close(done)
	wg.Wait()
	res := mustVerify(t, path, VerifyOptions{Strict: true})
	if res.Records != int64(total) || res.First != 1 || res.Last != uint64(total) || len(res.Notes) != 0 {
		t.Errorf("Verify = %d records %d..%d, notes %q; want %d records 1..%d", res.Records, res.First, res.Last, res.Notes, total, total)
	}
	if verifies == 0 {
		t.Error("no verify ran while the writers wrote")
	}
	t.Logf("%d verifies while writing", verifies)
}
