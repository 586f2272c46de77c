package audit

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// allocated is the space a file's blocks take on disk.
func allocated(t *testing.T, name string) int64 {
	t.Helper()
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		t.Skip("no block count on this system")
	}
	return int64(sys.Blocks) * 512
}

// TestReserveAhead: appends reserve space past the active file's end
// without changing its size, so that the file reads, verifies and recovers
// exactly as before; rotation gives the reserved space back.
func TestReserveAhead(t *testing.T) {
	l, path := newLog(t, 20, Options{MaxSize: 64 << 10})
	settle(t, l)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	l.mu.Lock()
	reserved, unsupported := l.reserved, l.noReserve
	l.mu.Unlock()
	if runtime.GOOS == "linux" && !unsupported {
		if reserved <= st.Size() {
			t.Fatalf("reserved up to %d, want past the file's end %d", reserved, st.Size())
		}
		if reserved > 64<<10 {
			t.Errorf("reserved up to %d, past MaxSize", reserved)
		}
		if a := allocated(t, path); a <= st.Size() {
			t.Logf("the file system shows %d bytes allocated for %d (it may not count reservations)", a, st.Size())
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(data)) != st.Size() || len(data) == 0 || data[len(data)-1] != '\n' {
		t.Fatalf("the file reads %d bytes for its size %d", len(data), st.Size())
	}
	for _, c := range data {
		if c == 0 {
			t.Fatal("a zero byte in the file: reserved space is read as data")
		}
	}
	if res, err := Verify(path, VerifyOptions{}); err != nil || !res.OK() || res.Records != 20 {
		t.Fatalf("Verify: %+v, %v", res, err)
	}

	// Appends up to a rotation: the rotated file is cut to its size.
	for i := 20; i < 400; i++ {
		if _, err := l.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	settle(t, l)
	rotated := rotatedName(path, 1)
	rst, err := os.Stat(rotated)
	if err != nil {
		t.Fatalf("no rotation: %v", err)
	}
	if a := allocated(t, rotated); a > rst.Size()+64<<10 {
		t.Errorf("the rotated file keeps %d bytes allocated for its %d", a, rst.Size())
	}
	if res, err := Verify(path, VerifyOptions{}); err != nil || !res.OK() || res.Records != 400 {
		t.Fatalf("Verify after rotation: %+v, %v", res, err)
	}
}

// TestReserveThenCrashRecovery: a record a killed writer left past the
// head is adopted by the next append as before, with space reserved past
// the end: recovery reads the file's size, never the reservation.
func TestReserveThenCrashRecovery(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit", "audit.jsonl")
	a, err := Open(path, Options{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for i := range 5 {
		if _, err := a.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	settle(t, a)
	// A second writer, as another process, appends after it.
	b, err := Open(path, Options{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for i := 5; i < 10; i++ {
		if _, err := b.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	settle(t, b)
	// And the first again: it finds the file grown past what it reserved
	// for itself and chains on.
	for i := 10; i < 15; i++ {
		if _, err := a.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	settle(t, a)
	res, err := Verify(path, VerifyOptions{})
	if err != nil || !res.OK() || res.Records != 15 {
		t.Fatalf("Verify: %+v, %v", res, err)
	}
}

// TestReserveSeenByNextWriter: a writer that opens the trail after another
// reserved space ahead of the active file takes that space as reserved
// (from the file's blocks, less reserveSlack) instead of reserving again,
// where the file system counts reservations in the blocks; the file reads
// and verifies as before.
func TestReserveSeenByNextWriter(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit", "audit.jsonl")
	a, err := Open(path, Options{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, err := a.Append(entry(i)); err != nil {
			t.Fatal(err)
		}
	}
	settle(t, a)
	a.mu.Lock()
	reservedA, unsupported := a.reserved, a.noReserve
	a.mu.Unlock()
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	alloc := allocated(t, path) // what the second writer finds
	b, err := Open(path, Options{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.Append(entry(5)); err != nil {
		t.Fatal(err)
	}
	settle(t, b)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	b.mu.Lock()
	reservedB := b.reserved
	b.mu.Unlock()
	if runtime.GOOS == "linux" && !unsupported && alloc >= reservedA {
		// The blocks count the first writer's reservation: the second
		// takes it, less the slack, and reserves nothing more.
		if reservedB != alloc-reserveSlack {
			t.Errorf("the second writer reserved up to %d, want the blocks' %d less %d", reservedB, alloc, reserveSlack)
		}
		if reservedB <= st.Size() {
			t.Errorf("the second writer reserved up to %d, not past the file's end %d", reservedB, st.Size())
		}
	} else {
		t.Logf("the file system shows %d bytes allocated for %d reserved (it may not count reservations)", alloc, reservedA)
	}
	if res, err := Verify(path, VerifyOptions{}); err != nil || !res.OK() || res.Records != 6 {
		t.Fatalf("Verify: %+v, %v", res, err)
	}
}
