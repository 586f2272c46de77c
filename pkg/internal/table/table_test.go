package table

import (
	"sync"
	"sync/atomic"
	"testing"
)

// A table is built once, on first use, whatever the number of goroutines
// that look it up at once, and answers as the map it was built from.
func TestMapBuildsOnce(t *testing.T) {
	var builds atomic.Int32
	m := Map[string, int]{Build: func() map[string]int {
		builds.Add(1)
		return map[string]int{"one": 1, "two": 2}
	}}
	if n := builds.Load(); n != 0 {
		t.Fatalf("built %d times before any lookup", n)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := m.Get("two"); got != 2 {
				t.Errorf("Get(two) = %d, want 2", got)
			}
		}()
	}
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Fatalf("built %d times, want 1", n)
	}
	if got := m.Get("three"); got != 0 {
		t.Errorf("Get(three) = %d, want 0", got)
	}
	if v, ok := m.Lookup("one"); !ok || v != 1 {
		t.Errorf("Lookup(one) = %d, %v", v, ok)
	}
	if _, ok := m.Lookup("three"); ok {
		t.Error("Lookup(three) found a key that is not there")
	}
	if m.Len() != 2 || len(m.All()) != 2 {
		t.Errorf("Len = %d, len(All) = %d, want 2", m.Len(), len(m.All()))
	}
}

// A declared table is not built before its first lookup.
var declared = Map[string, bool]{Build: func() map[string]bool { return map[string]bool{"x": true} }}

func TestDeclaredTableIsStatic(t *testing.T) {
	if declared.m != nil {
		t.Fatal("a declared table was built before its first use")
	}
	if !declared.Get("x") {
		t.Fatal("Get(x) = false")
	}
}

// FuzzStringTableAnswersAsMap holds a string-keyed table's lookups, which
// may be answered from the summary of its keys, to the map's.
func FuzzStringTableAnswersAsMap(f *testing.F) {
	keys := map[string]int{"": 1, "rm": 2, "git": 3, "python3": 4, "x": 5, "tar": 6, "kubectl": 7, "\xff": 8}
	tbl := Map[string, int]{Build: func() map[string]int { return keys }}
	for _, s := range []string{"", "rm", "rn", "sed", "gitx", "python", "\xff", "xx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantOK := keys[s]
		if got := tbl.Get(s); got != want {
			t.Errorf("Get(%q) = %d, want %d", s, got, want)
		}
		if got, ok := tbl.Lookup(s); got != want || ok != wantOK {
			t.Errorf("Lookup(%q) = %d, %v, want %d, %v", s, got, ok, want, wantOK)
		}
	})
}

// A table keyed by a named string type is not summarized (its keys are
// not read as strings) and answers as its map.
func TestNamedStringKeys(t *testing.T) {
	type kind string
	tbl := Map[kind, bool]{Build: func() map[kind]bool { return map[kind]bool{"a": true} }}
	if !tbl.Get("a") || tbl.Get("b") || tbl.strKeys {
		t.Errorf("Get(a) = %v, Get(b) = %v, summarized %v", tbl.Get("a"), tbl.Get("b"), tbl.strKeys)
	}
}

// A built table answers from its summary and map (Get's first branch) as
// the unbuilt one did, for a set of words built by All and a map of
// values, and counts no more word scans.
func TestGetBuiltAnswersAsBefore(t *testing.T) {
	set := Map[string, bool]{Words: "rm unlink shred"}
	vals := Map[string, string]{Build: func() map[string]string { return map[string]string{"a": "x", "bb": ""} }}
	set.All()
	vals.All()
	for _, s := range []string{"rm", "unlink", "shred", "r", "rmx", "", "a", "bb", "c"} {
		in := s == "rm" || s == "unlink" || s == "shred"
		if got := set.Get(s); got != in {
			t.Errorf("set.Get(%q) = %v, want %v", s, got, in)
		}
		if _, ok := set.Lookup(s); ok != in {
			t.Errorf("set.Lookup(%q) found %v, want %v", s, ok, in)
		}
		want, wantOK := map[string]string{"a": "x", "bb": ""}[s]
		if got, ok := vals.Lookup(s); got != want || ok != wantOK {
			t.Errorf("vals.Lookup(%q) = %q, %v, want %q, %v", s, got, ok, want, wantOK)
		}
		if got := vals.Get(s); got != want {
			t.Errorf("vals.Get(%q) = %q, want %q", s, got, want)
		}
	}
	if n := set.scans.Load(); n != 0 {
		t.Errorf("a built set counted %d word scans, want 0", n)
	}
}

// benchTable is a small string table, as most of pkg's are.
var benchTable = Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"delete": true, "remove": true, "destroy": true, "purge": true}
}}

// BenchmarkGet times a lookup of a built table, a hit and a miss: the
// fast path every table lookup of a judgement takes.
func BenchmarkGet(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if benchTable.Get("remove") {
			n++
		}
		if benchTable.Get("status") {
			n++
		}
	}
	_ = n
}
