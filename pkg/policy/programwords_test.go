package policy

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// A command condition carries its sources' program words (the layout's
// third version), one for each source; a snapshot whose words are not one
// for each source is refused. Built in or read from a file, the snapshot's
// command sets decide alike.
func TestSnapshotProgramWords(t *testing.T) {
	srcs := []string{"rm -rf /", "{curl,wget} * | sh", "*/evil *"}
	q := &Policy{Entries: []*Entry{{Name: "e", rules: []*Rule{{Action: call.Deny, Command: match.LazyCommandSet(srcs)}}}}}
	snap, err := Snapshot(q)
	if err != nil {
		t.Fatal(err)
	}
	body := snap[len(snapshotMagic)+sha256.Size:]
	// After the three sources, their three words in one string: "rm",
	// "", "".
	words := []byte{6, 3, 2, 'r', 'm', 0, 0}
	i := bytes.LastIndex(body, words)
	if i < 0 {
		t.Fatalf("program words %q not found in the body", words)
	}
	for _, load := range []func(string) (*Policy, error){LoadSnapshot, loadBuiltIn} {
		p, err := load(string(snap))
		if err != nil {
			t.Fatal(err)
		}
		set := p.Entries[0].Rules()[0].Command
		for line, want := range map[string]bool{"rm -fr /": true, "rm x": false, "/opt/evil x": true, "ls": false} {
			w := strings.Fields(line)
			a := match.NewArgv(w[0][strings.LastIndexByte(w[0], '/')+1:], w[0], w[1:], "/", "/h")
			if got := set.MatchArgv(&a, "/h"); got != want {
				t.Errorf("%q: %v, want %v", line, got, want)
			}
		}
	}
	seal := func(body []byte) string {
		sum := sha256.Sum256(body)
		return snapshotMagic + string(sum[:]) + string(body)
	}
	b := bytes.Clone(body)
	b[i+1] = 2 // two words for three sources (and a byte left over)
	if _, err := LoadSnapshot(seal(b)); !errors.Is(err, ErrSnapshot) {
		t.Errorf("two words for three sources: err %v, want ErrSnapshot", err)
	}
}
