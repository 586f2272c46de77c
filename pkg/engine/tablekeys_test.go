package engine

import "testing"

// The tables declared with Keys build (table.Map checks that Keys lists
// exactly the keys Build returns, and panics otherwise).
func TestTableKeysMatch(t *testing.T) {
	if len(contentDestroyers.All()) == 0 {
		t.Fatal("a table declared with Keys is empty")
	}
}
