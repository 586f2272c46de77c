package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/match"
)

// An agent's content search (a Grep tool's read with a "pattern") whose
// pattern names secret material and whose directory is a home, a
// directory above one, a home's top settings tree or a system directory
// is the flow secret-search->agent, as the same grep -r on the shell is
// (effect/secretsearch.go). A Glob's pattern of file names only lists
// names, and is left to the search's own judging (search.go).

// judgeSecretSearch judges a search of dir for secret material.
func (ev *evaluation) judgeSecretSearch(dir string) {
	pat := ev.c.Params.String("pattern")
	if pat == "" || strings.Contains(pat, "**/") || strings.HasPrefix(pat, "*") {
		return // a glob of file names: names, not contents
	}
	if !effect.SecretPattern(pat) || !effect.BroadSearchRoot(dir, ev.e.env.Home) {
		return
	}
	s := subject{tool: "flow", text: "a search for " + pat + " over " + dir, effect: "flow:secret-search->agent"}
	ev.judge(&s)
}

// secretSearch judges an MCP tool that searches files (search_files, grep,
// ripgrep_search, find_in_files) by its pattern and its directory, as the
// read tool's search is.
func (w *mcpWalk) secretSearch(args map[string]any) {
	if !hasWord(ToolWords(w.tool), "search", "grep", "rg", "ripgrep", "find", "ag", "ack", "scan", "lookup") &&
		!hasWord(ToolWords(w.server), "grep", "ripgrep", "rg", "search") {
		return
	}
	var pat string
	var dirs []string
	for k, v := range args {
		key := normKey(k)
		switch key {
		case "pattern", "regex", "regexp", "query", "q", "search", "searchterm", "term", "text", "needle", "expression", "patterns":
			if s, ok := v.(string); ok && s != "" {
				pat = s
			}
			if l, ok := strings_(v); ok && len(l) > 0 {
				pat = strings.Join(l, " ")
			}
			continue
		}
		if key == "in" || key == "cwd" || key == "root" || strings.HasSuffix(key, "path") || strings.HasSuffix(key, "paths") || strings.HasSuffix(key, "dir") ||
			strings.HasSuffix(key, "dirs") || strings.HasSuffix(key, "directory") || strings.HasSuffix(key, "directories") || strings.HasSuffix(key, "folder") || strings.HasSuffix(key, "root") {
			if s, ok := v.(string); ok && s != "" {
				dirs = append(dirs, s)
			}
			if l, ok := strings_(v); ok {
				dirs = append(dirs, l...) // {"paths": ["~"]}
			}
		}
	}
	if pat == "" || len(dirs) == 0 || !effect.SecretPattern(pat) {
		return
	}
	for _, dir := range dirs {
		if p := match.CleanPath(dir, w.ev.c.Cwd, w.ev.e.env.Home); effect.BroadSearchRoot(p, w.ev.e.env.Home) {
			s := subject{tool: "flow", text: "a search for " + pat + " over " + p + " by " + w.tool, effect: "flow:secret-search->agent"}
			w.ev.judge(&s)
			return
		}
	}
}
