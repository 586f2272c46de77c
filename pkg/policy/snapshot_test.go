package policy

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"reflect"
	"testing"

	"rampart.dev/pkg/call"
)

// snapshotSource uses every condition a snapshot carries, extends a
// profile, and has tests with parameters of each kind.
const snapshotSource = `version: 1
name: every-condition
extends: yolo
default_action: log
policies:
  - name: cmds
    priority: 5
    match: {tool: [exec, "mcp*"], agent: [claude-code], session: ["s-*"]}
    rules:
      - action: deny
        message: "no {matched}"
        when:
          command_matches: ["rm -rf /", "{curl,wget} * | sh", "*/evil *"]
          command_not_matches: ["rm -rf /tmp/*"]
      - action: require_approval
        when:
          path_matches: ["~/.ssh/**", "*.pem", "./secrets/**", "/etc/shadow"]
          path_not_matches: ["**/public.pem"]
      - action: log
        when:
          domain_matches: ["*.example.com", "Bücher.example"]
          domain_not_matches: [ok.example.com]
          url_matches: ["https://*"]
          url_not_matches: ["https://ok/*"]
      - action: deny
        when:
          tool_name_matches: ["*delete*"]
          argument_matches: ["*--force*"]
          annotation_hints: [destructiveHint]
      - action: deny
        when: {content_matches: ["*BEGIN*KEY*"], effect_matches: ["flow:secret->network"], line_matches: ["*base64 -d*"]}
      - action: deny
        when: {response_matches: ["*AKIA*"]}
      - action: allow
tests:
  - name: root
    command: rm -rf /
    expect: deny
  - tool: mcp
    params: {n: 3, f: 1.5, b: true, z: null, s: str, l: [1, two], m: {k: v}}
    expect: log
`

func TestSnapshotRoundTrip(t *testing.T) {
	p, err := Parse("every.yaml", []byte(snapshotSource))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Snapshot(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := LoadSnapshot(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	if a, b := describe(p), describe(q); a != b {
		t.Errorf("snapshot loads differently:\n%s\n---\n%s", a, b)
	}
	again, err := Snapshot(q)
	if err != nil || !bytes.Equal(again, snap) {
		t.Errorf("a loaded snapshot does not encode to itself (err %v)", err)
	}
	for i, e := range p.Entries {
		f := q.Entries[i]
		if e.Name != f.Name || e.Origin != f.Origin || e.Priority != f.Priority || !reflect.DeepEqual(e.Names(), f.Names()) || !reflect.DeepEqual(e.toolNames, f.toolNames) {
			t.Errorf("entry %d: %+v, loaded %+v", i, e, f)
		}
		for j, r := range e.Rules() {
			if r.Line != f.Rules()[j].Line || r.Message != f.Rules()[j].Message {
				t.Errorf("entry %s rule %d: line %d %q, loaded %d %q", e.Name, j, r.Line, r.Message, f.Rules()[j].Line, f.Rules()[j].Message)
			}
		}
	}
	if !reflect.DeepEqual(p.Tests, q.Tests) {
		t.Errorf("tests:\n%#v\nloaded\n%#v", p.Tests, q.Tests)
	}
	if p.Name != q.Name || p.Source != q.Source || p.DefaultAction != q.DefaultAction {
		t.Errorf("header %q %q %v, loaded %q %q %v", p.Name, p.Source, p.DefaultAction, q.Name, q.Source, q.DefaultAction)
	}
}

// TestSnapshotCorrupt checks that a damaged snapshot is refused, never
// loaded as a policy: every single-byte change and every truncation.
func TestSnapshotCorrupt(t *testing.T) {
	p, err := Parse("every.yaml", []byte(snapshotSource))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Snapshot(p)
	if err != nil {
		t.Fatal(err)
	}
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
	p, err := Parse("every.yaml", []byte(snapshotSource))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Snapshot(p)
	if err != nil {
		t.Fatal(err)
	}
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
		rs := decodeRules(src)
		if len(rs) != 1 || rs[0].Action != call.Deny || !rs[0].Unconditional() || rs[0].Message != damagedMessage {
			t.Errorf("decodeRules(%q) = %+v, want one unconditional deny", src, rs)
		}
	}
}

// FuzzSnapshotBody checks that no body, checksum aside, makes the reader
// panic or loop.
func FuzzSnapshotBody(f *testing.F) {
	p, err := Parse("every.yaml", []byte(snapshotSource))
	if err != nil {
		f.Fatal(err)
	}
	snap, _ := Snapshot(p)
	f.Add(snap[len(snapshotMagic)+32:])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := decodeSnapshot(string(body))
		if err == nil && p == nil {
			t.Fatal("no policy and no error")
		}
		if err != nil {
			return
		}
		// A body that loads lays out every entry's rules as checked.
		for _, e := range p.Entries {
			if rs := e.Rules(); len(rs) == 1 && rs[0].Message == damagedMessage {
				t.Fatalf("entry %q: rules checked at load fail to lay out", e.Name)
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

func BenchmarkProfileFromYAML(b *testing.B) {
	for b.Loop() {
		if _, err := compileProfile("standard"); err != nil {
			b.Fatal(err)
		}
	}
}
