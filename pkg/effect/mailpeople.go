package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A mail program ("mailer": mail, mutt, sendmail, swaks) whose recipient
// is named for the people a business writes to (customers@lists.acme.io,
// all-users@acme.io, subscribers@news.acme.io) sends a message to them,
// as aws ses send-bulk-templated-email does: destroy:shared-change. A
// report to the team (team@acme.com, ops@acme.io) is everyday work.

// mailsPeople adds destroy:shared-change for a mail program's recipient
// named for people (peopleNouns, in sharedcli.go).
func (a *analysis) mailsPeople(i int, c *shell.Command, cl *catalog.Classified) {
	if helpOrDryRunOf(cl, c.Args) {
		return
	}
	for _, w := range cl.Words {
		if w.Role != catalog.Data && w.Role != catalog.None || !strings.Contains(w.Text, "@") {
			continue
		}
		switch w.Option {
		case "", "-c", "-b", "-t", "--to", "--cc", "--bcc":
		default:
			continue // a sender (-r, -f) or a server
		}
		if addressedToPeople(w.Text) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: c.Name + " to " + w.Text + " (message)"})
			return
		}
	}
}

// addressedToPeople reports an address, or a list of them, with a part of
// its name or its host naming people (customers@…, …@customers.acme.io).
func addressedToPeople(addrs string) bool {
	for a := range strings.FieldsFuncSeq(addrs, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		if !strings.Contains(a, "@") {
			continue
		}
		if reachesPeople([]string{a}) {
			return true
		}
	}
	return false
}
