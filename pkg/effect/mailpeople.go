package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
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
		if reachesPeople([]string{a}) || wholeOrganisation(a) {
			return true
		}
	}
	return false
}

// organisationListWords are the words of an address's local part that say
// it reaches a whole organisation or a whole group of it (all-staff@,
// allhands@, all-eng@, employees@, announce@), as the MCP reading of
// recipients has them.
var organisationListWords = table.Map[string, bool]{Words: "all allhands allstaff staff employees everybody company announce announcements worldwide"}

// wholeOrganisation reports an address whose local part has a word naming
// a whole organisation or group (organisationListWords).
func wholeOrganisation(addr string) bool {
	local, _, ok := strings.Cut(strings.ToLower(strings.Trim(addr, "<>\"'")), "@")
	if !ok {
		return false
	}
	local, _, _ = strings.Cut(local, "+")
	for _, w := range strings.FieldsFunc(local, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		if organisationListWords.Get(w) {
			return true
		}
	}
	return false
}
