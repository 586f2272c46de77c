package board

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/rampart-watch/internal/feed"
)

func rec(seq uint64, tool, summary string, d call.Action, policies ...string) feed.Event {
	return feed.Event{
		Record: &feed.Record{Seq: seq, Tool: tool, Summary: summary, Decision: d, MatchedPolicies: policies,
			Prev: fmt.Sprintf("h%d", seq-1), Hash: fmt.Sprintf("h%d", seq)},
		Where: fmt.Sprintf("audit.jsonl:%d", seq),
	}
}

func sample() []feed.Event {
	return []feed.Event{
		rec(1, "exec", "git status", call.Allow),
		rec(2, "exec", "rm -rf /", call.Deny, "block-destructive"),
		rec(3, "read", "~/.ssh/id_rsa", call.Deny, "credentials"),
		rec(4, "fetch", "https://x.ngrok-free.app", call.Log, "watch-tunnels"),
		rec(5, "mcp", "fs/write_file", call.RequireApproval, "ask-writes"),
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
	for i := uint64(1); i <= 100; i++ {
		b.Add([]feed.Event{rec(i, "exec", "ls", call.Allow)}, Filter{})
	}
	if b.Len() > 10+10/4 || b.Total != 100 {
		t.Errorf("kept %d records, total %d; want at most 12 and 100", b.Len(), b.Total)
	}
	if rows := b.Rows(Filter{}); rows[0].Seq != 100 {
		t.Errorf("newest row is seq %d, want 100", rows[0].Seq)
	}
}

func TestChain(t *testing.T) {
	var b Board
	b.Add(sample(), Filter{})
	if got := b.Chain.Status(); got != "chain linked (5)" {
		t.Errorf("Status() = %q", got)
	}

	// A record whose prev is not the last hash breaks the chain at its line.
	bad := rec(6, "exec", "ls", call.Allow)
	bad.Record.Prev = "forged"
	b.Add([]feed.Event{bad, rec(7, "exec", "ls", call.Allow)}, Filter{})
	if got := b.Chain.Status(); got != "chain BROKEN at audit.jsonl:6: prev does not match line 5" {
		t.Errorf("Status() = %q", got)
	}

	// A gap in seq.
	var d Board
	e := rec(3, "exec", "b", call.Allow)
	e.Record.Prev = "h1"
	d.Add([]feed.Event{rec(1, "exec", "a", call.Allow), e}, Filter{})
	if got := d.Chain.Status(); got != "chain BROKEN at audit.jsonl:3: seq 3 follows seq 1" {
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
	if got := s.Chain.Status(); got != "chain linked (2)" {
		t.Errorf("Status() after resync = %q", got)
	}

	// With a hash checker, each record's own hash is checked too.
	var h Board
	h.Chain.HashOK = func(line []byte) error {
		if string(line) == "bad" {
			return errors.New("hash does not match")
		}
		return nil
	}
	ok := rec(1, "exec", "a", call.Allow)
	ok.Line = []byte("good")
	h.Add([]feed.Event{ok}, Filter{})
	if got := h.Chain.Status(); got != "chain verified (1)" {
		t.Errorf("Status() = %q", got)
	}
	worse := rec(2, "exec", "b", call.Allow)
	worse.Line = []byte("bad")
	h.Add([]feed.Event{worse}, Filter{})
	if got := h.Chain.Status(); got != "chain BROKEN at audit.jsonl:2: hash does not match" {
		t.Errorf("Status() = %q", got)
	}
}

func BenchmarkRows(b *testing.B) {
	var bd Board
	for i := uint64(1); i <= DefaultMax; i++ {
		d := call.Allow
		if i%10 == 0 {
			d = call.Deny
		}
		bd.Add([]feed.Event{rec(i, "exec", "git status", d)}, Filter{})
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
