package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A way into production opened from here: an interactive shell started
// on production's machines through a cloud or cluster CLI (kubectl exec
// -n prod -it deploy/api -- sh, oc exec … -- bash), and a cluster's port
// forwarded to this machine from production (kubectl port-forward -n
// production svc/postgres 5432:5432). Whatever is typed into the one, or
// sent through the other, reaches production with no command here to
// judge. A named command there is judged as that command
// (runsInProduction: a change made there asks, a look such as ls or cat
// does not); the same shell or forward into a dev namespace, or with no
// word naming production, is everyday work.

// forwardVerbs are a cluster CLI's verbs that forward a port of the
// cluster to this machine.
var forwardVerbs = table.Map[string, bool]{Words: "port-forward proxy tunnel"}

// forwardsProduction adds a Tunnel with the detail "production" for a
// cloud or cluster CLI that forwards a port of production to this machine.
func (a *analysis) forwardsProduction(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil || e.Prop("cloud") == "" || a.targetHere(i, c) {
		return
	}
	verb := e.Name
	if k := strings.LastIndexByte(verb, ' '); k >= 0 {
		verb = verb[k+1:]
	}
	if !forwardVerbs.Get(verb) || helpOrDryRunOf(cl, c.Args) {
		return
	}
	w := a.productionWord(i)
	if w == "" && a.pointsAtProduction(i, c) {
		w = "production"
	}
	if w != "" {
		a.add(Effect{Kind: Tunnel, Cmd: i, Detail: "production", Word: c.Name + " " + verb + " from " + w})
	}
}

// shellsInProduction adds destroy:production for each interactive shell
// (a POSIX shell given neither a script nor -c) that a cloud or cluster
// CLI the line points at production runs (kubectl exec -it -n prod
// deploy/api -- sh).
func (a *analysis) shellsInProduction() {
	cmds := a.res.Commands
	for i := range cmds {
		c := &cmds[i]
		if len(c.Via) == 0 || !posixShells.Get(c.Name) {
			continue
		}
		if interactive, operand := shellArgs(c.Args); !interactive && operand {
			continue // sh -c '…' and sh script.sh are judged as what they run
		}
		if d, w := a.productionRunner(i); w != "" { // cloudchanges.go
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: "an interactive " + c.Name + " on production through " + d.Name + " (" + w + ")"})
		}
	}
}

// sessionInProduction adds destroy:production for a database client (an
// entry that reads SQL from its input and is "interactive") started with
// no statement, no file and nothing on its input, against a database
// whose name, host or address names production (psql "$PROD_DATABASE_URL",
// heroku pg:psql -a acme-prod): whatever is typed there runs on
// production with no command here to judge. A statement given on the line
// is judged as that statement.
func (a *analysis) sessionInProduction(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil || e.Prop("interactive") == "" || e.Prop("sql-stdin") == "" || len(c.Stdin) > 0 || c.Stage > 0 || helpOrDryRunOf(cl, c.Args) {
		return
	}
	if cl.Mark("batch") {
		return // redis-cli --latency, --bigkeys: a report the client prints, no session
	}
	for _, r := range c.Redirects {
		if r.Op == "<" || r.Op == "<<" || r.Op == "<<<" || r.Op == "<<-" {
			return
		}
	}
	for _, w := range cl.Words {
		switch w.Role {
		case catalog.SQL, catalog.SQLFile, catalog.Code, catalog.Shell, catalog.Exec:
			if w.Option != "" || w.Text != "" {
				return // a statement, a file of them, or code given on the line
			}
		}
	}
	if w := a.productionWord(i); w != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: "an interactive " + c.Name + " session on production (" + w + ")"})
	}
}
