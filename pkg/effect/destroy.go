package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// destroys reports what a command destroys, rewrites or publishes through
// its program's own subcommands, as the catalogue describes them:
//
//   - a cloud or cluster CLI ("cloud") with a destroying verb among its
//     leading words, or a sync that deletes what the source lacks;
//   - any entry's own verbs ("destroy-verbs=drop,clean,publish*");
//   - an entry that always does ("destroy=KIND": docker push, npm publish);
//   - an option that does: a flag with the mark "destroy" (docker compose
//     down --volumes), "publish" (docker build --push) or "rewrite" (git
//     branch --force, git push --force);
//   - a request whose method is DELETE (curl -X DELETE, gh api --method
//     DELETE): the service removes what the URL names.
//
// The effect's detail is what is destroyed: remote (resources a service
// holds), publish (a package or image made public) or history (a
// repository's) or database (a framework's task that drops or empties
// one: rake db:drop:all, manage.py flush, artisan migrate:fresh, for an
// entry with "db-tasks"); an entry's "destroy" or "destroy-kind" property
// says which, remote by default. Help and dry runs destroy nothing.
func (a *analysis) destroys(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil || unlistedSub(e) {
		// A program the catalogue does not know, or a subcommand of a
		// known one it does not list (borg delete, restic forget): its
		// verbs are read as an unknown program's are.
		if c.Name != "" && a.readsVerbs(i, cl) && !helpOrDryRun(c.Args) && !a.aimedHere(i, c) {
			if v := unknownDestroyVerb(cl); v != "" {
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " " + v})
			} else if v := unknownPush(cl, c.Args); v != "" {
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "publish", Word: c.Name + " " + v}) // unknownpush.go
			} else if v := unknownSweep(c, cl, a.exportedBefore(i)); v != "" && !a.wrapsOnLine(i) && !c.ShellOrInterpreter() {
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " " + v})
			}
		}
		if e == nil {
			if c.Name != "" && a.readsVerbs(i, cl) && !helpOrDryRun(c.Args) && !a.wrapsOnLine(i) && !c.ShellOrInterpreter() {
				a.unknownPathDeletes(i, c, cl) // unknownpaths.go
			}
			return
		}
	}
	if v := setsSecretVar(cl); v != "" && !helpOrDryRun(c.Args) {
		// gp env NPM_TOKEN=…: a secret stored for every later workspace
		// (setsvars.go)
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "deploy", Word: c.Name + " sets " + v})
	}
	cloud := e.Prop("cloud") != ""
	always := e.Prop("destroy")
	if always != "" && e.Has("destroy-bare") && namesParts(cl) {
		always = "" // fossil revert src/main.c: one file put back (destroybare.go)
	}
	extra := e.Prop("destroy-verbs")
	mark := ""
	if len(cl.Marks) > 0 { // most commands have none: skip the walk
		for _, dm := range destroyMarks {
			if cl.Mark(dm.mark) {
				mark = dm.kind
				break
			}
		}
	}
	if mark == "" && (cl.Positional > 0 || behindXargs(c)) && e.Prop("destroy-operands") != "" {
		// restic forget ID…, … | xargs restic forget: the operands name
		// what it destroys
		mark = "remote"
	}
	if mark == "" && !cl.Mark("norewrite") && configRewrites(e.Prop("config-rewrite"), cl) {
		// (an option marked norewrite, git gc --no-prune, overrides it)
		mark = "history"
	}
	if mark == "" && a.destroyedBySetting(i, e.Prop("destroy-settings")) {
		// git -c clean.requireForce=false clean, GIT_CONFIG_* or git
		// config before it: the setting stands for the destroying option.
		mark = "history"
	}
	deletes := sendsDelete(cl)
	rpc := rpcDestroys(cl, c.Args) // rpcmethods.go: grpcurl HOST:443 orders.v1.OrderService/DeleteOrder
	public := makesPublic(cl)
	apiKind, apiWhat := changesServiceAPI(cl, c.Args) // apiaccess.go
	shared := ""
	if apiKind == "" && !deletes && (e.Prop("fetcher") != "" || e.Prop("argsend") != "") {
		shared = sharedRequest(cl, e, c.Args) // sharedrequest.go
	}
	dbTasks := e.Prop("db-tasks") != ""
	removes := cl.Mark("remove") || e.Prop("removes") != "" || e.Prop("installs-system") != "" || e.Prop("install-flags") != ""
	if c.Is(condaManagerKind) { // (baseEnvInstalled answers for no other name)
		if v := baseEnvInstalled(c.Name, c.Args); v != "" && !helpOrDryRun(c.Args) {
			// systeminstalls.go: conda install -n base
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "system", Word: c.Name + " " + v})
		}
	}
	ships := e.Prop("targets") != "" || e.Prop("deploy-verbs") != ""
	if !cloud && always == "" && extra == "" && mark == "" && !deletes && rpc == "" && !public && apiKind == "" && shared == "" && !dbTasks && !removes && !ships {
		return
	}
	if helpOrDryRunOf(cl, c.Args) || cl.Mark("dry") || cl.Mark("local") || cl.Mark("private") || cloud && (a.targetHere(i, c) || DevNamespace(a.res, i)) || a.serverHere(i, c, cl) || a.containerServerHere(i, c, cl) || landsHere(e, cl) || a.restoresHere(i, c, cl) || ScratchRepo(a.res, a.cwds, i) {
		// (a repository made private publishes nothing: hf repo create --private)
		// (a cluster on this machine: localcluster.go; a namespace for
		// development: devnamespace.go)
		// "dry": an option that only reports (git filter-repo --analyze);
		// "local": ko build --local, the image stays on this machine
		// (a clone the line made in a temporary directory: scratchrepo.go)
		// (an endpoint on this machine: localtarget.go; a server's client
		// pointed at a server here: serverHere; a dump restored over a
		// database here: loadsdb.go)
		return
	}
	kind := always
	if kind == "" {
		kind = e.Prop("destroy-kind")
	}
	if kind == "" {
		kind = "remote"
	}
	if kind == "system" && DiskImageOnly(a.res, a.cwds, i, a.env.Home) {
		return // cryptsetup luksFormat /tmp/luks-test.img: an image file, not a disk (diskimages.go)
	}
	if kind == "system" && cl.Mark("userscope") && !cloud {
		// journalctl --user --vacuum-time=2d: the user's own journal,
		// not what the system keeps
		return
	}
	verb := ""
	switch {
	case always != "" && e.Prop("own-keys") != "" && a.addsOwnKeys(i, c, cl):
		// ownkeys.go: gh ssh-key add ~/.ssh/id_ed25519.pub
	case always != "":
		verb = e.Name
		if rest, ok := strings.CutPrefix(e.Name, c.Name+" "); ok {
			verb = rest // docker push: "docker push", not "docker docker push"
		}
	case mark != "":
		verb = "with an option that destroys, publishes or rewrites"
		if mark == "system" {
			verb = "with an option that changes the system's own packages"
		}
		if mark == "shared-change" {
			verb = "with an option that changes what others share or receive"
		}
		if mark != "remote" || kind == "" {
			kind = mark // the entry's own kind says what a destroying option destroys
		}
	case deletes:
		kind, verb = "remote", "DELETE request"
	case rpc != "":
		kind, verb = "remote", rpc+" call"
	case public:
		kind, verb = "publish", "request that makes a repository public"
	case apiKind != "":
		kind, verb = apiKind, apiWhat
	case shared != "":
		kind, verb = "shared-change", shared
	case removes:
		if verb = systemPackageRemoved(*cl); verb != "" {
			kind = "system"
		} else if verb = systemPackageInstalled(*cl, c.Args, behindXargs(c) && !c.Synthetic); verb != "" {
			kind = "system" // systeminstalls.go
		}
	case cloud && cl.Mark("delete"):
		verb = "sync that deletes what the source lacks"
	default:
		if dbTasks {
			if verb = dbWipeTask(*cl, c.Args); verb != "" {
				kind = "database"
			}
		}
		if verb == "" {
			verb = ownSubVerb(e, c.Args, extra)
		}
		if verb == "" {
			verb = destroyVerb(*cl, cloud, extra, commandStart(c.Args, e.Prop("runs-after")))
			if kind == "publish" && staysLocal(verb) {
				verb = "" // gradle publishToMavenLocal: into this machine's own repository
			}
		}
		if verb == "" && cloud {
			// cloudverbs.go: access granted, a service scaled to nothing.
			if g := grantsAccess(cl); g != "" {
				kind, verb = "access", g
			} else if o := publicACL(cl); o != "" {
				kind, verb = "access", o
			} else if scalesToZero(cl) {
				verb = "scale to zero"
			} else if b := blindsAudit(cl); b != "" {
				verb = b + " (audit logging or detection switched off)"
			} else if p := dropsProtection(c.Args); p != "" {
				verb = p
			} else if pushVerb(cl) >= 0 && e.Prop("deploy-verbs") == "" {
				// (a CLI whose deploy verbs are listed, cf push, is read
				// as a deploy: deploys.go)
				kind, verb = "publish", "push" // unknownpush.go
			}
		}
	}
	if verb != "" && kind == "publish" && publishesHere(a.res, i, cl) {
		return // docker push localhost:5000/api:dev: a registry on this machine (localtarget.go)
	}
	if verb != "" {
		word := c.Name + " " + verb
		if verb == c.Name {
			word = c.Name // ssh-copy-id, an entry of its own that always does
		}
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: kind, Word: word})
		return
	}
	a.deploys(i, c, cl) // deploys.go
}

// commandStart is the index in args where the command a program runs
// begins (after its "runs-after" word: kubectl exec POD -- CMD), or
// len(args): the verbs there are that command's, not the program's.
func commandStart(args []string, after string) int {
	if after == "" {
		return len(args)
	}
	for k, a := range args {
		if a == after {
			return k
		}
	}
	return len(args)
}

// sendsDelete reports whether a request-method word (curl -X, wget
// --method, gh api --method) asks a service to delete what the URL names.
// A DELETE of one item from a service on this machine (a development
// server) is ordinary work; one that names everything there (the root, a
// "*" or "_all" part) is not.
func sendsDelete(cl *catalog.Classified) bool {
	del := false
	for _, w := range cl.Words {
		del = del || w.Role == catalog.Method && strings.EqualFold(w.Text, "DELETE") || overridesToDelete(w.Text) ||
			w.Role == catalog.URL && strings.Contains(w.Text, "/_delete_by_query") // Elasticsearch's bulk delete
	}
	if !del {
		return false
	}
	local := false
	for _, w := range cl.Words {
		if w.Role != catalog.URL || w.Option != "" {
			continue
		}
		u, ok := match.ParseURL(requestURL(cl, w.Text))
		if !ok || !loopback(u.Host) || namesEverything(u.Rest) {
			return true
		}
		local = true
	}
	return !local
}

// requestURL spells out HTTPie's shorthand for this machine: to a client
// that takes request items (http, xh), ":3000/api" is
// http://localhost:3000/api and ":/api" is http://localhost/api.
func requestURL(cl *catalog.Classified, text string) string {
	if strings.HasPrefix(text, ":") && cl.Entry != nil && cl.Entry.Prop("request-items") != "" {
		return "localhost" + text
	}
	return text
}

// makesPublic reports an API request (a word in a method's command, such
// as gh api -X PATCH) whose fields make a repository public:
// private=false or visibility=public.
func makesPublic(cl *catalog.Classified) bool {
	method := false
	for _, w := range cl.Words {
		if w.Role == catalog.Method {
			method = true
		}
	}
	if !method {
		return false
	}
	for _, w := range cl.Words {
		if strings.EqualFold(w.Text, "private=false") || strings.EqualFold(w.Text, "visibility=public") {
			return true
		}
		if strings.Contains(w.Text, `"private"`) || strings.Contains(w.Text, `"visibility"`) {
			// a JSON body: {"private": false}, {"visibility": "public"}
			t := strings.ToLower(strings.Join(strings.Fields(w.Text), ""))
			if strings.Contains(t, `"private":false`) || strings.Contains(t, `"visibility":"public"`) {
				return true
			}
		}
	}
	return false
}

// overridesToDelete reports a word that turns a request into a DELETE
// the server honours: a method-override header (X-HTTP-Method-Override,
// X-HTTP-Method, X-Method-Override) or a "_method=DELETE" field, which web
// frameworks read in place of the method sent.
func overridesToDelete(w string) bool {
	return overriddenMethod(w) == "DELETE"
}

// overriddenMethod returns the method a word overrides a request's with
// (X-HTTP-Method-Override: PATCH, a _method=PUT field or query
// parameter, a proxy's method=DELETE parameter), upper case, or "".
func overriddenMethod(w string) string {
	if len(w) < 11 || !hasMethodWord(w) {
		return ""
	}
	l := strings.ToLower(w)
	rest, found := "", false
	if i := strings.Index(l, "_method="); i >= 0 {
		rest, found = l[i+len("_method="):], true
	}
	for _, h := range []string{"x-http-method-override", "x-method-override", "x-http-method"} {
		if r, ok := strings.CutPrefix(strings.TrimSpace(l), h); ok && !found {
			rest, found = strings.TrimLeft(r, " :="), true
		}
	}
	if !found {
		// Kibana's /api/console/proxy?path=orders-*&method=DELETE: the
		// method the proxy sends on to the server behind it
		if k := strings.Index(l, "/proxy?"); k >= 0 {
			for param := range strings.SplitSeq(l[k+len("/proxy?"):], "&") {
				if v, ok := strings.CutPrefix(param, "method="); ok {
					rest, found = v, true
				}
			}
		}
	}
	if !found {
		return ""
	}
	for _, m := range []string{"delete", "patch", "put", "post", "get", "head"} {
		if strings.HasPrefix(rest, m) {
			return strings.ToUpper(m)
		}
	}
	return ""
}

// hasMethodWord reports whether w holds "method" in any case of its
// ASCII letters, as every spelling overriddenMethod reads does once
// lowered (no other rune lowers to one of those letters): a word without
// it is passed over before it is lowered.
func hasMethodWord(w string) bool {
	for i := 0; i+len("method") <= len(w); i++ {
		if w[i]|0x20 == 'm' && w[i+1]|0x20 == 'e' && w[i+2]|0x20 == 't' && w[i+3]|0x20 == 'h' && w[i+4]|0x20 == 'o' && w[i+5]|0x20 == 'd' {
			return true
		}
	}
	return false
}

// namesEverything reports whether a URL's path is the root or holds a
// part that stands for every item ("*", "_all").
func namesEverything(rest string) bool {
	p, _, _ := strings.Cut(rest, "?")
	p = strings.Trim(p, "/")
	if p == "" {
		return true
	}
	for part := range strings.SplitSeq(p, "/") {
		if part == "*" || strings.HasPrefix(part, "_all") {
			return true
		}
	}
	return false
}

// destroyMarks are the option marks that destroy, with the kind of thing
// each destroys, in the order they are looked for: an option list with
// two of them is reported by the first, the same on every call.
// configRewrites reports whether the line sets, with git's -c KEY=VALUE,
// one of the comma-separated keys (the catalogue's "config-rewrite"
// property: git gc's gc.pruneExpire) to a date that expires everything at
// once (now, all, 0): the same as the option that rewrites history.
func configRewrites(keys string, cl *catalog.Classified) bool {
	if keys == "" {
		return false
	}
	for _, w := range cl.Words {
		if w.Option != "-c" {
			continue
		}
		k, v, ok := strings.Cut(w.Text, "=")
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "now", "all", "0":
		default:
			continue
		}
		for _, key := range strings.Split(keys, ",") {
			if strings.EqualFold(k, key) {
				return true
			}
		}
	}
	return false
}

var destroyMarks = []struct{ mark, kind string }{
	{"destroy", "remote"},
	{"rewrite", "history"},
	{"publish", "publish"},
	{"system", "system"},        // pip install --break-system-packages: the system's own packages changed
	{"grant", "access"},         // gh repo deploy-key add --allow-write: a key that can push
	{"shared", "shared-change"}, // gh repo edit --default-branch: what everyone clones and merges into
	{"persists", "persistence"}, // docker run --restart=always: started again at every boot
}

// unknownDestroyVerbs are the verbs that, among the leading words of a
// program the catalogue does not know, say it destroys what it manages
// (circleci context delete, vendorctl destroy-env, tool db:drop). Softer
// verbs a local tool uses for its own state (rm, remove, uninstall,
// reset, prune, down) are not among them.
var unknownDestroyVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"delete": true, "destroy": true, "purge": true, "terminate": true, "wipe": true, "drop": true,
		"nuke": true, "teardown": true, "decommission": true, "undeploy": true, "deletion": true,
		// a node or a store put back to nothing (talosctl reset); rm and
		// remove stay out: xargs rm and a tool's cache rm are everyday work
		"reset": true, "erase": true,
	}
}}

// unknownDestroyVerb returns the first of an unknown program's three
// leading words that is, or is compounded of, a destroying verb, unless a
// verb that only looks comes first.
func unknownDestroyVerb(cl *catalog.Classified) string {
	found := ""
	n := 0
	leadingWords(cl, 3, func(w string) bool { // cloudverbs.go
		n++
		if strings.ContainsAny(w, "/=@ ") {
			return false // a path, a setting: not a verb
		}
		if i := strings.LastIndexByte(w, '.'); i >= 0 {
			// govc vm.destroy: a dotted command, first, whose last part
			// is a strong verb; any other dotted word is a file's name
			if v := strings.ToLower(w[i+1:]); n == 1 && i > 0 && strongUnknownVerb(v) {
				found = w
				return true
			}
			return false
		}
		lw := verbWord(w)      // once: it allocates for a word with capitals
		if lookVerbs.Get(lw) { // deploys.go
			return true // describe delete-protection: it only looks
		}
		lexiconVerbs(lw, func(p string, _ int) {
			if found == "" && (strongUnknownVerb(p) || strongUnknownVerb(verbBeforeAll(p))) {
				found = w
			}
		})
		return found != ""
	})
	return found
}

// verbBeforeAll is the verb of a word run together with "all" or with a
// whole store (deleteall, dropall, rmall, flushdb, cleardatabase), or "".
func verbBeforeAll(p string) string {
	for _, whole := range [...]string{"all", "db", "database"} {
		if v, ok := strings.CutSuffix(p, whole); ok && len(v) >= 2 {
			return v
		}
	}
	return ""
}

// ownSubVerb gives the word that chose an entry listing several
// subcommands when the entry's own destroy-verbs name it (pass rm, whose
// entry lists rm beside ls and show and says rm destroys), or "".
func ownSubVerb(e *catalog.Entry, args []string, extra string) string {
	k := strings.LastIndexByte(e.Name, ' ')
	if extra == "" || k < 0 {
		return ""
	}
	names := e.Name[k+1:]
	for n, w := range args {
		if n > 4 {
			break
		}
		if !strings.HasPrefix(w, "-") && listed(names, w) {
			if inWordList(extra, w) {
				return w
			}
			return ""
		}
	}
	return ""
}
