package audit

import (
	"os"
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
	f, err := os.CreateTemp(t.TempDir(), "head")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Write(make([]byte, headSize))
	m := mapHead(f)
	if m == nil {
		t.Skip("no mapping here")
	}
	defer unmapHead(m)
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
