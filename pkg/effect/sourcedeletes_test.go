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

// TestSourceDirMadeAgain: a directory named for source that a build later
// on the line makes again as its output (wasm-pack build's pkg/) is that
// build's output; deleted after the build, with the build told to write
// elsewhere, or with no such build, it is the project's source.
func TestSourceDirMadeAgain(t *testing.T) {
	for line, want := range map[string]bool{
		"rm -rf pkg/ www/dist && wasm-pack build --target bundler": false,
		"rm -rf pkg; wasm-pack build --dev":                        false,
		"rm -rf pkg && wasm-pack build --out-dir www/pkg":          true,
		"wasm-pack build && rm -rf pkg":                            true,
		"rm -rf pkg":                                               true,
		"rm -rf src && wasm-pack build":                            true,
	} {
		if got := hasEffect(effectsOf(line), "destroy:source"); got != want {
			t.Errorf("%q: destroy:source = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
