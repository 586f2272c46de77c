package engine

import (
	"strings"

	"rampart.dev/pkg/call"
)

// An MCP argument holding a git ext:: address (git_clone {url:
// "ext::sh -c …"}), given to a tool of git's or of repositories (its
// server's or its own name says git, clone or repo), is a command git runs
// to reach that remote, as git clone would run it. The call is judged as
// git clone of that address. (Elsewhere "ext::" is text.)

// judgeGitURLs judges each string argument that is an ext:: address as
// git clone of it.
func (w *mcpWalk) judgeGitURLs(args map[string]any) {
	names := strings.ToLower(w.server + " " + w.tool)
	if !strings.Contains(names, "git") && !strings.Contains(names, "clone") && !strings.Contains(names, "repo") {
		return
	}
	for _, v := range args {
		s, ok := v.(string)
		if !ok || len(s) < 6 || !strings.EqualFold(s[:5], "ext::") {
			continue
		}
		w.ev.exec("git clone "+quoteArgv([]string{s}), false, call.ToolExec)
	}
}
