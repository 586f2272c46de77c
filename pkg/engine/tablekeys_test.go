package engine

import "testing"

// The tables declared with Build and their keys build (table.Map checks that Words lists
// exactly the keys Build returns, and panics otherwise).
func TestTableKeysMatch(t *testing.T) {
	if len(contentDestroyers.All()) == 0 {
		t.Fatal("a table declared with its keys is empty")
	}
}
