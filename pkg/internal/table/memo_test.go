package table

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// A memo answers as its function, for names that share slots, names too
// long to keep and any number of goroutines at once.
func TestMemoAnswersAsCompute(t *testing.T) {
	f := func(name string) uint32 { return uint32(len(name))*7 + uint32(strings.Count(name, "a")) }
	m := Memo{Compute: f}
	names := []string{"", "a", strings.Repeat("a", memoMaxName), strings.Repeat("ab", memoMaxName)}
	for i := range 4 * memoSlots {
		names = append(names, "n"+strconv.Itoa(i)+strings.Repeat("a", i%5))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 3 {
				for k := range names {
					n := names[(k*(g+1)+round)%len(names)]
					if got := m.Get(n); got != f(n) {
						t.Errorf("Get(%q) = %d, want %d", n, got, f(n))
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// A kept name is a copy: the memo holds on to no caller's text.
func TestMemoKeepsACopy(t *testing.T) {
	m := Memo{Compute: func(name string) uint32 { return 1 }}
	line := "sort -u"
	m.Get(line[:4])
	e := m.slots[memoSlot("sort")].Load()
	if e == nil || e.name != "sort" {
		t.Fatal("sort not kept")
	}
	if unsafe.StringData(e.name) == unsafe.StringData(line) {
		t.Fatal("the memo keeps the caller's text, not a copy")
	}
}
