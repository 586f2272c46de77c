// Package table holds the lookup tables of pkg's packages that are built on
// first use instead of at package initialisation.
//
// A package-level map literal is built by the package's init function in
// every process that links the package: rampart-hook makes one decision and
// exits, so it used to build every table of effect, shell and engine (some
// 120 maps, a few hundred allocations) for a call that reads a handful of
// them. A Map is laid out by the linker (its Build function is a plain
// function value, so declaring one runs no code) and builds its map once, on
// the first lookup, safely from any number of goroutines.
package table

import (
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Map is a map built by Build on first use. Declare one as a package-level
// variable with a function literal that returns the map literal:
//
//	var verbs = table.Map[string, bool]{Build: func() map[string]bool {
//		return map[string]bool{"delete": true, "remove": true}
//	}}
//
// The map Build returns must not be changed afterwards.
type Map[K comparable, V any] struct {
	// Build returns the table; it is called once, on the first lookup.
	Build func() map[K]V
	// Words, for a Map[string, bool] without Build, lists the set's words
	// (separated by white space): the set is made from them on the first
	// lookup (Words), its summary in the same pass, without walking the
	// map again.
	//
	// For a Map keyed by strings and declared with Build, Words may list
	// the map's keys: a lookup of a string that is not among them is
	// answered before the map is built, as a set's lookups are, so that a
	// process that only asks about other strings never builds it, nor
	// writes to the page of the data segment its declaration lies in.
	// Building the map checks that Words lists its keys exactly. (One
	// field for both: a field more in every Map, some nine hundred
	// package-level variables, costs more data pages and a longer pointer
	// mask for the runtime to unpack at start-up.)
	Words string
	once  sync.Once
	m     map[K]V
	// built is set once m is: a lookup tests it inline and calls nothing
	// (the once's Do, given a method value, is not inlined into a lookup).
	built atomic.Bool
	// For a table keyed by strings, a summary of its keys (keyClass): a
	// lookup of a string whose class no key has is answered without the
	// map. Most lookups are misses ("is this program one of these?"), and
	// a miss in a map still hashes the string and probes a group.
	strKeys bool
	classes [4]uint64
	// scans counts the lookups of a set declared by its words answered
	// by reading the words (hasWord) before the set is built, once the
	// process has made sharedScans of them (see freeScans): a one-shot
	// process asks most sets a few times, and building one cost a map
	// insert per word for those few answers.
	scans atomic.Int32
}

// wordScans is how many lookups a set declared by its words answers from
// its words before it is built, past the process's first sharedScans:
// past them a long-lived process, which asks a set without end, is
// answered from the map.
const wordScans = 16

// sharedScans is how many lookups of sets declared by their words, all
// sets together, a process answers from the words before it counts them
// set by set (Map.scans). A one-shot decision makes a few dozen.
const sharedScans = 256

// freeScans counts the process's first lookups answered from a set's
// words, up to sharedScans. Counting them in the set itself wrote to the
// page of the data segment the set's declaration lies in, which a process
// otherwise only reads: the first write to each such page is a page fault
// and a copy of the page, a dozen for one Bash decision, where one counter
// for all writes one page.
var freeScans atomic.Int32

// keyClass is a string's class in a table's summary: one of 256, from its
// length and its first and last bytes.
func keyClass(s string) uint8 {
	if s == "" {
		return 0
	}
	return uint8(len(s)*7 + int(s[0])*31 + int(s[len(s)-1]))
}

// build makes the table and, when its keys are strings, their summary.
func (t *Map[K, V]) build() {
	if t.Build == nil {
		set, classes := wordsSummed(t.Words)
		t.m = any(set).(map[K]V) // Words is for Map[string, bool] only
		t.classes, t.strKeys = classes, true
		t.built.Store(true)
		return
	}
	m := t.Build()
	var zero K
	if _, ok := any(zero).(string); ok {
		for k := range m {
			c := keyClass(*(*string)(unsafe.Pointer(&k)))
			t.classes[c>>6] |= 1 << (c & 63)
		}
		t.strKeys = true
	}
	t.checkKeys(m)
	t.m = m
	t.built.Store(true)
}

// checkKeys panics when t, declared with Build, lists keys (Words) that are
// not exactly m's: a lookup of a key missing from them would answer zero.
func (t *Map[K, V]) checkKeys(m map[K]V) {
	if t.Words == "" {
		return
	}
	n := 0
	for range strings.FieldsSeq(t.Words) {
		n++
	}
	ok := n == len(m)
	for k := range m {
		ok = ok && hasWord(t.Words, *(*string)(unsafe.Pointer(&k))) // Words is for string keys only
	}
	if !ok {
		panic("table: the keys a Map lists in Words are not exactly those its Build returns: " + t.Words)
	}
}

// load builds the table if no one has yet; a lookup's slow path.
func (t *Map[K, V]) load() { t.once.Do(t.build) }

// absent reports a key the summary shows is not in the table.
func (t *Map[K, V]) absent(k *K) bool {
	if !t.strKeys {
		return false
	}
	c := keyClass(*(*string)(unsafe.Pointer(k)))
	return t.classes[c>>6]&(1<<(c&63)) == 0
}

// All returns the whole table, building it on first use. The caller must not
// change it.
func (t *Map[K, V]) All() map[K]V {
	if !t.built.Load() {
		t.load()
	}
	return t.m
}

// scanned answers a lookup of a set declared by its words from the words
// themselves, or a lookup of a string a map declared with Build does not
// list among its keys (in then false), while it is not built and either the process has
// made fewer than sharedScans such lookups or the table has been asked
// fewer than wordScans times past them (ok then true, in its word); ok is
// false when the map must answer.
func (t *Map[K, V]) scanned(k *K) (in, ok bool) {
	if t.Words == "" || t.built.Load() || !freeScan() && t.scans.Add(1) > wordScans {
		return false, false
	}
	in = hasWord(t.Words, *(*string)(unsafe.Pointer(k))) // Words is for string keys only
	if in && t.Build != nil {
		return false, false // one of the map's keys: its value is in the map
	}
	return in, true
}

// freeScan reports whether the process has made fewer than sharedScans
// lookups answered from a set's words, counting this one. Once it has,
// the counter is only read.
func freeScan() bool {
	return freeScans.Load() < sharedScans && freeScans.Add(1) <= sharedScans
}

// Get returns the value for k, or V's zero value when k is not in the table.
func (t *Map[K, V]) Get(k K) V {
	if t.built.Load() {
		// The common case, first: a built table answers from its summary
		// or its map, with no call.
		if t.absent(&k) {
			var zero V
			return zero
		}
		return t.m[k]
	}
	return t.getUnbuilt(k)
}

// getUnbuilt is Get of a table not yet built: from its words, or by
// building it.
func (t *Map[K, V]) getUnbuilt(k K) V {
	if in, ok := t.scanned(&k); ok {
		var v V
		if in {
			*(*bool)(unsafe.Pointer(&v)) = true // only a set's word is in
		}
		return v
	}
	m := t.All()
	if t.absent(&k) {
		var zero V
		return zero
	}
	return m[k]
}

// Lookup returns the value for k and whether k is in the table.
func (t *Map[K, V]) Lookup(k K) (V, bool) {
	if t.built.Load() {
		if t.absent(&k) {
			var zero V
			return zero, false
		}
		v, ok := t.m[k]
		return v, ok
	}
	return t.lookupUnbuilt(k)
}

// lookupUnbuilt is Lookup of a table not yet built.
func (t *Map[K, V]) lookupUnbuilt(k K) (V, bool) {
	if in, ok := t.scanned(&k); ok {
		var v V
		if in {
			*(*bool)(unsafe.Pointer(&v)) = true // only a set's word is in
		}
		return v, in
	}
	m := t.All()
	if t.absent(&k) {
		var zero V
		return zero, false
	}
	v, ok := m[k]
	return v, ok
}

// Len returns the number of entries in the table.
func (t *Map[K, V]) Len() int {
	return len(t.All())
}
