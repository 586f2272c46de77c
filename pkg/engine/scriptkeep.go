package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
)

// A program written to a file (scripts/reset.py, tools/push.rb, a #!
// script) runs when someone runs it by name, in a later call that shows
// only the name, or on the same line. What it would do typed is what it
// does then, so besides what would be denied outright, the asks that no
// script is written to hide count when it is written or read: a
// repository's history rewritten or discarded (a force push, a hard
// reset, a branch deleted on the remote), root's privileges (sudo), and a
// delete the path rules ask about (the project's sources, a tree of one's
// own files outside it). Building, publishing, deploying to staging,
// resetting a development database and pruning caches are what a
// project's scripts are for, and stay the script's business; production
// and a force push ask as they do in a CI file (requestedkeep.go).

// scriptAskEffects are the effect descriptors whose asks count in a
// written program.
var scriptAskEffects = table.Map[string, bool]{Words: "destroy:history destroy:source destroy:home destroy:production delete:recursive delete:file"}

// scriptAskPrograms are the programs whose own rules' asks count in a
// written program: privilege runners, and version control, whose asks are
// history rewritten or discarded.
var scriptAskPrograms = table.Map[string, bool]{Words: "sudo doas su pkexec run0 git hg sl jj svn dolt"}

// scriptKeep returns what counts of the command line l of a written
// program: what a CI file's line keeps when l names production or force
// pushes (keepRequested), else keepScript.
func scriptKeep(l string) func(*result) bool {
	if lineNamesProduction(l) || forcePushLine(l) {
		return keepKnown
	}
	return keepScript
}

// keepScript reports whether the result r of a written program's line
// counts: denied outright, or an ask about an effect that is known and of
// a kind a script is not written to hide.
func keepScript(r *result) bool {
	switch {
	case r.action == call.Deny:
		return true
	case r.action < call.RequireApproval || r.unknown:
		return false
	case r.effect != "":
		return scriptAskEffects.Get(r.effect)
	case r.argv != nil:
		return scriptAskPrograms.Get(strings.TrimSuffix(r.argv.Name, ".exe"))
	}
	return false
}
