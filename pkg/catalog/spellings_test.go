package catalog

import (
	"slices"
	"testing"
)

// TestSpellings checks that an option's other spellings are found in its
// entry's field, and that an option the entry does not list has none.
func TestSpellings(t *testing.T) {
	cat := Default()
	e, _ := cat.Lookup("ttyd", []string{"-i", "0.0.0.0", "htop"})
	if e == nil {
		t.Fatal("ttyd: no entry")
	}
	if got := e.Spellings("-i"); !slices.Contains(got, "--interface") {
		t.Errorf("ttyd -i spellings = %v, want --interface among them", got)
	}
	if got := e.Spellings("-Z"); got != nil {
		t.Errorf("ttyd -Z spellings = %v, want none", got)
	}
}
