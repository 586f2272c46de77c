package engine

import (
	"testing"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// TestEngineNameKindsAgree holds the kinds of names the engine registers
// with the shell (graphqlSenderKind, contentDestroyerKind) to the tables
// they stand for, on every program the catalogue names and every key of
// the tables, asked of a command the walk made and of one made by hand.
func TestEngineNameKindsAgree(t *testing.T) {
	names := catalog.ProgramsMatching("*", nil, 1<<20)
	for n := range graphqlSenders.All() {
		names = append(names, n)
	}
	for n := range contentDestroyers.All() {
		names = append(names, n)
	}
	hits := 0
	for _, n := range names {
		_, destroys := contentDestroyers.Lookup(n)
		sends := graphqlSenders.Get(n)
		if destroys || sends {
			hits++
		}
		cmds := append(shell.Parse(n+" x").Commands, shell.Command{Name: n})
		for i := range cmds {
			c := &cmds[i]
			if c.Name != n {
				continue
			}
			if got := c.Is(contentDestroyerKind); got != destroys {
				t.Errorf("%q: Is(contentDestroyerKind) = %v, the table says %v", n, got, destroys)
			}
			if got := c.Is(graphqlSenderKind); got != sends {
				t.Errorf("%q: Is(graphqlSenderKind) = %v, the table says %v", n, got, sends)
			}
		}
	}
	if hits == 0 {
		t.Fatal("no name of either table asked")
	}
}
