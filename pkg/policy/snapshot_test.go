package policy

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"reflect"
	"testing"

	"rampart.dev/pkg/call"
)

// everySnapshot is the snapshot of a policy that uses every condition,
// made by package compile from its source (TestEverySnapshot there checks
// it, and rewrites it with -update).
func everySnapshot(t testing.TB) []byte {
	b, err := os.ReadFile("testdata/every.snap")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSnapshotRoundTrip(t *testing.T) {
	snap := everySnapshot(t)
	q, err := LoadSnapshot(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	again, err := Snapshot(q)
	if err != nil || !bytes.Equal(again, snap) {
		t.Errorf("a loaded snapshot does not encode to itself (err %v)", err)
	}
	for _, e := range q.Entries {
		want := &Entry{Tools: e.Tools}
		want.prepare()
		if !reflect.DeepEqual(e.toolNames, want.toolNames) || !reflect.DeepEqual(e.Names(), []string{e.Name}) {
			t.Errorf("entry %s: tool names %q, names %q", e.Name, e.toolNames, e.Names())
		}
	}
}

func TestSnapshotCorrupt(t *testing.T) {
	snap := everySnapshot(t)
	for i := range snap {
		b := bytes.Clone(snap)
		b[i] ^= 0x20
		if _, err := LoadSnapshot(string(b)); !errors.Is(err, ErrSnapshot) {
			t.Fatalf("byte %d changed: err %v, want ErrSnapshot", i, err)
		}
	}
	for n := range len(snap) {
		if _, err := LoadSnapshot(string(snap[:n])); !errors.Is(err, ErrSnapshot) {
			t.Fatalf("truncated to %d bytes: err %v, want ErrSnapshot", n, err)
		}
	}
}

// A body whose rules are damaged but whose checksum is right (a snapshot
// written by a faulty build) is refused when it is loaded, not when a call
// first reaches the entry: every truncation of the body's rule section,
// and every code of a condition that does not exist.
func TestSnapshotDamagedRules(t *testing.T) {
	snap := everySnapshot(t)
	body := snap[len(snapshotMagic)+sha256.Size:]
	seal := func(body []byte) string {
		sum := sha256.Sum256(body)
		return snapshotMagic + string(sum[:]) + string(body)
	}
	if _, err := LoadSnapshot(seal(body)); err != nil {
		t.Fatalf("resealed snapshot: %v", err)
	}
	for n := range len(body) {
		if _, err := LoadSnapshot(seal(body[:n])); !errors.Is(err, ErrSnapshot) {
			t.Fatalf("body cut to %d bytes: err %v, want ErrSnapshot", n, err)
		}
	}
	// An unknown condition code in the first rule of the first entry.
	q := &Policy{Entries: []*Entry{{Name: "e", rules: []*Rule{{Action: call.Deny, Hint: []string{"x"}}}}}}
	b, err := Snapshot(q)
	if err != nil {
		t.Fatal(err)
	}
	b = b[len(snapshotMagic)+sha256.Size:]
	i := bytes.LastIndex(b, []byte{15, 1, 1, 'x'}) // annotation_hints: ["x"]
	if i < 0 {
		t.Fatal("condition not found in the body")
	}
	b = bytes.Clone(b)
	b[i] = 99
	if _, err := LoadSnapshot(seal(b)); !errors.Is(err, ErrSnapshot) {
		t.Fatalf("unknown condition code: err %v, want ErrSnapshot", err)
	}
}

// Rules that fail to lay out all the same deny what their entry admits.
func TestDecodeRulesFailsClosed(t *testing.T) {
	for _, src := range []string{"\x05", "\x01\x02\x00", "\x01\x02\x00\x00\x01\x63\x00"} {
		for _, builtIn := range []bool{false, true} {
			rs := decodeRules(src, builtIn)
			if len(rs) != 1 || rs[0].Action != call.Deny || !rs[0].Unconditional() || rs[0].Message != damagedMessage {
				t.Errorf("decodeRules(%q, %v) = %+v, want one unconditional deny", src, builtIn, rs)
			}
		}
	}
}

// A snapshot built into the binary has its rules read only when an entry
// is first asked: damaged rules that LoadSnapshot refuses load there, and
// the entry they belong to denies every call it admits.
func TestBuiltInRulesReadOnFirstUse(t *testing.T) {
	q := &Policy{Entries: []*Entry{
		{Name: "e", rules: []*Rule{{Action: call.Allow, Hint: []string{"x"}}}},
		{Name: "f", rules: []*Rule{{Action: call.Allow, Hint: []string{"y"}}}},
	}}
	snap, err := Snapshot(q)
	if err != nil {
		t.Fatal(err)
	}
	p, err := loadBuiltIn(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	if rs := p.Entries[0].Rules(); len(rs) != 1 || rs[0].Action != call.Allow || !reflect.DeepEqual(rs[0].Hint, []string{"x"}) {
		t.Fatalf("built-in rules = %+v, want the allow with hint x", rs)
	}
	b := bytes.Clone(snap)
	i := bytes.Index(b, []byte{15, 1, 1, 'x'}) // annotation_hints: ["x"]
	if i < 0 {
		t.Fatal("condition not found in the snapshot")
	}
	b[i] = 99 // a condition code that does not exist
	p, err = loadBuiltIn(string(b))
	if err != nil {
		t.Fatalf("damaged rules refused at load: %v", err)
	}
	if r := p.Entries[0].Rule(0); r.Action != call.Deny || !r.Unconditional() || r.Message != damagedMessage {
		t.Errorf("damaged built-in rule laid out alone = %+v, want an unconditional deny", r)
	}
	if rs := p.Entries[0].Rules(); len(rs) != 1 || rs[0].Action != call.Deny || !rs[0].Unconditional() || rs[0].Message != damagedMessage {
		t.Errorf("damaged built-in rules = %+v, want one unconditional deny", rs)
	}
	if rs := p.Entries[1].Rules(); len(rs) != 1 || rs[0].Action != call.Allow {
		t.Errorf("the next entry's rules = %+v, want its allow", rs)
	}
	body := b[len(snapshotMagic)+sha256.Size:]
	sum := sha256.Sum256(body)
	if _, err := LoadSnapshot(snapshotMagic + string(sum[:]) + string(body)); !errors.Is(err, ErrSnapshot) {
		t.Errorf("LoadSnapshot of damaged rules: err %v, want ErrSnapshot", err)
	}
}

// A snapshot built into the binary lays its inline tests out when they
// are first asked for, as LoadSnapshot lays them out at once; a test
// section that does not follow the layout is refused by LoadSnapshot and
// leaves a built-in snapshot without tests (they decide nothing).
func TestBuiltInTestsReadOnFirstUse(t *testing.T) {
	snap := everySnapshot(t)
	eager, err := LoadSnapshot(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	if len(eager.TestCases()) == 0 || !reflect.DeepEqual(eager.TestCases(), eager.Tests) {
		t.Fatalf("LoadSnapshot: %d tests, Tests %d", len(eager.TestCases()), len(eager.Tests))
	}
	lazy, err := loadBuiltIn(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	if lazy.Tests != nil || lazy.lazyTests == nil {
		t.Fatal("a built-in snapshot laid its tests out at load")
	}
	if !reflect.DeepEqual(lazy.TestCases(), eager.TestCases()) {
		t.Errorf("tests laid out on first use differ:\n%#v\nat load:\n%#v", lazy.TestCases(), eager.TestCases())
	}
	for _, src := range []string{"\x01", "\x01\x05", "\x02\x00"} {
		p := &Policy{lazyTests: &lazyTests{src: src}}
		if tc := p.TestCases(); tc != nil {
			t.Errorf("test section %q: %d tests, want none", src, len(tc))
		}
	}
}

// FuzzSnapshotBody checks that no body, checksum aside, makes the reader
// panic or loop, whether its rules are checked at load or at first use.
func FuzzSnapshotBody(f *testing.F) {
	snap := everySnapshot(f)
	f.Add(snap[len(snapshotMagic)+32:])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := decodeSnapshot(string(body), true)
		if err == nil && p == nil {
			t.Fatal("no policy and no error")
		}
		if err == nil {
			// A body that loads lays out every entry's rules as checked.
			for _, e := range p.Entries {
				if rs := e.Rules(); len(rs) == 1 && rs[0].Message == damagedMessage {
					t.Fatalf("entry %q: rules checked at load fail to lay out", e.Name)
				}
			}
		}
		// Unchecked, rules lay out or deny (decodeRules), never panic.
		if p, err := decodeSnapshot(string(body), false); err == nil {
			for _, e := range p.Entries {
				_ = e.Rules()
			}
		}
	})
}

func BenchmarkProfileSnapshot(b *testing.B) {
	for b.Loop() {
		if _, err := Profile("standard"); err != nil {
			b.Fatal(err)
		}
	}
}
