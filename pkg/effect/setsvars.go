package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// A program whose bare listing prints variables with their values (gp env,
// catalogue "source=secret lists-vars") also sets and unsets them by the
// same verb: gp env NAME=VALUE sets one, gp env -u NAME unsets one, and
// neither prints a value. The catalogue's "sets-vars" property marks such a
// verb; its operands in NAME=VALUE form, or a flag marked "sets", make the
// command a change, not a source of secrets. A variable named for a
// credential (gp env NPM_TOKEN=…) is then a secret stored in the account for
// every later workspace: a change of a service's secrets (destroy: deploy),
// as chamber write and gh secret set are.

// setsVars reports a command of a "sets-vars" entry that sets or unsets
// variables instead of printing them.
func setsVars(cl *catalog.Classified) bool {
	if cl.Entry == nil || !cl.Entry.Has("sets-vars") {
		return false
	}
	if cl.Mark("sets") {
		return true
	}
	for _, w := range cl.Words {
		if w.Option == "" && assignmentWord(w.Text) {
			return true
		}
	}
	return false
}

// assignmentWord reports a word of the form NAME=VALUE whose NAME is a
// variable's name (letters, digits and underscores, not starting with a
// digit).
func assignmentWord(w string) bool {
	name, _, ok := strings.Cut(w, "=")
	if !ok || name == "" || name[0] >= '0' && name[0] <= '9' {
		return false
	}
	for i := 0; i < len(name); i++ {
		b := name[i]
		if b != '_' && !(b >= 'a' && b <= 'z') && !(b >= 'A' && b <= 'Z') && !(b >= '0' && b <= '9') {
			return false
		}
	}
	return true
}

// setsSecretVar returns the first credential's name (secretName) a
// "sets-vars" command sets (NAME=VALUE), or "".
func setsSecretVar(cl *catalog.Classified) string {
	if cl.Entry == nil || !cl.Entry.Has("sets-vars") {
		return ""
	}
	for _, w := range cl.Words {
		if w.Option == "" && assignmentWord(w.Text) {
			if name, _, _ := strings.Cut(w.Text, "="); secretName(name) {
				return name
			}
		}
	}
	return ""
}
