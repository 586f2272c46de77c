package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A tool that decrypts a secret file for editing (rails credentials:edit,
// sops FILE, ansible-vault edit: the catalogue's "edits-secret") hands the
// plain text to the program its editor variable names. Named as a program
// that prints what it opens (EDITOR=cat), the decrypted secrets are
// printed where the agent reads them.

// editorVariables are the variables such tools read their editor from.
var editorVariables = table.Map[string, bool]{Words: "EDITOR VISUAL SOPS_EDITOR GIT_EDITOR KUBE_EDITOR"}

// printingEditors are programs that, handed a file as an editor is,
// print it.
var printingEditors = table.Map[string, bool]{Words: "cat bat batcat less more most head tail tac nl strings xxd od hexdump base64 tee"}

// editorPrints reports assignments that name a printing program as the
// editor (EDITOR=cat, VISUAL="less -R").
func editorPrints(assigns []string) bool {
	for _, a := range assigns {
		name, val, ok := strings.Cut(a, "=")
		if !ok || !editorVariables.Get(name) {
			continue
		}
		prog, _, _ := strings.Cut(strings.TrimSpace(strings.Trim(val, `"'`)), " ")
		if printingEditors.Get(path.Base(prog)) {
			return true
		}
	}
	return false
}
