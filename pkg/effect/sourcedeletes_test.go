package effect

import "testing"

// TestSourceDeletesSkipCaches: a glob of a language's files deleted in a
// directory named for a cache (bootstrap/cache/*.php) deletes what a
// framework compiled, not the project's source.
func TestSourceDeletesSkipCaches(t *testing.T) {
	for line, want := range map[string]bool{
		"rm -rf bootstrap/cache/*.php": false,
		"rm -rf var/cache/dev":         false,
		"rm -rf app/*.php":             true,
		"rm -rf src":                   true,
	} {
		if got := hasEffect(effectsOf(line), "destroy:source"); got != want {
			t.Errorf("%q: destroy:source = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
