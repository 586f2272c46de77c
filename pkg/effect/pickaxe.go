package effect

import (
	"slices"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// pickaxeFindsSecrets reports a search of a repository's history by content
// (git log -S TEXT or -G REGEX, the options the "pickaxe" property names)
// that prints the changes it finds (a patch option of "patch-paths", or
// always with "*") and looks for secret material (git log -p --all -S
// AWS_SECRET_ACCESS_KEY, -G 'BEGIN RSA PRIVATE KEY'). What it prints holds
// every such secret ever committed, a removed and forgotten one too, as a
// secret scanner's findings do: its output is a source of kind "output",
// read by the agent as everyday auditing and stopped where it leaves the
// machine (git log -p -S sk_live_ | nc HOST PORT). Listing only the commits
// (git log --oneline -S API_KEY), or a search for words that name no
// secret, prints none.
func pickaxeFindsSecrets(c *shell.Command, cl *catalog.Classified, pickaxe, flags string) bool {
	if flags == "" {
		return false
	}
	args := c.Args
	if dash := slices.Index(args, "--"); dash >= 0 {
		args = args[:dash]
	}
	if flags != "*" && !hasPrintFlag(args, flags, false) {
		return false
	}
	for _, w := range cl.Words {
		if w.Option != "" && hasWord(pickaxe, w.Option) && SecretPattern(w.Text) {
			return true
		}
	}
	return false
}
