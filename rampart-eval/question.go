package main

import (
	"bytes"
	"maps"
	"sync"

	"rampart.dev/pkg/call"
)

// oneQuestion returns the line q holds when it holds exactly one non-empty
// line, as call.Reader reads it (its newline and the space around it
// trimmed), and nil otherwise.
func oneQuestion(q []byte) []byte {
	line := bytes.TrimSpace(q)
	if len(line) == 0 || len(line) > call.MaxLine || bytes.IndexByte(line, '\n') >= 0 {
		return nil
	}
	return line
}

// maxCachedQuestion bounds the line questionCache keeps.
const maxCachedQuestion = 4 << 10

// questionCache keeps the last question line parsed and its Call. A
// program that runs the same command in a loop asks the same line for
// every exec, and its Call is copied from here instead of parsed again
// (the line read, checked as UTF-8, unescaped and put in canonical form).
// Parsing depends on the line's bytes alone, so the Call is the one
// call.Parse gives; every question is still decided and audited on its
// own. Only a Call whose params are all strings is kept, and each caller
// gets its own copy of the params map, so that nothing one decision does
// with its Call reaches another's.
type questionCache struct {
	mu   sync.Mutex
	line []byte
	c    call.Call // its Params never written once kept
}

// questions is the datagram server's cache of its last question.
var questions questionCache

// parse returns the Call of line, as call.Parse does, and false when
// line is no Call (the caller answers it as bad input).
func (q *questionCache) parse(line []byte) (call.Call, bool) {
	q.mu.Lock()
	if q.line != nil && bytes.Equal(q.line, line) {
		c := q.c
		q.mu.Unlock()
		c.Params = maps.Clone(c.Params)
		return c, true
	}
	q.mu.Unlock()
	c, err := call.Parse(line)
	if err != nil {
		return call.Call{}, false
	}
	if len(line) <= maxCachedQuestion && flat(c.Params) {
		kept := c
		kept.Params = maps.Clone(c.Params)
		q.mu.Lock()
		q.line = append(q.line[:0], line...)
		q.c = kept
		q.mu.Unlock()
	}
	return c, true
}

// flat reports whether every value of p is a string, so that a copy of
// the map shares nothing that can be changed.
func flat(p call.Params) bool {
	for _, v := range p {
		if _, ok := v.(string); !ok {
			return false
		}
	}
	return true
}
