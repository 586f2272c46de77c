package board

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/rampart-watch/internal/feed"
)

// chain builds records linked by real hashes, as the audit writer does.
type chain struct{ prev string }

func (c *chain) rec(seq uint64, tool, summary string, d call.Action, policies ...string) feed.Event {
	r := &feed.Record{Action: d, Summary: summary}
	r.Seq, r.ID, r.Tool, r.Decision, r.MatchedPolicies, r.Prev = seq, fmt.Sprint("id", seq), tool, d.String(), policies, c.prev
	r.Params = []byte(`{}`)
	r.Hash = r.ComputeHash()
	c.prev = r.Hash
	return feed.Event{Record: r, Where: fmt.Sprintf("audit.jsonl:%d", seq)}
}

// rec builds a record that starts a chain of its own.
func rec(seq uint64, tool, summary string, d call.Action, policies ...string) feed.Event {
	return (&chain{}).rec(seq, tool, summary, d, policies...)
}

func sample() []feed.Event {
	var c chain
	return []feed.Event{
		c.rec(1, "exec", "git status", call.Allow),
		c.rec(2, "exec", "rm -rf /", call.Deny, "block-destructive"),
		c.rec(3, "read", "~/.ssh/id_rsa", call.Deny, "credentials"),
		c.rec(4, "fetch", "https://x.ngrok-free.app", call.Log, "watch-tunnels"),
		c.rec(5, "mcp", "fs/write_file", call.RequireApproval, "ask-writes"),
	}
}

func seqs(rows []*feed.Record) string {
	var s []string
	for _, r := range rows {
		s = append(s, fmt.Sprint(r.Seq))
	}
	return strings.Join(s, " ")
}

func TestFilters(t *testing.T) {
	var b Board
	b.Add(sample(), Filter{})
	tests := []struct {
		f    Filter
		want string
	}{
		{Filter{}, "5 4 3 2 1"},
		{Filter{DenyOnly: true}, "3 2"},
		{Filter{Tool: "exec"}, "2 1"},
		{Filter{Tool: "exec", DenyOnly: true}, "2"},
		{Filter{Search: "SSH"}, "3"},
		{Filter{Search: "ask-w"}, "5"},  // policy names
		{Filter{Search: "deny"}, "3 2"}, // decision
		{Filter{Search: "nothing"}, ""},
	}
	for _, tt := range tests {
		if got := seqs(b.Rows(tt.f)); got != tt.want {
			t.Errorf("Rows(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
	if got := fmt.Sprint(b.Tools()); got != "[exec read fetch mcp]" {
		t.Errorf("Tools() = %s", got)
	}
	if b.Total != 5 || b.Totals[call.Deny] != 2 || b.Totals[call.Allow] != 1 {
		t.Errorf("totals %v total %d", b.Totals, b.Total)
	}
}

func TestAddCountsMatching(t *testing.T) {
	var b Board
	if n := b.Add(sample(), Filter{DenyOnly: true}); n != 2 {
		t.Errorf("Add = %d new matching rows, want 2", n)
	}
}

func TestTrim(t *testing.T) {
	b := Board{Max: 10}
	var c chain
	for i := uint64(1); i <= 100; i++ {
		b.Add([]feed.Event{c.rec(i, "exec", "ls", call.Allow)}, Filter{})
	}
	if b.Len() > 10+10/4 || b.Total != 100 {
		t.Errorf("kept %d records, total %d; want at most 12 and 100", b.Len(), b.Total)
	}
	if rows := b.Rows(Filter{}); rows[0].Seq != 100 {
		t.Errorf("newest row is seq %d, want 100", rows[0].Seq)
	}
	if got := b.Chain.Status(); got != "chain holds for seq 1-100" {
		t.Errorf("Status() = %q", got)
	}
}

func TestChain(t *testing.T) {
	var b Board
	b.Add(sample(), Filter{})
	if got := b.Chain.Status(); got != "chain holds for seq 1-5" {
		t.Errorf("Status() = %q", got)
	}

	// A record whose prev is not the last hash breaks the chain at its line.
	var c chain
	c.prev = "forged"
	b.Add([]feed.Event{c.rec(6, "exec", "ls", call.Allow), c.rec(7, "exec", "ls", call.Allow)}, Filter{})
	if got := b.Chain.Status(); got != "chain BROKEN at audit.jsonl:6: prev does not match line 5" {
		t.Errorf("Status() = %q", got)
	}

	// A gap in seq.
	var d Board
	c = chain{}
	d.Add([]feed.Event{c.rec(1, "exec", "a", call.Allow), c.rec(3, "exec", "b", call.Allow)}, Filter{})
	if got := d.Chain.Status(); got != "chain BROKEN at audit.jsonl:3: seq 3 follows seq 1" {
		t.Errorf("Status() = %q", got)
	}

	// An edited record no longer matches its hash.
	var e Board
	edited := rec(1, "exec", "a", call.Allow)
	edited.Record.Message = "edited afterwards"
	e.Add([]feed.Event{edited}, Filter{})
	if got := e.Chain.Status(); got != "chain BROKEN at audit.jsonl:1: hash does not match the record" {
		t.Errorf("Status() = %q", got)
	}

	// A line that is not a record.
	var g Board
	g.Add([]feed.Event{rec(1, "exec", "a", call.Allow), {Where: "audit.jsonl:2", Err: errors.New("torn last line")}}, Filter{})
	if got := g.Chain.Status(); got != "chain BROKEN at audit.jsonl:2: torn last line" || g.Errors != 1 {
		t.Errorf("Status() = %q, errors %d", got, g.Errors)
	}

	// After a resync (a stream reconnected) the next record starts afresh.
	var s Board
	s.Add([]feed.Event{rec(1, "exec", "a", call.Allow), {Resync: true}, rec(9, "exec", "b", call.Allow)}, Filter{})
	if got := s.Chain.Status(); got != "chain holds for seq 1-9" {
		t.Errorf("Status() after resync = %q", got)
	}
}

func TestVerified(t *testing.T) {
	var b Board
	b.Chain.Verifying()
	if got := b.Chain.Status(); got != "chain: verifying…" {
		t.Errorf("Status() = %q", got)
	}
	b.Add(sample(), Filter{})
	b.Chain.Verified(audit.Result{Records: 5}, nil)
	if got := b.Chain.Status(); got != "chain verified to seq 5" {
		t.Errorf("Status() = %q", got)
	}
	b.Chain.Verified(audit.Result{Problem: &audit.Problem{File: "audit.jsonl.1", Line: 3, Reason: "prev does not match line 2"}}, nil)
	if got := b.Chain.Status(); got != "chain BROKEN at audit.jsonl.1:3: prev does not match line 2" {
		t.Errorf("Status() = %q", got)
	}
}

func BenchmarkRows(b *testing.B) {
	var bd Board
	var c chain
	for i := uint64(1); i <= DefaultMax; i++ {
		d := call.Allow
		if i%10 == 0 {
			d = call.Deny
		}
		bd.Add([]feed.Event{c.rec(i, "exec", "git status", d)}, Filter{})
	}
	for _, f := range []Filter{{}, {DenyOnly: true}, {Search: "status"}} {
		b.Run(fmt.Sprintf("%+v", f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bd.gen++ // defeat the cache: measure a fresh filtering pass
				bd.Rows(f)
			}
		})
	}
}
