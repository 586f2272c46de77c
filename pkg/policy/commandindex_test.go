package policy

import (
	"crypto/sha256"
	"errors"
	"reflect"
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
		"rm":   {Open: []int32{2, 4}, Named: []NamedRule{{0, []int32{0}}, {3, []int32{1}}}},
		"curl": {Open: []int32{2, 4}, Named: []NamedRule{{0, []int32{2}}}},
		"wget": {Open: []int32{2, 4}, Named: []NamedRule{{0, []int32{2}}}},
		"git":  {Open: []int32{2, 4}, Named: []NamedRule{{3, []int32{0, 2}}}},
		"ls":   {Open: []int32{2, 4}},
		"sh":   {Open: []int32{2, 4}},
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
		commandIndex([]*Rule{rule("x"), rule("x"), rule("x"), rule("x"), rule("x"), rule("x"), rule("x"), rule("x")}), // rule 7 of 6
		commandIndex([]*Rule{rule("x", "x", "x", "x")}),                                                               // patterns past the set's
		commandIndex([]*Rule{{}, rule("*/x")}),                                                                        // open rule 1 has no command_matches
		"\x01",                                                                                                        // truncated
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
	w.str(commandIndex(q.Entries[0].rules))
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

func lastIndex(b, sub []byte) int {
	for i := len(b) - len(sub); i >= 0; i-- {
		if string(b[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return -1
}
