package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A tool's own cache directory, asked of the tool: rm -rf "$(go env
// GOCACHE)", rm -rf "$(pip cache dir)". The substitution prints the
// directory the tool keeps its downloads and builds in, which it makes
// again; the word is read as that directory (its default place), so what
// deletes it is judged as deleting ~/.cache/go-build is. Only the query
// itself, whole and with no assignment or other command beside it, is
// read so; anything else stays a word nobody here can resolve.

// toolCacheQueries are the queries that print a tool's cache directory,
// with the directory's default place.
var toolCacheQueries = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"go env GOCACHE":              "~/.cache/go-build",
		"go env GOMODCACHE":           "~/go/pkg/mod",
		"pip cache dir":               "~/.cache/pip",
		"pip3 cache dir":              "~/.cache/pip",
		"python -m pip cache dir":     "~/.cache/pip",
		"python3 -m pip cache dir":    "~/.cache/pip",
		"uv cache dir":                "~/.cache/uv",
		"yarn cache dir":              "~/.cache/yarn",
		"yarn config get cacheFolder": "~/.yarn/berry/cache",
		"npm config get cache":        "~/.npm",
		"pnpm store path":             "~/.local/share/pnpm/store",
		"poetry config cache-dir":     "~/.cache/pypoetry",
		"composer config cache-dir":   "~/.cache/composer",
		"bun pm cache":                "~/.bun/install/cache",
		"brew --cache":                "~/Library/Caches/Homebrew",
	}
}}

// toolCachePath returns the directory a word names when it is a tool's
// cache query in a command substitution, with any path after it
// ("$(yarn cache dir)/v6"), and whether it is one.
func toolCachePath(w string) (string, bool) {
	w = strings.Trim(w, `"'`)
	var inner, rest string
	switch {
	case strings.HasPrefix(w, "$("):
		k := strings.IndexByte(w, ')')
		if k < 0 {
			return "", false
		}
		inner, rest = w[2:k], w[k+1:]
	case strings.HasPrefix(w, "`"):
		k := strings.IndexByte(w[1:], '`')
		if k < 0 {
			return "", false
		}
		inner, rest = w[1:k+1], w[k+2:]
	default:
		return "", false
	}
	if rest != "" && (rest[0] != '/' || strings.ContainsAny(rest, "$`") || strings.Contains(rest, "..")) {
		return "", false
	}
	dir, ok := toolCacheQueries.Lookup(strings.Join(strings.Fields(inner), " "))
	if !ok {
		return "", false
	}
	return dir + rest, true
}

// cacheSettingsChanged reports a line that may move a tool's cache before
// its query runs: a variable naming a cache, the XDG directories, HOME or
// GOPATH assigned or exported, or a tool's setting written (go env -w, npm
// config set, pip config set, yarn config set). Then a cache query prints
// what the line chose, not the tool's own place.
func cacheSettingsChanged(cmds []shell.Command) bool {
	moves := func(kv string) bool {
		k, _, _ := strings.Cut(kv, "=")
		k = strings.ToUpper(strings.TrimLeft(k, "-"))
		return strings.Contains(k, "CACHE") || strings.HasPrefix(k, "XDG_") || k == "HOME" || k == "GOPATH" || k == "GOENV" || k == "GOFLAGS" || strings.HasPrefix(k, "NPM_CONFIG") || strings.HasPrefix(k, "PIP_")
	}
	for k := range cmds {
		o := &cmds[k]
		for _, as := range o.Assigns {
			if moves(as) {
				return true
			}
		}
		switch o.Name {
		case "export", "declare", "typeset", "local", "readonly", "env", "set", "setenv":
			for _, a := range o.Args {
				if moves(a) {
					return true
				}
			}
		}
		for j, a := range o.Args {
			if a == "-w" && o.Name == "go" || a == "set" && (o.Name == "npm" || o.Name == "pnpm" || j > 0 && o.Args[j-1] == "config") {
				return true
			}
		}
	}
	return false
}
