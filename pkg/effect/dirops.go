package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// trimDirParam resolves a path that starts with a trimming expansion of
// the working or home directory, ${PWD%PAT}, ${PWD%%PAT}, ${PWD#PAT},
// ${PWD##PAT} (and the same of HOME), with the directory the command runs
// in and the home: "${PWD%/*}" in /home/dev/project is /home/dev. A
// pattern with a bracket expression is left alone.
func trimDirParam(p, cwd, home string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "${")
	if !ok {
		return "", false
	}
	name, val := "", ""
	switch {
	case strings.HasPrefix(rest, "PWD"):
		name, val = "PWD", cwd
	case strings.HasPrefix(rest, "HOME"):
		name, val = "HOME", home
	default:
		return "", false
	}
	rest = rest[len(name):]
	end := strings.IndexByte(rest, '}')
	if end < 0 || val == "" {
		return "", false
	}
	op, tail := rest[:end], rest[end+1:]
	var pat string
	longest, suffix := false, false
	switch {
	case strings.HasPrefix(op, "%%"):
		pat, longest, suffix = op[2:], true, true
	case strings.HasPrefix(op, "%"):
		pat, suffix = op[1:], true
	case strings.HasPrefix(op, "##"):
		pat, longest = op[2:], true
	case strings.HasPrefix(op, "#"):
		pat = op[1:]
	default:
		return "", false
	}
	if strings.ContainsAny(pat, "[]$`\\\"'{}") || strings.Count(pat, "*") > 3 {
		return "", false
	}
	n := len(val)
	for k := 0; k <= n; k++ {
		// shortest first: a suffix from the end, a prefix from the start
		i := k
		if suffix != longest {
			i = n - k
		}
		if suffix && globAll(pat, val[i:]) {
			return val[:i] + tail, true
		}
		if !suffix && globAll(pat, val[:i]) {
			return val[i:] + tail, true
		}
	}
	return val + tail, true
}

// globAll matches s against a shell pattern in which * and ? match any
// character, "/" too, as in parameter expansion.
func globAll(pat, s string) bool {
	if pat == "" {
		return s == ""
	}
	switch pat[0] {
	case '*':
		for i := 0; i <= len(s); i++ {
			if globAll(pat[1:], s[i:]) {
				return true
			}
		}
		return false
	case '?':
		return s != "" && globAll(pat[1:], s[1:])
	}
	return s != "" && s[0] == pat[0] && globAll(pat[1:], s[1:])
}

// toolHomeDirs are directories at the top of a home that hold toolchains
// and their caches rather than a person's files (~/go/pkg/mod, ~/snap,
// ~/miniconda3/pkgs, ~/Library/Caches, ~/tmp).
var toolHomeDirs = table.Map[string, bool]{Words: `go snap Library miniconda3 anaconda3 miniforge3
	mambaforge sdk Android flutter tmp node_modules`}

// homeTreeDeletes reports, for each recursive delete from index start on
// of a tree deeper in the home directory than its top (which the policy
// judges by path), outside the directory at the top of the home that holds
// the call's working directory (the project, approximately), not in a
// hidden tool or cache directory nor a toolchain's: a tree of the
// person's own files elsewhere
// (rm -rf ~/Downloads/old-builds, find ~/old-projects … -exec rm -rf), as
// destroy:home. A Windows home reached from WSL or Git Bash
// (/mnt/c/Users/dev, match.WindowsHome) is a home of the person's files
// too, where the call's project never is; its AppData holds the
// programs' data, as the hidden directories of a Unix home do, but for
// its Roaming and Local stores whole.
func (a *analysis) homeTreeDeletes(start int) {
	home := strings.TrimSuffix(a.env.Home, "/")
	n := len(a.out)
	for k := start; k < n; k++ {
		e := a.out[k]
		if e.Kind != Delete || !e.Recursive {
			continue
		}
		h := home
		if h == "" || !strings.HasPrefix(e.Path, h+"/") {
			if h = match.WindowsHome(e.Path); h == "" || len(e.Path) <= len(h)+1 {
				continue
			}
		}
		top, rest, deep := strings.Cut(e.Path[len(h)+1:], "/")
		if !deep || rest == "" || top == "" || top[0] == '.' || toolHomeDirs.Get(top) || strings.ContainsAny(top, "*?[$") {
			continue
		}
		if strings.EqualFold(top, "AppData") {
			// a Windows home's programs' data (from WSL, or named from the
			// home by %APPDATA%): a program's own directory or the
			// temporary one is no person's file; Roaming or Local whole is
			// every program's settings and logins
			if sub := strings.TrimSuffix(rest, "/"); strings.Contains(sub, "/") || !strings.EqualFold(sub, "Roaming") && !strings.EqualFold(sub, "Local") && !strings.EqualFold(sub, "LocalLow") {
				continue
			}
		}
		if last := path.Base(rest); strings.ContainsAny(last, "*?[") && strings.Trim(last, "*.") != "" && strings.HasPrefix(last, "*") {
			// files a name pattern picks by their ending (find ~/Downloads
			// -name '*.part' -delete), not a tree; a pattern that picks by
			// the start of a name (~/projects/old-*) picks trees
			continue
		}
		cwd := a.env.Cwd // where the call is made, not where a cd on the line went
		if cwd == "" && e.Cmd >= 0 && e.Cmd < len(a.cwds) {
			cwd = a.cwds[e.Cmd]
		}
		if cwdTop, _, _ := strings.Cut(strings.TrimPrefix(cwd, h+"/"), "/"); strings.HasPrefix(cwd, h+"/") && cwdTop == top {
			continue // the project's own tree
		}
		a.add(Effect{Kind: Destroy, Cmd: e.Cmd, Detail: "home", Word: "delete " + e.Path})
	}
}
