package effect

import (
	"path"
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
// its query runs, or answer the query itself: a variable naming a cache,
// the XDG directories, HOME, GOPATH or PATH assigned or exported; a
// tool's setting written (go env -w, npm config set, pip config --user
// set, poetry config cache-dir DIR, composer config cache-dir DIR); a
// settings file the tools read written (.npmrc, pyproject.toml,
// .yarnrc.yml, pip.conf, go/env); a file sourced or text evaluated, which
// may set any of them; or a function or alias defined, which may stand
// for the tool itself (go() { echo /home/dev; }). Then a cache query
// prints what the line chose, not the tool's own place.
func cacheSettingsChanged(res *shell.Result) bool {
	if len(res.Functions) > 0 {
		return true
	}
	moves := func(kv string) bool {
		k, _, _ := strings.Cut(kv, "=")
		k = strings.ToUpper(strings.TrimLeft(k, "-"))
		return strings.Contains(k, "CACHE") || strings.HasPrefix(k, "XDG_") || k == "HOME" || k == "GOPATH" || k == "GOENV" || k == "GOFLAGS" || k == "PATH" || strings.HasPrefix(k, "NPM_CONFIG") || strings.HasPrefix(k, "PIP_")
	}
	cmds := res.Commands
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
		case "alias", ".", "source", "eval":
			return true
		}
		for _, r := range o.Redirects {
			if strings.HasPrefix(r.Op, ">") || strings.HasPrefix(r.Op, "&>") || r.Op == "<>" {
				if cacheSettingsFile(r.Target) {
					return true
				}
			}
		}
		if settingsWriters.Get(o.Name) {
			for _, a := range o.Args {
				if cacheSettingsFile(a) {
					return true
				}
			}
		}
		for j, a := range o.Args {
			if a == "-w" && o.Name == "go" || a == "set" && (o.Name == "npm" || o.Name == "pnpm" || j > 0 && o.Args[j-1] == "config") {
				return true
			}
			if a == "config" && configSets(o.Args[j+1:]) {
				return true
			}
		}
	}
	return false
}

// configSets reports a tool's config verb's words (after "config") that
// set a value: "set KEY VALUE" with options anywhere (pip config --user
// set …), or "KEY VALUE" as poetry and composer write it; a query ("get
// KEY", "KEY" alone, --list) and --unset set nothing here.
func configSets(args []string) bool {
	var pos []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			if a == "--unset" {
				return false
			}
			continue
		}
		pos = append(pos, a)
	}
	switch {
	case len(pos) == 0:
		return false
	case pos[0] == "set":
		return true
	}
	return len(pos) >= 2 && pos[0] != "get" && pos[0] != "list" && pos[0] != "show"
}

// cacheSettingsFiles are the settings files package tools read their
// cache's place from, in the project or the home.
var cacheSettingsFiles = table.Map[string, bool]{Words: `.npmrc .yarnrc .yarnrc.yml pyproject.toml poetry.toml
	uv.toml pip.conf pip.ini composer.json config.json bunfig.toml .bunfig.toml env .pnpmrc rc`}

// settingsWriters are the programs whose operands may be a file they write.
var settingsWriters = table.Map[string, bool]{Words: "tee cp mv install ln sed dd"}

// cacheSettingsFile reports a path naming one of cacheSettingsFiles (a
// bare "env", "config.json" or "rc" only in a tool's own directory: go/env,
// composer/config.json, pnpm/rc).
func cacheSettingsFile(p string) bool {
	base := path.Base(strings.Trim(p, `"'`))
	if !cacheSettingsFiles.Get(base) {
		return false
	}
	switch base {
	case "env", "config.json", "rc":
		d := path.Base(path.Dir(p))
		return d == "go" || d == "composer" || d == "pnpm"
	}
	return true
}
