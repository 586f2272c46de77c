package board

import (
	"fmt"

	"rampart.dev/pkg/audit"
	"rampart.dev/rampart-watch/internal/feed"
)

// Chain checks, record by record, that the audit trail hangs together:
// each record's hash is the hash of its canonical bytes, its prev is the
// previous record's hash and its seq is one more. It checks the records the
// dashboard reads; [Chain.Verified] adds what audit.Verify found for the
// whole log (rotated files and the head file included) when the dashboard
// started.
type Chain struct {
	// N is the number of records checked here.
	N int
	// First and Last are the seqs of the first and last records checked.
	First, Last uint64
	// Broken is the first problem found, "" while the chain holds.
	Broken string

	// whole is set once audit.Verify passed on the whole log; pending
	// while it runs.
	whole, pending bool

	last      *feed.Record
	lastWhere string
}

// Add checks r, read from where, against the record before it.
func (c *Chain) Add(r *feed.Record, where string) {
	defer func() { c.last, c.lastWhere = r, where }()
	if c.N == 0 {
		c.First = r.Seq
	}
	c.N++
	c.Last = r.Seq
	if c.Broken != "" {
		return
	}
	if r.ComputeHash() != r.Hash {
		c.Broken = where + ": hash does not match the record"
		return
	}
	if c.last == nil {
		return
	}
	switch {
	case r.Prev != c.last.Hash:
		c.Broken = fmt.Sprintf("%s: prev does not match %s", where, c.lastPlace())
	case r.Seq != c.last.Seq+1:
		c.Broken = fmt.Sprintf("%s: seq %d follows seq %d", where, r.Seq, c.last.Seq)
	}
}

// lastPlace names the previous record for a message: "line 41" when both
// are in the same file, else its full place.
func (c *Chain) lastPlace() string {
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

// Verifying notes that audit.Verify is checking the whole log.
func (c *Chain) Verifying() { c.pending = true }

// Verified takes in what audit.Verify found for the whole log.
func (c *Chain) Verified(res audit.Result, err error) {
	c.pending = false
	switch {
	case err != nil:
		if c.Broken == "" {
			c.Broken = "verify: " + err.Error()
		}
	case res.Problem != nil:
		// The whole-log check names the first problem; it wins over one
		// found later in the file.
		c.Broken = res.Problem.Error()
	default:
		c.whole = true
	}
}

// Status says in a few words where the chain stands.
func (c *Chain) Status() string {
	switch {
	case c.Broken != "":
		return "chain BROKEN at " + c.Broken
	case c.N == 0 && c.pending:
		return "chain: verifying…"
	case c.N == 0:
		return "chain: no records yet"
	case c.pending:
		return fmt.Sprintf("chain: verifying… (seq %d-%d hold)", c.First, c.Last)
	case c.whole:
		return fmt.Sprintf("chain verified to seq %d", c.Last)
	}
	return fmt.Sprintf("chain holds for seq %d-%d", c.First, c.Last)
}
