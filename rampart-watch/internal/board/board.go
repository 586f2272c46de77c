// Package board is the dashboard's state, without any drawing: the records
// seen so far (newest kept, up to a bound), totals by decision, the state of
// the hash chain, and filtered views of the records.
package board

import (
	"sort"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/rampart-watch/internal/feed"
)

// DefaultMax bounds the records kept for display. Totals count every
// record; only the newest DefaultMax can be scrolled to, which is far more
// than anyone scrolls and keeps a week-long session's memory flat.
const DefaultMax = 20000

// Board holds what the dashboard shows. It is not safe for concurrent use:
// the UI loop owns it.
type Board struct {
	// Max bounds the records kept (DefaultMax when 0).
	Max int
	// Totals counts records by decision; Total is their sum.
	Totals [call.Deny + 1]int
	Total  int
	// Errors counts lines that were not records; LastErr is the newest.
	Errors  int
	LastErr string
	// Note is the newest news from the source.
	Note string
	// Monitor is true when the newest record was judged in monitor mode.
	Monitor bool
	Chain   Chain

	recs  []*feed.Record // oldest first
	tools map[string]int
	gen   int // bumped on every change, keys the view cache

	cache struct {
		gen    int
		filter Filter
		rows   []*feed.Record
	}
}

// Add applies a batch of events and returns how many new records match f,
// so that a scrolled view can keep its place.
func (b *Board) Add(evs []feed.Event, f Filter) (matching int) {
	if b.tools == nil {
		b.tools = map[string]int{}
	}
	for _, ev := range evs {
		if ev.Note != "" {
			b.Note = ev.Note
		}
		if ev.Resync {
			b.Chain.Resync()
		}
		if ev.Err != nil {
			b.Errors++
			b.LastErr = ev.Err.Error()
			if ev.Where != "" {
				b.LastErr = ev.Where + ": " + b.LastErr
			}
			b.Chain.Bad(ev.Where, ev.Err)
			continue
		}
		r := ev.Record
		if r == nil {
			continue
		}
		b.Chain.Add(r, ev.Where)
		if int(r.Action) < len(b.Totals) {
			b.Totals[r.Action]++
		}
		b.Total++
		b.tools[r.Tool]++
		b.Monitor = r.HasFlag(call.FlagMonitor)
		b.recs = append(b.recs, r)
		if f.Match(r) {
			matching++
		}
		b.gen++
	}
	max := b.Max
	if max <= 0 {
		max = DefaultMax
	}
	// Trim in chunks, not per record, so appending stays O(1) amortised.
	if len(b.recs) > max+max/4 {
		b.recs = append([]*feed.Record(nil), b.recs[len(b.recs)-max:]...)
		b.gen++
	}
	return matching
}

// Len is the number of records kept.
func (b *Board) Len() int { return len(b.recs) }

// Rows returns the kept records that match f, newest first. The slice is
// shared until the next Add; callers must not modify it.
func (b *Board) Rows(f Filter) []*feed.Record {
	if b.cache.rows != nil && b.cache.gen == b.gen && b.cache.filter == f {
		return b.cache.rows
	}
	rows := make([]*feed.Record, 0, len(b.recs))
	for i := len(b.recs) - 1; i >= 0; i-- {
		if f.Match(b.recs[i]) {
			rows = append(rows, b.recs[i])
		}
	}
	b.cache.gen, b.cache.filter, b.cache.rows = b.gen, f, rows
	return rows
}

// Tools lists the tool names seen, the canonical ones first.
func (b *Board) Tools() []string {
	order := map[string]int{call.ToolExec: 0, call.ToolRead: 1, call.ToolWrite: 2, call.ToolFetch: 3, call.ToolMCP: 4}
	var ts []string
	for t := range b.tools {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool {
		oi, iok := order[ts[i]]
		oj, jok := order[ts[j]]
		switch {
		case iok && jok:
			return oi < oj
		case iok != jok:
			return iok
		}
		return ts[i] < ts[j]
	})
	return ts
}

// Filter selects the records a view shows. The zero Filter shows all.
type Filter struct {
	// DenyOnly shows only denied calls.
	DenyOnly bool
	// Tool, when set, shows only calls of that tool.
	Tool string
	// Search, when set, shows only calls whose tool, call, agent, policies
	// or message contain it, ignoring case.
	Search string
}

// Active reports whether f hides anything.
func (f Filter) Active() bool { return f != Filter{} }

// Match reports whether f shows r.
func (f Filter) Match(r *feed.Record) bool {
	if f.DenyOnly && r.Action != call.Deny {
		return false
	}
	if f.Tool != "" && r.Tool != f.Tool {
		return false
	}
	if f.Search != "" {
		return matchText(r, strings.ToLower(f.Search))
	}
	return true
}

// matchText reports whether any text of r contains q, a lower-case query.
func matchText(r *feed.Record, q string) bool {
	for _, s := range [...]string{r.Tool, r.Summary, r.Agent, r.Session, r.Message, r.Via, r.Action.String()} {
		if containsLower(s, q) {
			return true
		}
	}
	for _, s := range r.MatchedPolicies {
		if containsLower(s, q) {
			return true
		}
	}
	return false
}

// containsLower is strings.Contains after lower-casing s; q is lower case.
func containsLower(s, q string) bool {
	if len(q) > len(s) {
		return false
	}
	return strings.Contains(strings.ToLower(s), q)
}
