package effect

import "testing"

// TestKnownProfilers checks that the profilers and flamegraph viewers
// knownpackages.txt lists fetch no unseen code when installed or run by
// name, and that look-alike names still do.
func TestKnownProfilers(t *testing.T) {
	for line, want := range map[string]bool{
		"cargo install inferno flamegraph":              false,
		"cargo install samply":                          false,
		"npx speedscope profiles/etl.speedscope.json":   false,
		"go install github.com/google/pprof@latest":     false,
		"pipx install py-spy":                           false,
		"cargo install infernoo":                        true,
		"go install github.com/google/pprofx@latest":    true,
		"npx speedscope-helper profiles/x.json":         true,
		"go install github.com/google-pprof/pprof@main": true,
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "remote-code:package") || hasEffect(effs, "unknown:package") || hasEffect(effs, "unknown:code"); got != want {
			t.Errorf("%q: code fetched = %v, want %v (%v)", line, got, want, effs)
		}
	}
}
