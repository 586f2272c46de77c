package engine

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A service's CLI that posts the text it is given (gh issue create --body,
// gh pr comment, glab mr note --message: the catalogue's argsend entries
// with a host) sends that text where others read it: an issue, a pull
// request, a release's notes. A credential written in such a text leaves
// the machine as surely as one a fetch sends in its body, whichever
// service the CLI talks to: a token posted in its own service's issue is
// leaked there, not used. Storing a secret where the service keeps
// secrets (gh secret set NAME --body …) is what that subcommand is for.

// messageOptions are the options whose value is text a service shows.
var messageOptions = table.Map[string, bool]{Words: "-b --body -t --title -m --message -n --notes -d --desc --description --comment"}

// messageSecretLen is the shortest word judgeMessageSecrets reads: a
// shorter one cannot hold a credential.
const messageSecretLen = 16

// judgeMessageSecrets judges the credentials written in the message
// options of each command that posts text to a service.
func (ev *evaluation) judgeMessageSecrets(res *shell.Result) {
	for i := range res.Commands {
		if ev.denied() {
			return
		}
		c := &res.Commands[i]
		if !longWord(c.Args, messageSecretLen) {
			continue // no word long enough to hold a credential
		}
		e, _ := catalog.Default().Lookup(c.Name, c.Args)
		if e == nil || e.Prop("argsend") == "" || e.Prop("host") == "" || storesSecret(c.Args) {
			continue
		}
		for j, w := range c.Args {
			o, v, eq := strings.Cut(w, "=")
			if !eq {
				if j == 0 || !messageOptions.Get(c.Args[j-1]) {
					continue
				}
				v = w
			} else if !messageOptions.Get(o) {
				continue
			}
			for _, f := range sentSecrets(v) {
				if f.kind == "url_password" {
					continue
				}
				fs := subject{tool: "flow", text: f.kind + " posted to " + e.Prop("host") + " in a message", effect: "flow:credential->network"}
				ev.judge(&fs)
				return
			}
		}
	}
}

// storesSecret reports a command whose subcommand keeps the value it is
// given as a secret (gh secret set, gh codespace secret set).
func storesSecret(args []string) bool {
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		return a == "secret" || a == "codespace" || a == "variable"
	}
	return false
}
