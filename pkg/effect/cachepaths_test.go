package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestToolCachePath: a tool's cache query in a substitution names the
// tool's cache directory; other substitutions, a path climbing out of it,
// or a line that moves the cache first do not.
func TestToolCachePath(t *testing.T) {
	for _, tc := range []struct {
		word, want string
		ok         bool
	}{
		{`"$(go env GOCACHE)"`, "~/.cache/go-build", true},
		{"$(pip cache dir)", "~/.cache/pip", true},
		{"`yarn cache dir`/v6", "~/.cache/yarn/v6", true},
		{"$(go  env  GOMODCACHE)", "~/go/pkg/mod", true},
		{"$(go env GOPATH)", "", false},
		{"$(go env GOCACHE)/../..", "", false},
		{"$(go env GOCACHE)$HOME", "", false},
		{"$(GOCACHE=/ go env GOCACHE)", "", false},
		{"$(pip cache dir; echo /)", "", false},
	} {
		got, ok := toolCachePath(tc.word)
		if ok != tc.ok || got != tc.want {
			t.Errorf("toolCachePath(%q) = %q, %v; want %q, %v", tc.word, got, ok, tc.want, tc.ok)
		}
	}
	for line, want := range map[string]bool{
		`rm -rf "$(go env GOCACHE)"`:                                             false,
		`export GOCACHE=/; rm -rf "$(go env GOCACHE)"`:                           true,
		`GOCACHE=/ rm -rf "$(go env GOCACHE)"`:                                   true,
		`go env -w GOCACHE=/ && rm -rf "$(go env GOCACHE)"`:                      true,
		`npm config set cache / && rm -rf "$(npm config get cache)"`:             true,
		`export XDG_CACHE_HOME=/; rm -rf "$(pip cache dir)"`:                     true,
		`pip config --user set global.cache-dir / && rm -rf "$(pip cache dir)"`:  true,
		`poetry config cache-dir / && rm -rf "$(poetry config cache-dir)"`:       true,
		`poetry config --list && rm -rf "$(poetry config cache-dir)"`:            false,
		`go() { echo /; }; rm -rf "$(go env GOCACHE)"`:                           true,
		`echo cache=/ > .npmrc && rm -rf "$(npm config get cache)"`:              true,
		`source .env && rm -rf "$(uv cache dir)"`:                                true,
		`yarn config get cacheFolder && rm -rf "$(yarn config get cacheFolder)"`: false,
	} {
		res := shell.Parse(line)
		if got := cacheSettingsChanged(&res); got != want {
			t.Errorf("cacheSettingsChanged(%q) = %v, want %v", line, got, want)
		}
	}
}
