package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Code from where nobody here reads it, run: a script or program that
// sits in a tree of other people's code copied into the project (vendor/,
// third_party/), or in the home's downloads, started by path (./third_party/
// build.run) or handed to an interpreter (sh ./vendor/install.sh, python3
// ~/Downloads/fix.py, java -jar ~/Downloads/tool.jar). The project's own
// scripts are its code, reviewed with it; a vendored tree and a download
// are whatever their publisher shipped, and what they do is not on the
// line. The effect is Unknown with the detail "code" (standard asks). A
// package manager's linked tools (vendor/bin/phpunit, a bin directory
// under a vendored tree) are its installed dependencies, listed in the
// manifest, and run as they always are.

// thirdPartyTrees are the directory names that hold other people's code
// copied into a project.
var thirdPartyTrees = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"vendor": true, "third_party": true, "third-party": true, "thirdparty": true, "3rdparty": true}
}}

// unreadPlace reports where the cleaned path p lies when nobody here reads
// what is there: a third-party tree of a project, or the home's downloads.
func (a *analysis) unreadPlace(p string) string {
	if h := a.env.Home; h != "" {
		if strings.HasPrefix(p, h+"/Downloads/") {
			return "the downloads"
		}
	}
	dir := path.Dir(p)
	if b := path.Base(dir); b == "bin" || b == ".bin" {
		return "" // vendor/bin/phpunit: a package manager's linked tool
	}
	for seg := range strings.SplitSeq(dir, "/") {
		if thirdPartyTrees.Get(seg) {
			return seg + "/"
		}
	}
	return ""
}

// scriptRun returns the file a command runs: its program when started by
// path, the script an interpreter or shell is given as its first word, or
// the archive java -jar runs; "" when none.
func scriptRun(c *shell.Command) string {
	if strings.Contains(c.Program, "/") {
		return c.Program
	}
	if c.Name == "java" || c.Name == "javaw" {
		for k, w := range c.Args {
			if w == "-jar" && k+1 < len(c.Args) {
				return c.Args[k+1]
			}
		}
		return ""
	}
	args := shell.RunVerbDropped(c.Name, c.Args) // deno run ~/Downloads/x.ts
	if !isShellOrInterp(c.Name) || len(args) == 0 {
		return ""
	}
	if w := args[0]; !strings.HasPrefix(w, "-") && strings.Contains(w, "/") {
		return w // sh ./vendor/install.sh, python3 ~/Downloads/fix.py
	}
	return ""
}

// unreadCodeRuns adds an Unknown "code" effect for each command that runs
// a file from a third-party tree or the downloads.
func (a *analysis) unreadCodeRuns() {
	for i := range a.res.Commands {
		c := &a.res.Commands[i]
		f := scriptRun(c)
		if f == "" || unresolved(f) {
			continue
		}
		if where := a.unreadPlace(a.clean(f, i)); where != "" {
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: f + " (code from " + where + " nobody here has read)"})
		}
	}
}
