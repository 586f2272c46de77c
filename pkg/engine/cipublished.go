package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// What a command prints into a CI job's published files.
//
// judgePublishedText reads the text a line shows it writes to $GITHUB_OUTPUT
// or $GITHUB_STEP_SUMMARY. A line may instead append what a command prints
// (printenv NPM_TOKEN >> "$GITHUB_OUTPUT", echo "$NPM_TOKEN" | base64 >>
// "$GITHUB_OUTPUT", env >> "$GITHUB_STEP_SUMMARY", gh auth token >> …):
// the secret is published all the same, and a transformed one is not
// masked by the runner. The commands whose output reaches the file are the
// writing command, the stages before it in its pipeline and the commands
// substituted into their words; each is read for a secret variable it
// expands or prints by name, or for the whole environment printed. A
// secret flow the effects already name into such a file (gh auth token's)
// is the same publication.

// environmentPrinters are the programs and builtins that print every
// exported variable when given no name.
var environmentPrinters = table.Map[string, bool]{Words: "env printenv export declare typeset set"}

// maxPublishedFeeders bounds the commands read for one published write.
const maxPublishedFeeders = 32

// judgePublishedCommands judges the commands whose output the line writes
// to a CI job's published files (see above).
func (ev *evaluation) judgePublishedCommands(res *shell.Result, effs []effect.Effect) {
	for _, e := range effs {
		if ev.denied() {
			return
		}
		where := e.Path // a flow names its files in its word: "gh F"
		if e.Kind == effect.Flow {
			where = e.Word
		}
		if e.Kind != effect.Write && e.Kind != effect.Flow || !strings.Contains(where, "$") && !strings.Contains(where, "_runner_file_commands") {
			continue // the cheap gate: the files are named by a variable or by the runner
		}
		p, why := e.Path, ""
		if e.Kind == effect.Flow {
			src, sink, _ := strings.Cut(e.Detail, "->")
			if sink != "file" || src != "secret" && src != "credential" && src != "secret-variable" && src != "environment" {
				continue
			}
			for _, f := range strings.Fields(e.Word)[1:] {
				if ciStepFile(f) == ciPublished {
					p, why = f, src+" ("+e.Word+")"
				}
			}
		} else if ciStepFile(p) == ciPublished && e.Cmd >= 0 && e.Cmd < len(res.Commands) {
			why = publishedSecretOf(res, e.Cmd)
		}
		if why != "" {
			s := subject{tool: call.ToolWrite, text: p + ": " + why, path: p, effect: effectPublishedSecret}
			ev.judge(&s)
		}
	}
}

// publishedSecretOf returns what secret the output of command i of res
// carries, read from the commands that feed it (see above), or "".
func publishedSecretOf(res *shell.Result, i int) string {
	seen := map[int]bool{}
	todo := []int{i}
	c := &res.Commands[i]
	for k := range res.Commands {
		if o := &res.Commands[k]; k != i && o.Pipeline == c.Pipeline && o.Depth == c.Depth && o.Stage < c.Stage {
			todo = append(todo, k)
		}
	}
	for len(todo) > 0 && len(seen) < maxPublishedFeeders {
		k := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if k < 0 || k >= len(res.Commands) || seen[k] {
			continue
		}
		seen[k] = true
		o := &res.Commands[k]
		if why := printedSecret(o); why != "" {
			return why
		}
		todo = append(todo, o.Inputs...)
	}
	return ""
}

// printedSecret returns the secret command c prints: a secret variable
// its words expand or printenv names, or every variable of the
// environment; "" when none.
func printedSecret(c *shell.Command) string {
	names := 0
	for _, a := range c.Args {
		if name := secretVarIn(a); name != "" {
			return "$" + name
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		names++
		if c.Name == "printenv" && effect.SecretVariableName(a) {
			return "$" + a
		}
	}
	if names == 0 && environmentPrinters.Get(c.Name) && (c.Name != "set" || len(c.Args) == 0) {
		return "the whole environment (" + c.Name + ")"
	}
	return ""
}
