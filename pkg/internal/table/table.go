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

import "sync"

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

	once sync.Once
	m    map[K]V
}

// All returns the whole table, building it on first use. The caller must not
// change it.
func (t *Map[K, V]) All() map[K]V {
	t.once.Do(func() { t.m = t.Build() })
	return t.m
}

// Get returns the value for k, or V's zero value when k is not in the table.
func (t *Map[K, V]) Get(k K) V {
	return t.All()[k]
}

// Lookup returns the value for k and whether k is in the table.
func (t *Map[K, V]) Lookup(k K) (V, bool) {
	v, ok := t.All()[k]
	return v, ok
}

// Len returns the number of entries in the table.
func (t *Map[K, V]) Len() int {
	return len(t.All())
}
