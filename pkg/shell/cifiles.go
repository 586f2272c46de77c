package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A CI toolkit's file commands write the job's files as a step's shell
// does: @actions/core's exportVariable('N', 'V') appends N=V to
// $GITHUB_ENV, addPath(P) appends P to $GITHUB_PATH, setOutput and
// saveState append k=v to $GITHUB_OUTPUT and $GITHUB_STATE,
// summary.addRaw(T) appends T to $GITHUB_STEP_SUMMARY. Each call whose
// arguments are literals, or the environment's variables by name
// (process.env.NPM_TOKEN), is walked as the echo it stands for, so what
// it puts there is judged as that line's would be (engine/cisteps.go).

// ciFileCalls are the calls, by name: the variable naming the file, and
// whether the call takes a name and a value (joined by "=").
var ciFileCalls = table.Map[string, ciFileCall]{Build: func() map[string]ciFileCall {
	return map[string]ciFileCall{
		"exportVariable": {"GITHUB_ENV", true}, "addPath": {"GITHUB_PATH", false},
		"setOutput": {"GITHUB_OUTPUT", true}, "saveState": {"GITHUB_STATE", true},
		"addRaw": {"GITHUB_STEP_SUMMARY", false},
	}
}}

type ciFileCall struct {
	fileVar string
	pair    bool
}

// ciFileLine is the shell line a file command stands for, or "" when its
// arguments are not read.
func ciFileLine(name string, args []value) string {
	c, ok := ciFileCalls.Lookup(name)
	if !ok || len(args) == 0 {
		return ""
	}
	var word string
	if c.pair {
		if len(args) < 2 || !args[0].known || args[0].list {
			return ""
		}
		v, ok := ciValueWord(args[1])
		if !ok {
			// a value the code computes (process.env.RUNNER_TEMP +
			// '/b.sh'): the name it sets is still known, and an unknown
			// value of BASH_ENV or NODE_OPTIONS is judged as one
			v = `"$VALUE"`
		}
		word = quoteWord(args[0].str+"=") + v
	} else {
		v, ok := ciValueWord(args[0])
		if !ok {
			return ""
		}
		word = v
	}
	return "echo " + word + ` >> "$` + c.fileVar + `"`
}

// ciValueWord is a shell word for a call's value: a literal quoted, or a
// variable of the environment read by name ("$NPM_TOKEN").
func ciValueWord(v value) (string, bool) {
	if v.known && !v.list {
		return quoteWord(v.str), true
	}
	raw := strings.TrimSpace(v.raw)
	for _, p := range [...]string{"process.env.", "process.env['", `process.env["`} {
		if rest, ok := strings.CutPrefix(raw, p); ok {
			rest = strings.TrimRight(rest, `'"]`)
			if validName(rest) {
				return `"$` + rest + `"`, true
			}
		}
	}
	return "", false
}
