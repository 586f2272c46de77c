package table

import (
	"strings"
	"sync/atomic"
)

// Memo keeps the answers of a pure function of a program's name, asked
// about many times per command line ("is this a shell or an interpreter?"
// is asked some forty times for a 20-command line, each answer a dozen
// comparisons and lookups). Declare one as a package-level variable:
//
//	var kinds = table.Memo{Compute: kindOf}
//
// Compute must depend on the name alone and return the same bits every
// time. A memo is a fixed array of slots indexed by a hash of the name,
// each holding the last name asked there and its bits: a lookup is a hash,
// a load and a comparison; a name whose slot holds another name is
// computed again and takes the slot. So the memo is bounded whatever the
// names (any text an agent writes can be a program's name), keeps no
// reference into the lines it was asked about, and is safe for any number
// of goroutines without a lock.
type Memo struct {
	// Compute answers for a name; it is called on a miss.
	Compute func(name string) uint32
	slots   [memoSlots]atomic.Pointer[memoEntry]
}

// memoSlots is the number of names a memo holds at once (a power of two).
const memoSlots = 512

// memoMaxName bounds the names kept: a longer one is computed each time.
const memoMaxName = 64

// memoEntry is one remembered answer.
type memoEntry struct {
	name string
	bits uint32
}

// memoSlot is the slot of a name: FNV-1a of its bytes, folded.
func memoSlot(name string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(name); i++ {
		h ^= uint32(name[i])
		h *= 16777619
	}
	return (h ^ h>>16) & (memoSlots - 1)
}

// Get returns Compute(name), computed once while the name keeps its slot.
func (m *Memo) Get(name string) uint32 {
	if len(name) > memoMaxName {
		return m.Compute(name)
	}
	slot := &m.slots[memoSlot(name)]
	if e := slot.Load(); e != nil && e.name == name {
		return e.bits
	}
	bits := m.Compute(name)
	slot.Store(&memoEntry{name: strings.Clone(name), bits: bits})
	return bits
}
