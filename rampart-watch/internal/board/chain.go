package board

import (
	"fmt"

	"rampart.dev/rampart-watch/internal/feed"
)

// Chain checks, record by record, that the audit trail hangs together:
// each record's prev is the previous record's hash and seq goes up by one.
// It checks what the dashboard sees, from the first record it read; a full
// check of every hash is rampart-audit verify.
type Chain struct {
	// N is the number of records checked.
	N int
	// Broken is the first problem found, "" while the chain holds.
	Broken string
	// Checked says whether each record's hash was recomputed (see HashOK),
	// rather than only the links between records.
	Checked bool

	// HashOK, when set, recomputes a record's hash from its raw line.
	HashOK func(line []byte) error

	last      *feed.Record
	lastWhere string
}

// Add checks r, read from where, against the record before it.
func (c *Chain) Add(r *feed.Record, where string, line []byte, rotated bool) {
	defer func() { c.last, c.lastWhere = r, where }()
	c.N++
	if c.Broken != "" {
		return
	}
	if c.HashOK != nil && line != nil {
		c.Checked = true
		if err := c.HashOK(line); err != nil {
			c.Broken = fmt.Sprintf("%s: %v", where, err)
			return
		}
	}
	if c.last == nil {
		return
	}
	switch {
	case r.Prev != c.last.Hash:
		c.Broken = fmt.Sprintf("%s: prev does not match %s", where, c.lastWhereShort(rotated))
	case r.Seq != c.last.Seq+1:
		c.Broken = fmt.Sprintf("%s: seq %d follows seq %d", where, r.Seq, c.last.Seq)
	}
}

func (c *Chain) lastWhereShort(rotated bool) string {
	if rotated || c.lastWhere == "" {
		return "the last record before it (" + c.lastWhere + ")"
	}
	// "audit.jsonl:42: prev does not match line 41"
	for i := len(c.lastWhere) - 1; i >= 0; i-- {
		if c.lastWhere[i] == ':' {
			return "line " + c.lastWhere[i+1:]
		}
	}
	return c.lastWhere
}

// Bad records a line that is not a record at all: in an audit log that is
// a break in the chain too.
func (c *Chain) Bad(where string, err error) {
	if c.Broken == "" && where != "" {
		c.Broken = fmt.Sprintf("%s: %v", where, err)
	}
	c.last = nil
}

// Resync forgets the last record, so that the next one starts a new run:
// used when a stream reconnects and may have skipped records.
func (c *Chain) Resync() { c.last = nil }

// Status says in a few words where the chain stands.
func (c *Chain) Status() string {
	switch {
	case c.Broken != "":
		return "chain BROKEN at " + c.Broken
	case c.N == 0:
		return "chain: no records yet"
	case c.Checked:
		return fmt.Sprintf("chain verified (%d)", c.N)
	}
	return fmt.Sprintf("chain linked (%d)", c.N)
}
