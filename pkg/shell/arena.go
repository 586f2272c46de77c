package shell

import (
	"sync"
	"unsafe"
)

// The walk hands out many short slices that live as long as the Result
// (a command's words, what reaches its stdin, the text of words it had to
// unquote) or as long as one command (which words are dynamic). Each comes from a chunk shared by the
// commands of one Parse call rather than from an allocation of its own: a
// slice is cut with its capacity at its length, so appending to it past
// that copies it out and never writes into a neighbour, and a chunk is
// never handed out twice.

// arenaChunk is the least number of elements a new chunk holds.
const arenaChunk = 64

// strs returns an empty slice with room for n strings.
func (s *state) strs(n int) []string {
	if cap(s.strArena)-len(s.strArena) < n {
		s.strArena = make([]string, 0, max(n, arenaChunk))
	}
	i := len(s.strArena)
	s.strArena = s.strArena[:i+n]
	return s.strArena[i : i : i+n]
}

// bools returns an empty slice with room for n bools.
func (s *state) bools(n int) []bool {
	if cap(s.boolArena)-len(s.boolArena) < n {
		s.boolArena = make([]bool, 0, max(n, arenaChunk))
	}
	i := len(s.boolArena)
	s.boolArena = s.boolArena[:i+n]
	return s.boolArena[i : i : i+n]
}

// ints returns an empty slice with room for n ints.
func (s *state) ints(n int) []int {
	if cap(s.intArena)-len(s.intArena) < n {
		s.intArena = make([]int, 0, max(n, arenaChunk))
	}
	i := len(s.intArena)
	s.intArena = s.intArena[:i+n]
	return s.intArena[i : i : i+n]
}

// appendSpans returns spans with more added, growing into the state's span
// arena rather than the heap. Spans (which commands a substitution made)
// never leave the walk, so free empties the arena for the next call; a
// slice is cut with room to grow, as append would give it, and the room
// is its own.
func (s *state) appendSpans(spans []span, more ...span) []span {
	n := len(spans) + len(more)
	if n <= cap(spans) {
		return append(spans, more...)
	}
	c := max(2*n, 4)
	if cap(s.spanArena)-len(s.spanArena) < c {
		s.spanArena = make([]span, 0, max(c, arenaChunk))
	}
	i := len(s.spanArena)
	s.spanArena = s.spanArena[:i+c]
	out := append(s.spanArena[i:i:i+c], spans...)
	return append(out, more...)
}

// str returns the text of b as a string written in the line's bytes,
// which once written are never written again.
func (s *state) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(s.byteArena)-len(s.byteArena) < len(b) {
		s.byteArena = make([]byte, 0, max(len(b), arenaChunk*16))
	}
	i := len(s.byteArena)
	s.byteArena = append(s.byteArena, b...)
	return unsafe.String(&s.byteArena[i], len(b))
}

// estimateCommands is about how many commands Parse reports for src: one,
// and one more for each operator or substitution that can start another,
// and half as many again for the commands wrappers run (xargs CMD, sudo
// CMD). It sizes the output once instead of growing it command by command.
func estimateCommands(src string) int {
	n := 1
	for i := 0; i < len(src); i++ {
		if commandStarts[src[i]] {
			n++
		}
	}
	return min(n+n/2+2, MaxCommands)
}

// commandStarts marks the bytes estimateCommands counts: one load per
// byte of the line instead of six comparisons.
var commandStarts = [256]bool{'|': true, ';': true, '&': true, '\n': true, '(': true, '`': true}

// commandArrays holds output arrays handed back by Release, for the next
// Parse to fill instead of allocating its own (a Command is some 300
// bytes: a line's array is the largest thing the walk allocates).
var commandArrays sync.Pool // of *[]Command

// arrayBoxes holds the empty *[]Command a Get from commandArrays leaves, for
// Release to put the next array in without allocating a box.
var arrayBoxes sync.Pool // of *[]Command

// maxReleased bounds the arrays kept: one that held a line at MaxCommands
// is left to the collector.
const maxReleased = 256

// Release hands r's command array back for a later Parse to reuse, and
// empties r. Call it only when nothing still points into r.Commands; the
// strings and slices the commands held are not reused and stay valid.
func Release(r *Result) {
	cmds := r.Commands
	r.Commands = nil
	if cap(cmds) == 0 || cap(cmds) > maxReleased {
		return
	}
	// Let go of what the commands pointed to. Past len(cmds) nothing was
	// written: the walk only appends, and arrays come back here cleared.
	clear(cmds)
	box, _ := arrayBoxes.Get().(*[]Command)
	if box == nil {
		box = new([]Command)
	}
	*box = cmds[:0]
	commandArrays.Put(box)
}

// commandArray returns an empty array with room for n commands, a
// released one when it is large enough.
func commandArray(n int) []Command {
	if p, ok := commandArrays.Get().(*[]Command); ok {
		cmds := *p
		*p = nil
		arrayBoxes.Put(p)
		if cap(cmds) >= n {
			return cmds[:0]
		}
	}
	return make([]Command, 0, n)
}
