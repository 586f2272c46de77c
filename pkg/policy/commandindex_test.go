package policy

import (
	"crypto/sha256"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// An entry's command index names, for each program, the rules with
// patterns indexed under it and their positions (brace lists under each
// name, once), leaves out pipelines, lists as open the rules with a
// globbed, path or quoted program word, and is read only from a snapshot
// built into the binary; an index that does not fit the rules is not
// used, and one that does not follow the layout is refused.
func TestCommandIndex(t *testing.T) {
	rule := func(srcs ...string) *Rule { return &Rule{Action: call.Deny, Command: match.LazyCommandSet(srcs)} }
	q := &Policy{Entries: []*Entry{{Name: "e", rules: []*Rule{
		rule("rm -rf /", "{curl,wget,curl} * | sh", "{curl,wget} -d *"), // 0
		{Action: call.RequireApproval},                                  // 1: no command_matches
		rule("git push --force", "*/evil *"),                            // 2: open
		rule("git reset --hard", "rm x", "git clean"),                   // 3
		rule("'rm' y"), // 4: open (quoted)
		rule("a | b"),  // 5: only a pipeline
	}}}}
	snap, err := Snapshot(q)
	if err != nil {
		t.Fatal(err)
	}
	p, err := loadBuiltIn(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	e := p.Entries[0]
	for name, want := range map[string]CommandIndex{
		"rm":   {Open: []int32{2, 4}, Named: []NamedRule{{0, []int32{0}}, {3, []int32{1}}}, Plain: []int32{1}},
		"curl": {Open: []int32{2, 4}, Named: []NamedRule{{0, []int32{2}}}, Plain: []int32{1}},
		"wget": {Open: []int32{2, 4}, Named: []NamedRule{{0, []int32{2}}}, Plain: []int32{1}},
		"git":  {Open: []int32{2, 4}, Named: []NamedRule{{3, []int32{0, 2}}}, Plain: []int32{1}},
		"ls":   {Open: []int32{2, 4}, Plain: []int32{1}},
		"sh":   {Open: []int32{2, 4}, Plain: []int32{1}},
	} {
		got, ok := e.CommandIndex(name)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %+v %v, want %+v", name, got, ok, want)
		}
	}

	// Read from a file, the entry has no index.
	f, err := LoadSnapshot(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Entries[0].CommandIndex("rm"); ok {
		t.Error("an entry read from a file has an index")
	}

	// An index that does not fit its rules is not used.
	for _, bad := range []string{
		indexOf([]*Rule{rule("x"), rule("x"), rule("x"), rule("x"), rule("x"), rule("x"), rule("x"), rule("x")}), // rule 7 of 6
		indexOf([]*Rule{rule("x", "x", "x", "x")}),                                                               // patterns past the set's
		indexOf([]*Rule{{}, rule("*/x")}),                                                                        // open rule 1 has no command_matches
		"\x01",                                                                                                   // truncated
	} {
		l := e.lazy
		saved := l.index
		l.index = bad
		if ix, ok := e.CommandIndex("x"); ok && len(ix.Named) > 0 {
			t.Errorf("index %q that does not fit: %+v used", bad, ix)
		}
		l.index = saved
	}

	// A malformed index is refused from a file.
	body := []byte(snap[len(snapshotMagic)+sha256.Size:])
	var w snapWriter
	w.str(indexOf(q.Entries[0].rules))
	i := lastIndex(body, w.b)
	if i < 0 {
		t.Fatal("index not found in the body")
	}
	body[i+len(w.b)-1] ^= 0x80 // the last byte now continues a number
	sum := sha256.Sum256(body)
	if _, err := LoadSnapshot(snapshotMagic + string(sum[:]) + string(body)); !errors.Is(err, ErrSnapshot) {
		t.Errorf("malformed index: err %v, want ErrSnapshot", err)
	}
}

// indexOf is the command index of rules, as Snapshot writes it.
func indexOf(rules []*Rule) string {
	sizes := make([]int, len(rules))
	for j, r := range rules {
		var w snapWriter
		w.rule(r)
		sizes[j] = len(w.b)
	}
	return commandIndex(rules, sizes)
}

func lastIndex(b, sub []byte) int {
	for i := len(b) - len(sub); i >= 0; i-- {
		if string(b[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return -1
}

// TestRulesLaidOutAlone checks, for every profile built into the binary,
// that each entry's rules laid out one at a time (Rule, from the last to
// the first, before Rules) are those the snapshot holds, read as a file's
// are (LoadSnapshot), that Rules then gives the same rules, and that the
// flags the index keeps (RuleHasEffect, CommandIndex's Plain) are theirs.
func TestRulesLaidOutAlone(t *testing.T) {
	for _, name := range Profiles() {
		snap, _ := profileSnapshot(name)
		p, err := loadBuiltIn(snap)
		if err != nil {
			t.Fatal(err)
		}
		f, err := LoadSnapshot(snap)
		if err != nil {
			t.Fatal(err)
		}
		for k, e := range p.Entries {
			want := f.Entries[k].Rules()
			if e.lazy.spanned() == nil {
				t.Fatalf("%s: entry %s: the index does not place its rules", name, e.Name)
			}
			ix, ok := e.CommandIndex("\x00")
			if !ok {
				t.Fatalf("%s: entry %s: no command index", name, e.Name)
			}
			var plain []int32
			alone := make([]*Rule, len(want))
			for j := len(want) - 1; j >= 0; j-- {
				alone[j] = e.Rule(j)
				if got, w := describeRule(alone[j]), describeRule(want[j]); got != w {
					t.Errorf("%s: entry %s rule %d laid out alone:\n%s\nfrom a file:\n%s", name, e.Name, j, got, w)
				}
				if e.RuleHasEffect(j) != (len(want[j].Effect) > 0) {
					t.Errorf("%s: entry %s rule %d: RuleHasEffect %v", name, e.Name, j, e.RuleHasEffect(j))
				}
				if want[j].Command.Len() == 0 {
					plain = append([]int32{int32(j)}, plain...)
				}
			}
			if !reflect.DeepEqual(ix.Plain, plain) {
				t.Errorf("%s: entry %s: Plain %v, want %v", name, e.Name, ix.Plain, plain)
			}
			if got := e.Rules(); !reflect.DeepEqual(got, alone) || len(got) > 0 && got[0] != alone[0] {
				t.Errorf("%s: entry %s: Rules is not the rules laid out alone", name, e.Name)
			}
		}
	}
}

// describeRule writes what a rule holds, for comparing two layouts of it.
func describeRule(r *Rule) string {
	var b []string
	b = append(b, r.Action.String(), r.Message, strconv.Itoa(r.Line))
	for _, c := range conditions {
		b = append(b, c.key+"="+strings.Join(c.get(r), "\x00"))
	}
	return strings.Join(b, "\n")
}

// TestRulesLaidOutConcurrently lays the rules of every entry of the
// standard profile out from several goroutines at once, one at a time
// (Rule, in different orders) and together (Rules): each rule is laid out
// once, and all see the same rules (go test -race checks the rest).
func TestRulesLaidOutConcurrently(t *testing.T) {
	snap, _ := profileSnapshot("standard")
	p, err := loadBuiltIn(snap)
	if err != nil {
		t.Fatal(err)
	}
	const workers = 8
	got := make([][][]*Rule, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[w] = make([][]*Rule, len(p.Entries))
			for k, e := range p.Entries {
				if w%3 == 0 {
					got[w][k] = e.Rules()
					continue
				}
				n := len(e.lazy.spanned().at)
				rs := make([]*Rule, n)
				for m := range n {
					j := m
					if w%2 == 1 {
						j = n - 1 - m
					}
					rs[j] = e.Rule(j)
					e.RuleHasEffect(j)
				}
				got[w][k] = rs
			}
		}()
	}
	wg.Wait()
	for k, e := range p.Entries {
		want := e.Rules()
		for w := range workers {
			if !slices.Equal(got[w][k], want) {
				t.Fatalf("entry %s: worker %d saw other rules", e.Name, w)
			}
		}
	}
}
