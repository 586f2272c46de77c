package audit

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestMappedHead: a log that reads its head through a mapping sees what
// another writer puts there, and goes on when the head file is cut to
// nothing or damaged under the mapping.
func TestMappedHead(t *testing.T) {
	l, path := newLog(t, 3, Options{})
	settle(t, l)
	l2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	next := uint64(4)
	for i, between := range []func(){
		func() {}, // another writer appends (below)
		func() { os.Truncate(headName(path), 0) },
		func() { os.WriteFile(headName(path), []byte("garbage"), 0o600) },
		func() { os.Truncate(headName(path), 100) },
	} {
		if r, err := l2.Append(entry(100 + i)); err != nil || r.Seq != next {
			t.Fatalf("step %d: other writer's Append = seq %d, %v; want %d", i, r.Seq, err, next)
		}
		settle(t, l2)
		next++
		between()
		r, err := l.Append(entry(i))
		if err != nil || r.Seq != next {
			t.Fatalf("step %d: Append = seq %d, %v; want %d", i, r.Seq, err, next)
		}
		settle(t, l)
		next++
	}
	if res := mustVerify(t, path, VerifyOptions{}); res.Records != int64(next-1) {
		t.Errorf("Verify = %d records, want %d", res.Records, next-1)
	}
	if m := mapHead(l.headf); m != nil {
		unmapHead(m)
		if l.headMap == nil {
			t.Error("the head is not read through a mapping")
		}
	}
}

// TestReadMappedFault: reading a mapping of a file cut to nothing reports
// the fault instead of crashing.
func TestReadMappedFault(t *testing.T) {
	f, m := mappedHeadFile(t)
	var b [headSize]byte
	if n, ok := readMapped(m, b[:]); !ok || n != headSize {
		t.Fatalf("readMapped = %d, %v", n, ok)
	}
	f.Truncate(0)
	if _, ok := readMapped(m, b[:]); ok {
		t.Error("readMapped of a file cut to nothing did not report the fault")
	}
}

// TestAppendTime: the record's time is laid out as TimeFormat says.
func TestAppendTime(t *testing.T) {
	times := []time.Time{time.Unix(0, 0), time.Date(2025, 1, 2, 3, 4, 5, 6789, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(999, 7, 8, 9, 10, 11, 12000, time.UTC)}
	for i := int64(0); i < 20000; i++ {
		times = append(times, time.Unix(i*987654321%4102444800, i*7919%1e9))
	}
	for _, tm := range times {
		tm = tm.UTC()
		if got, want := string(appendTime(nil, tm)), tm.Format(TimeFormat); got != want {
			t.Fatalf("appendTime(%v) = %s, want %s", tm, got, want)
		}
	}
}

// TestStoreMappedFault: a store into a mapping of a file cut to nothing
// reports the fault instead of crashing, and writes nothing.
func TestStoreMappedFault(t *testing.T) {
	f, m := mappedHeadFile(t)
	h := head{Seq: 7, Hash: strings.Repeat("ab", 32), Gen: 2, Size: 1234}
	if !storeMapped(m, h.encode()) {
		t.Fatal("storeMapped into a whole file failed")
	}
	b, _ := os.ReadFile(f.Name())
	if got, ok := parseHead(b); !ok || !reflect.DeepEqual(got, h) {
		t.Fatalf("the file reads %q after the store, want %+v", b, h)
	}
	f.Truncate(0)
	if storeMapped(m, h.encode()) {
		t.Error("storeMapped into a file cut to nothing did not report the fault")
	}
	if st, _ := f.Stat(); st.Size() != 0 {
		t.Errorf("the file is %d bytes after a faulted store, want 0", st.Size())
	}
}

// TestHeadWrittenThroughMapping: what a log writes as its head is what
// another process reads from the file, and a head left half rewritten by a
// writer killed in the middle of the store (its first word still blank) is
// rebuilt from the log by the next append, without a break in the chain.
func TestHeadWrittenThroughMapping(t *testing.T) {
	l, path := newLog(t, 5, Options{})
	settle(t, l)
	if m := mapHead(l.headf); m != nil {
		unmapHead(m)
		if l.headMap == nil {
			t.Fatal("the head is not mapped")
		}
	}
	seq, hash, _ := l.Head()
	b, _ := os.ReadFile(headName(path))
	if h, ok := parseHead(b); !ok || h.Seq != seq || h.Hash != hash || len(b) != headSize {
		t.Fatalf("head file = %q, want seq %d hash %s", b, seq, hash)
	}
	st, _ := os.Stat(path)
	if h, _ := parseHead(b); h.Size != st.Size() {
		t.Fatalf("head says size %d, the log is %d bytes", h.Size, st.Size())
	}

	// Killed mid-store: the blank first word, then part of a newer head
	// over the old one.
	newer := head{Seq: seq + 1, Hash: strings.Repeat("cd", 32), Size: st.Size() + 300}.encode()
	torn := append([]byte("    "), b[4:]...)
	copy(torn[4:60], newer[4:60])
	if err := os.WriteFile(headName(path), torn, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := l.Append(entry(5))
	if err != nil || r.Seq != seq+1 {
		t.Fatalf("Append after a torn head = seq %d, %v; want %d", r.Seq, err, seq+1)
	}
	settle(t, l)
	if res := mustVerify(t, path, VerifyOptions{Strict: true}); res.Records != int64(seq+1) || len(res.Notes) != 0 {
		t.Errorf("Verify = %d records, notes %q; want %d, none", res.Records, res.Notes, seq+1)
	}
}

// mappedHeadFile is a head-sized file and its mapping, both closed when
// the test ends; the test is skipped where heads are not mapped.
func mappedHeadFile(t *testing.T) (*os.File, []byte) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "head")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	f.Write(make([]byte, headSize))
	m := mapHead(f)
	if m == nil {
		t.Skip("no mapping here")
	}
	t.Cleanup(func() { unmapHead(m) })
	return f, m
}
