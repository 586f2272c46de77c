package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A session opened on production through a cloud or cluster CLI: a shell
// with nobody's script in a production workload (kubectl exec -it -n
// production deploy/api -- sh), production's database opened on this
// machine (kubectl port-forward -n production svc/postgres, gcloud sql
// connect prod-db), a session started on a production machine. What is
// typed there is never seen here, so it is destroy:production like a
// console on production (sharedcli.go). The same session on a workload
// whose names say nothing, or on a local cluster, is everyday work.

// sessionParts are the parts of a cloud or cluster CLI's verb that open a
// session on what it manages.
var sessionParts = table.Map[string, bool]{Words: "connect forward session ssh tunnel"}

// interactiveShells are the shells that, given no script, read what a
// person types.
var interactiveShells = table.Map[string, bool]{Words: "sh bash zsh ash dash ksh fish"}

// productionSession adds destroy:production for a cloud or cluster CLI's
// session verb pointed at production (see above).
func (a *analysis) productionSession(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil || e.Prop("cloud") == "" || helpOrDryRunOf(cl, c.Args) || a.targetHere(i, c) {
		return
	}
	verb := ""
	leadingWords(cl, 3, func(w string) bool {
		if w == "exec" && opensShell(c.Args[commandStart(c.Args, e.Prop("runs-after")):]) {
			verb = w
			return true
		}
		verbParts(w, func(p string, _ int) {
			if verb == "" && sessionParts.Get(p) {
				verb = w
			}
		})
		return verb != ""
	})
	if verb == "" {
		return
	}
	w := a.productionWord(i)
	if w == "" && !a.pointsAtProduction(i, c) {
		return
	}
	if w == "" {
		w = "production"
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + verb + " session on " + w})
}

// opensShell reports whether the command a wrapper runs ("--" and what
// follows it, or nothing) is an interactive shell: no command at all, or a
// shell given no script or -c.
func opensShell(run []string) bool {
	if len(run) > 0 && run[0] == "--" {
		run = run[1:]
	}
	if len(run) == 0 {
		return false // kubectl exec POD with no command is an error, not a shell
	}
	name := run[0]
	if k := strings.LastIndexByte(name, '/'); k >= 0 {
		name = name[k+1:]
	}
	if !interactiveShells.Get(name) {
		return false
	}
	for _, w := range run[1:] {
		if !strings.HasPrefix(w, "-") || strings.Contains(w, "c") {
			return false // a script, or -c with its command
		}
	}
	return true
}
