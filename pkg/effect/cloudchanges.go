package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Changes a cloud or cluster CLI makes in production: its own changing
// verbs pointed there (kubectl annotate -n production, gcloud sql
// instances patch acme-prod), the same verbs applied to every resource at
// once (--all), and the commands it runs on production's machines
// (kubectl exec -n production … -- rm …).

// changeParts are the parts of a cloud or cluster CLI's verb that change
// what it manages (set, put, patch, annotate, suspend, scale, restart).
var changeParts = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"set": true, "put": true, "patch": true, "update": true, "apply": true, "create": true, "annotate": true,
		"label": true, "taint": true, "scale": true, "restart": true, "replace": true, "edit": true,
		"suspend": true, "resume": true, "add": true, "attach": true, "enable": true, "disable": true,
		"import": true, "move": true, "mv": true, "cordon": true, "uncordon": true, "drain": true, "expose": true,
		"autoscale": true, "upgrade": true, "install": true, "push": true, "sync": true, "stop": true,
		"start": true, "reboot": true, "resize": true, "rotate": true, "promote": true, "failover": true,
		"modify": true, "assign": true, "unassign": true, "reconcile": true, "rollout": true, "undo": true,
		"alter": true, "toggle": true,
		// a staging slot swapped into production's place (az webapp
		// deployment slot swap, swap-environment-cnames): a deploy
		"swap": true,
		// a volume or a disk taken off what runs on it, and what nothing
		// seems to use swept away: in production, something may
		"detach": true, "prune": true,
		// a debugging container added to a running workload, a maintenance
		// mode switched on or off, every session killed, a release rolled
		// back or rebuilt, a job or function set going
		"debug": true, "on": true, "off": true, "kill": true, "killall": true, "rollback": true,
		"rebuild": true, "redeploy": true, "rerun": true, "trigger": true, "invoke": true, "dispatch": true,
		"call": true,
		// a table, a dataset or a bucket made (bq mk, gsutil mb)
		"mk": true, "mb": true,
		// a command sent to machines there to run (aws ssm send-command),
		// a statement or command executed there (aws ecs execute-command),
		// a job handed to its scheduler (argo submit, ray job submit), its
		// traffic taken over (telepresence intercept)
		"send": true, "execute": true, "submit": true, "intercept": true,
		// an environment's variables set (eb setenv), a certificate
		// issued and installed (zappa certify), a state lock broken (sst
		// unlock), a backup restored over what runs, a primary handed to
		// another member (reparent, switchover)
		"setenv": true, "certify": true, "unlock": true, "restore": true, "reparent": true,
		"switchover": true,
	}
}}

// cloudProductionChange adds destroy:production for a cloud or cluster
// CLI's verb that changes what it manages (kubectl annotate, gcloud sql
// instances patch, wrangler secret put) when a word of the command, or an
// option's value or an assignment, names production (ns production,
// acme-prod, --env production). A verb that only looks comes first and
// makes it a look (kubectl get, describe, logs); help and dry runs change
// nothing. The destroying verbs are destroys' own.
func (a *analysis) cloudProductionChange(i int, c *shell.Command, cl *catalog.Classified) {
	// a program the catalogue does not know is read as a SaaS CLI (rpk
	// topic alter-config --brokers …prod…, ldcli flags update --environment
	// production): its change verb against production is
	// production: a subcommand of a known program that the catalogue
	// does not list (stripe trigger, beside stripe config) is read so too
	unknown := a.readsVerbs(i, cl) && c.Name != ""
	listed := ""
	if cl.Entry != nil {
		// mysqladmin shutdown, rabbitmqctl set_policy: a program whose
		// first operand is a command of its own, its changing ones listed
		// (prodverbs.go), read as an unknown program's words are
		listed = cl.Entry.Prop("change-verbs")
		unknown = unknown || listed != "" && c.Name != ""
	}
	if !unknown && (cl.Entry == nil || cl.Entry.Prop("cloud") == "") {
		return
	}
	if unknown && (len(c.Args) == 0 || a.productionWord(i) == "" && !a.pointsAtProduction(i, c) || c.ShellOrInterpreter()) {
		return // most unknown programs name no production: looked at first
	}
	if helpOrDryRunOf(cl, c.Args) || a.targetHere(i, c) || localCopy(c.Args) {
		return
	}
	verb := ""
	leadingWords(cl, 4, func(w string) bool {
		if unknown {
			// the last verb of a word decides (search-replace, migrate:status),
			// a verb run into its object is read (updatedb), and a command the
			// catalogue lists as changing is one (prodverbs.go)
			if lookVerbs.Get(w) {
				return true
			}
			switch {
			case listedChangeVerb(w, listed):
				verb = w
			case notVerbShaped(w):
			default:
				switch verbClass(w) {
				case "read":
					verb = "-"
				case "change":
					verb = w
				}
			}
			return verb != ""
		}
		t := w
		if !unknown {
			// a known CLI's verb may be capitalised by habit; an unknown
			// program's words are read as written (lowering one allocates,
			// and verbParts reads only lower case)
			t = strings.ToLower(w)
		}
		if lookVerbs.Get(t) {
			return true
		}
		verbParts(t, func(p string, k int) {
			if verb == "" && (changeParts.Get(p) || k == 0 && lookVerbs.Get(p)) {
				verb = w
				if lookVerbs.Get(p) {
					verb = "-" // describe-instances: it looks
				}
			}
		})
		return verb != ""
	})
	if verb == "" || verb == "-" || copiesHere(cl, verb) || takesBackup(cl) || readOnlyStatements(cl, verb) || plansChange(verb) {
		return
	}
	w := a.productionWord(i)
	if unknown && cl.Entry != nil && w != "" && namesFile(cl, w) && !a.pointsAtProduction(i, c) {
		// sops updatekeys deploy/secrets.prod.yaml: a file the known
		// program's words name, not where it acts
		return
	}
	if w == "" && !a.pointsAtProduction(i, c) {
		if every := everyResource(c.Args); every != "" {
			// kubectl label nodes --all: every resource of the kind changed at once
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " " + verb + " " + every})
		}
		return
	}
	if w == "" {
		w = "production"
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + verb + " against " + w})
}

// everyResource returns the option by which a cluster CLI's command acts
// on every resource of its kind, or in every namespace, or "".
func everyResource(args []string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		switch a {
		case "--all", "-A", "--all-namespaces":
			return a
		}
	}
	return ""
}

// runsInProduction adds destroy:production, for each effect from index
// start on that deletes, writes or changes modes or destroys, when its
// command is run through a cloud or cluster CLI (kubectl exec … --, a
// PaaS's run) that the line points at production: the change is made on
// production's machines, not this one (kubectl exec -n production
// deploy/api -- rm -rf /var/cache/app).
func (a *analysis) runsInProduction(start int) {
	cmds := a.res.Commands
	n := len(a.out)
	done := -1
	for k := start; k < n; k++ {
		e := a.out[k]
		if e.Cmd < 0 || e.Cmd >= len(cmds) || e.Cmd == done || len(cmds[e.Cmd].Via) == 0 {
			continue
		}
		switch e.Kind {
		case Delete, Chmod, Destroy:
		case Write:
			// a redirect on the line (kubectl exec … -- cat f > f.local) writes
			// here: only a path that is neither the project's nor a temporary
			// one is the remote command's
			if cwd := a.env.Cwd; cwd != "" && strings.HasPrefix(e.Path, strings.TrimSuffix(cwd, "/")+"/") || strings.HasPrefix(e.Path, "/tmp/") {
				continue
			}
		default:
			continue
		}
		c := &cmds[e.Cmd]
		if d, w := a.productionRunner(e.Cmd); w != "" {
			done = e.Cmd
			a.add(Effect{Kind: Destroy, Cmd: e.Cmd, Detail: "production", Word: c.Name + " run through " + d.Name + " against " + w})
		}
	}
}

// productionRunner returns the cloud or cluster CLI that runs command i
// (the nearest known one before it in the same stage of its pipeline,
// kubectl exec … -- psql, or before the command whose string holds it,
// kubectl exec … -- sh -c 'cd /app; rm …'), and the word by which it
// points at production, or "" when the nearest one does not or there is
// none (a cluster on this machine never does).
func (a *analysis) productionRunner(i int) (runner *shell.Command, word string) {
	cmds := a.res.Commands
	c := &cmds[i]
	for j := i - 1; j >= 0; j-- {
		d := &cmds[j]
		switch {
		case d.Depth > c.Depth:
			continue // inside an earlier command's string
		case d.Depth < c.Depth:
			c = d // the command whose string holds c: its own stage is read on
		case d.Pipeline != c.Pipeline || d.Stage != c.Stage:
			if c.Depth > 0 {
				continue // another command of the same string
			}
			return nil, ""
		}
		if d.Name == "" || !a.cat.Known(d.Name) {
			continue
		}
		cl := a.cat.Classify(d.Name, d.Args)
		engine := ""
		if d.Is(engineWrapperKind) {
			engine = productionEngine(a.res) // prodengine.go: docker -H ssh://prod-web-1 exec api …
		}
		if cl.Entry == nil || cl.Entry.Prop("cloud") == "" && engine == "" || a.targetHere(j, d) {
			continue
		}
		w := a.productionWord(j)
		if w == "" {
			w = engine
		}
		if w == "" && a.pointsAtProduction(j, d) {
			w = "production"
		}
		return d, w
	}
	return nil, ""
}

// localCopy reports a command told to act on this machine's copy of what
// it manages (wrangler d1 execute prod-db --local, an emulator's), and not
// on the service as well.
func localCopy(args []string) bool {
	return hasArg(args, "--local") && !hasArg(args, "--remote")
}

// namesFile reports a word the catalogue gives a file's role in the
// command (read, write, delete...).
func namesFile(cl *catalog.Classified, w string) bool {
	for _, x := range cl.Words {
		if x.Text == w {
			switch x.Role {
			case catalog.Read, catalog.Write, catalog.Delete, catalog.Exec, catalog.SQLFile, catalog.Dest, catalog.AtFile, catalog.Upload:
				return true
			}
			return false
		}
	}
	return false
}

// copyVerbs are the verbs that copy from a source to a destination, the
// last operand, and change only the destination.
var copyVerbs = table.Map[string, bool]{Words: "cp sync copy rsync download"}

// copiesHere reports a copy verb whose destination, its last operand, is
// a path on this machine (aws s3 sync s3://acme-prod-logs/ ./logs/,
// gsutil cp gs://prod-exports/x.csv /tmp/): production read out, not
// changed.
func copiesHere(cl *catalog.Classified, verb string) bool {
	if !copyVerbs.Get(verb) {
		return false
	}
	last := ""
	for _, w := range cl.Words {
		if w.Option == "" {
			last = w.Text
		}
	}
	if last == "" || last == verb || strings.Contains(last, "://") {
		return false
	}
	return last == "." || strings.HasPrefix(last, "./") || strings.HasPrefix(last, "../") ||
		strings.HasPrefix(last, "/") || strings.HasPrefix(last, "~/")
}

// backupNouns are the parts of a command's words that name a backup.
var backupNouns = table.Map[string, bool]{Words: "backup backups snapshot snapshots"}

// takesBackup reports a command whose verbs create a backup and do
// nothing else (velero backup create, gcloud sql backups create, aws rds
// create-db-snapshot): production copied, not changed. A restore from a
// backup, or a backup deleted, is a change.
func takesBackup(cl *catalog.Classified) bool {
	backup, create, other := false, false, false
	leadingWords(cl, 4, func(w string) bool {
		verbParts(w, func(p string, _ int) {
			switch {
			case backupNouns.Get(p):
				backup = true
			case p == "create" || p == "take":
				create = true
			case partClass(p) == "change":
				other = true
			}
		})
		return create // velero backup create pre-upgrade: a name after the verb, not a verb
	})
	return backup && create && !other
}

// readOnlyStatements reports a command whose verb runs statements
// (execute, query, sql) and whose statements, given on its line, only
// read (wrangler d1 execute prod-db --remote --command "SELECT …"): a
// query of production, not a change. A file of statements is not seen.
func readOnlyStatements(cl *catalog.Classified, verb string) bool {
	switch verb {
	case "execute", "exec", "query", "sql", "run":
	default:
		return false
	}
	seen := false
	for _, w := range cl.Words {
		switch w.Role {
		case catalog.SQLFile:
			return false
		case catalog.SQL:
			if ChangesSQL(w.Text) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// plansChange reports a verb that makes, looks at or drops a change set
// (aws cloudformation create-change-set, delete-change-set): a plan of a
// change, carried out only by its execute verb, which stays a change.
func plansChange(verb string) bool {
	v := strings.ToLower(verb)
	if !strings.Contains(v, "change-set") && !strings.Contains(v, "changeset") {
		return false
	}
	return !strings.HasPrefix(v, "execute") && !strings.HasPrefix(v, "apply")
}
