package engine

import (
	"net/url"
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/verbs"
)

// Fetches that act. A GET is meant to read, but many admin panels,
// webhooks and management endpoints act on one: /users/delete,
// /queues/orders/purge, /hooks/deploy?env=production,
// /stats?action=disable, /cache/flush-all?confirm=yes. A fetch of such a
// URL on another machine is read by the verb it names, from the verb
// lexicon (pkg/verbs):
//
//   - the path's last segment a verb that destroys, empties, resets or
//     disables what it names: a remote destroy (a person confirms);
//   - its last segment a verb that publishes (deploy, promote): a deploy;
//   - an action-naming query parameter (action=, cmd=, op=) whose value is
//     a verb of those classes, or of the change class: the same;
//   - the last segment a change verb (set, send, reboot, restart) when the
//     query names production or confirms (env=production, confirm=yes):
//     a change of what others share.
//
// Documentation pages name verbs too (…/Methods/DELETE, …/reference/drop,
// docs.ntfy.sh/publish/): a documentation host, a path with a
// documentation segment, or a page's extension, is read as the page it is.

// actionParams are query parameters whose value names the action a
// management endpoint takes (mode=drop, method=wipe, _method=DELETE).
var actionParams = [...]string{"action", "cmd", "command", "op", "operation", "do", "task", "mode", "method", "_method", "verb", "func", "function", "act"}

// docSegments are path segments of documentation and articles.
var docSegments = [...]string{"docs", "doc", "documentation", "wiki", "reference", "manual", "man", "blog", "questions", "guide", "guides", "tutorial", "learn", "api-reference"}

// scriptExtensions are the extensions of a server's handlers and of the
// data an API answers with (delete.php, drop.cgi, flush.json): the name
// before them is the action, as a bare segment's is; any other extension
// (purge.md, delete.html, reset.sh) names a page or a file.
var scriptExtensions = [...]string{"php", "php5", "phtml", "cgi", "pl", "asp", "aspx", "ashx", "jsp", "jspx", "do", "action", "cfm", "json", "xml"}

// selectorSegments follow an action's verb to say what it takes (
// /users/delete/all, /tables/orders/truncate/confirm): the verb is the
// segment before them.
var selectorSegments = [...]string{"all", "everything", "confirm", "confirmed", "now", "force", "yes", "true", "*"}

// nameCollections are path segments after which a segment is a thing's
// name (a branch, a tag, a package), never an action.
var nameCollections = [...]string{"heads", "tags", "tag", "branches", "branch", "refs", "crates", "packages", "package", "gems", "modules", "charts"}

// judgeFetchAction judges a GET of u (already parsed) by the action it
// names, when it names one. A fetch tool's GET and an HTTP client's
// (curl, wget: a command's request with no method or body) are read
// alike.
func (ev *evaluation) judgeFetchAction(host, rest, method string) {
	if ev.denied() || loopbackHost(host) || docHost(host) || effect.OfficialRegistry(host) {
		return // registry.npmjs.org/del: a package's name
	}
	if method != "" && !strings.EqualFold(method, "GET") && !strings.EqualFold(method, "HEAD") {
		return // a HEAD is routed to the GET's handler (Rails, Express, Flask)
	}
	p, q, _ := strings.Cut(rest, "?")
	q, _, _ = strings.Cut(q, "#")
	p, _, _ = strings.Cut(p, "#")
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for i, s := range segs {
		s, _, _ = strings.Cut(s, ";") // /purge;jsessionid=x: a segment's parameters
		segs[i] = s
		if !appHost(host) && isDocSegment(s) {
			return // documentation, unless the host is an API's or production's
		}
	}
	last := actionSegment(segs)
	if last == "" {
		return // a page or a file (delete.html, purge.md)
	}
	query, _ := url.ParseQuery(q)
	for _, s := range strings.Split(strings.Trim(p, "/"), "/") {
		// matrix parameters (/admin;action=drop) are read as the query
		if _, params, ok := strings.Cut(s, ";"); ok {
			for _, kv := range strings.Split(params, ";") {
				if k, v, ok := strings.Cut(kv, "="); ok {
					query.Add(k, v)
				}
			}
		}
	}
	c := segmentVerbClass(last)
	if c == "change" && operates(last) && len(segs) > 1 {
		c = "change!" // a job triggered, a service restarted: acted on
	}
	if d := actionDetail(c, query); d != "" {
		ev.controlEffect(effect.Destroy, d, "GET "+host+"/"+strings.Trim(p, "/"))
		return
	}
	for _, k := range actionParams {
		for key, vals := range query {
			if !strings.EqualFold(key, k) {
				continue
			}
			for _, v := range vals {
				c := segmentVerbClass(v)
				if c == "change" {
					c = "change!" // named as the action to take: acted on
				}
				if d := actionDetail(c, query); d != "" {
					ev.controlEffect(effect.Destroy, d, "GET "+host+"/"+strings.Trim(p, "/")+"?"+key+"="+v)
					return
				}
			}
		}
	}
}

// operatingVerbs are the change verbs that set a running system going or
// bounce it: named by a GET's path below an object (/jobs/nightly/trigger,
// /services/api/restart, /job/web/buildWithParameters) the GET does it,
// while other change verbs name a form as often as an action
// (/issues/new, /pull/42/edit) and act only where the query says
// production or confirms.
var operatingVerbs = table.Map[string, bool]{Words: "trigger restart reboot rerun retry build rebuild invoke dispatch launch bounce recycle failover kick fire reindex rollout rollback redeploy reload drain cordon scale"}

// operates reports an action name whose verb sets a running system going.
func operates(name string) bool {
	return operatingVerbs.Get(leadingVerb(name))
}

// actionPrefixes are words an action's verb follows in a compound name
// (bulkDelete, batch_delete, mass-purge).
var actionPrefixes = [...]string{"bulk", "batch", "mass", "force"}

// recordNouns end a compound name that records an action rather than
// taking it (purgeStatus, restart_count, deleteHistory).
var recordNouns = [...]string{"status", "state", "history", "log", "logs", "count", "counts", "info", "stats", "report", "reports", "result", "results", "progress", "time", "date", "at"}

// leadingVerb returns the first word of an action name, lower case, and
// the words after a bulk prefix: a name is split at -, _, + and at the
// change of case camelCase makes (deleteAll, DeleteAllOrders,
// buildWithParameters, DROP_ALL_TABLES), and a run-together verb and
// "all" (deleteall) is the verb. A name that ends in a word recording the
// action (purgeStatus) names no action: "" is returned.
func leadingVerb(name string) string {
	words := nameWords(name)
	if len(words) == 0 {
		return ""
	}
	last := words[len(words)-1]
	for _, r := range recordNouns {
		if len(words) > 1 && last == r {
			return ""
		}
	}
	w := words[0]
	for _, p := range actionPrefixes {
		if w == p && len(words) > 1 {
			w = words[1]
			break
		}
	}
	if verbs.Class(w) == "" {
		if b, ok := strings.CutSuffix(w, "all"); ok && len(b) >= 3 && verbs.Class(b) != "" {
			return b
		}
	}
	return w
}

// nameWords splits an action name into lower-case words at -, _, +, a
// blank and a change from lower to upper case.
func nameWords(name string) []string {
	var words []string
	start := 0
	flush := func(end int) {
		if end > start {
			words = append(words, strings.ToLower(name[start:end]))
		}
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '-' || c == '_' || c == '+' || c == ' ':
			flush(i)
			start = i + 1
		case c >= 'A' && c <= 'Z' && i > start && name[i-1] >= 'a' && name[i-1] <= 'z':
			flush(i)
			start = i
		}
	}
	flush(len(name))
	return words
}

// segmentVerbClass returns the verb class of a path segment or action
// name: the segment whole, or its first word (flush-all, delete_user): an
// action is named verb first, and a page named for a subject
// (hugo-deploy, how-to-delete) is no action.
func segmentVerbClass(s string) string {
	if c := verbs.Class(strings.ToLower(s)); c != "" {
		return c
	}
	words := nameWords(s) // flush-all, delete_user, deleteAll, bulkDelete
	if len(words) == 0 {
		return ""
	}
	if last := words[len(words)-1]; len(words) > 1 && questionWords.Get(last) {
		return "read" // seal-status, offboard-check: a question about the action
	} else if len(words) > 1 && pageObjects.Get(last) {
		return "" // reset-password, delete-account: the page a person fills in
	}
	if len(words) == 1 && verbs.Class(strings.TrimSuffix(words[0], "all")) == "" {
		return "" // one word, no verb (deleteall is delete all)
	}
	v := leadingVerb(s)
	c := verbs.Class(v)
	if c == "change" && adjectiveVerbs.Get(v) {
		return "" // new-checkout, live-chat: a name, not an action
	}
	return c
}

// pageObjects end the names of pages a person fills in to act on their
// own account (reset-password, change-email): a GET shows the form.
var pageObjects = &table.Map[string, bool]{Words: "password passwd email form page"}

// adjectiveVerbs are change verbs that start names as adjectives as often
// as they name an action (new-checkout, open-orders, live-feed).
var adjectiveVerbs = &table.Map[string, bool]{Words: "new open live free"}

// docHost reports a host named for documentation (docs.ntfy.sh,
// developer.example.com, wiki.example.org).
func docHost(host string) bool {
	first, _, _ := strings.Cut(strings.ToLower(host), ".")
	switch first {
	case "docs", "doc", "developer", "developers", "dev-docs", "wiki", "help", "support", "learn", "guide", "manual":
		return true
	}
	return false
}

// actionDetail maps a verb class, with the query it came with, to the
// destroy effect's detail, or "" when the fetch only reads.
func actionDetail(class string, query url.Values) string {
	switch class {
	case "destroy", "wipe", "reset", "disable", "overwrite":
		return "remote"
	case "publish":
		if namesNonProductionOrDryRun(query) {
			return "" // a staging deploy or a dry run, as a CLI's is
		}
		return "deploy"
	case "change!":
		return "shared-change"
	case "change":
		if namesProductionOrConfirms(query) {
			return "shared-change"
		}
	}
	return ""
}

// stageKeys are the query parameters that say where an action goes.
var stageKeys = table.Map[string, bool]{Words: "env environment stage target"}

// namesProductionOrConfirms reports a query that points at production
// (env=production, stage=prod-eu: effect.NamesProduction) or confirms an
// action (confirm=yes, force=true).
func namesProductionOrConfirms(query url.Values) bool {
	for k, vals := range query {
		k = strings.ToLower(k)
		for _, v := range vals {
			switch {
			case stageKeys.Get(k) && effect.NamesProduction(v):
				return true
			case (k == "confirm" || k == "force" || k == "yes") && yesValue(v):
				return true
			}
		}
	}
	return false
}

// namesNonProductionOrDryRun reports a query that points at a stage other
// than production (stage=staging, env=dev: a development name, as an MCP
// tool's target is read) or asks for a dry run.
func namesNonProductionOrDryRun(query url.Values) bool {
	for k, vals := range query {
		k = strings.ToLower(k)
		for _, v := range vals {
			switch {
			case stageKeys.Get(k) && !effect.NamesProduction(v) && namesDevEnvironment(map[string]any{"environment": v}):
				return true
			case (k == "dry_run" || k == "dryrun" || k == "dry-run") && yesValue(v):
				return true
			}
		}
	}
	return false
}

// yesValue reports a query value that turns an option on.
func yesValue(v string) bool {
	switch strings.ToLower(v) {
	case "yes", "true", "1", "y":
		return true
	}
	return false
}

// isDocSegment reports a path segment of documentation (docSegments).
func isDocSegment(s string) bool {
	for _, d := range docSegments {
		if strings.EqualFold(s, d) {
			return true
		}
	}
	return false
}

// appHost reports a host that serves an application rather than its
// documentation: one that names production (cms.prod.acme.com) or whose
// first label is an API's or an admin panel's (api., admin.). A "docs" or
// "blog" segment there is a collection the application keeps, not a page.
func appHost(host string) bool {
	first, _, _ := strings.Cut(strings.ToLower(host), ".")
	switch first {
	case "api", "admin", "backend", "internal", "ops", "manage", "management", "console":
		return true
	}
	return effect.NamesProduction(host)
}

// actionSegment returns the path segment that names the action, lower
// case: the last one, or the one before trailing selectors (all, confirm)
// and ids; a handler's name without its extension (delete.php); "" when
// the last segment names a page or a file.
func actionSegment(segs []string) string {
	i := len(segs) - 1
	for skipped := 0; i > 0 && skipped < 2 && selectorSegment(segs[i]); skipped++ {
		i--
	}
	if i > 0 && slices.Contains(nameCollections[:], strings.ToLower(segs[i-1])) {
		return "" // refs/heads/delete-me, /tags/purge: a thing's name
	}
	last := segs[i]
	if k := strings.LastIndexByte(last, ':'); k >= 0 && k < len(last)-1 {
		return last[k+1:] // orders:drop, web:restart: a custom method, as Google's APIs spell them
	}
	if stem, ext, ok := strings.Cut(last, "."); ok {
		switch {
		case ext == "":
			last = stem // delete.: the trailing dot a router ignores
		case slices.Contains(scriptExtensions[:], strings.ToLower(ext)):
			last = stem
		case methodName(ext):
			last = ext // Users.DeleteAll: a method on its object
		default:
			return ""
		}
	}
	return last
}

// methodName reports a dotted name's last part that is a method called
// by its name (Users.DeleteAll), not a file's extension: letters alone,
// camelCase or capitalised.
func methodName(ext string) bool {
	if ext == "" || strings.ToLower(ext) == ext {
		return false
	}
	for j := 0; j < len(ext); j++ {
		if c := ext[j]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// selectorSegment reports a segment that says what an action before it
// takes: a selector word or an id (digits).
func selectorSegment(s string) bool {
	s = strings.ToLower(s)
	if stem, ext, ok := strings.Cut(s, "."); ok && slices.Contains(scriptExtensions[:], ext) {
		s = stem // all.json
	}
	return slices.Contains(selectorSegments[:], s) || s != "" && strings.Trim(s, "0123456789") == "" || idSegment(s)
}

// idSegment reports a segment that names one record by an identifier
// with letters in it (abc123, a UUID, usr_9f2k1): letters, digits, - and
// _ only, at least one digit, and no verb.
func idSegment(s string) bool {
	if len(s) < 3 || !strings.ContainsAny(s, "0123456789") || segmentVerbClass(s) != "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// urlQueryArgs gives the parameters curl's --url-query options join to
// the URL's query ("" when there are none).
func urlQueryArgs(args []string) string {
	var q []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--url-query="); ok {
			q = append(q, strings.TrimPrefix(v, "+"))
		} else if a == "--url-query" && i+1 < len(args) {
			i++
			q = append(q, strings.TrimPrefix(args[i], "+"))
		}
	}
	return strings.Join(q, "&")
}

// fetcherArgv reports a command that is an HTTP client (catalogue
// "fetcher": curl, wget, httpie), whose request fetchactions reads.
func fetcherArgv(a *match.Argv) bool {
	if a == nil || a.Name == "" {
		return false
	}
	e, _ := catalog.Default().Lookup(a.Name, nil)
	return e != nil && e.Prop("fetcher") != ""
}

// sendsDataInQuery reports curl's -G (--get): the data options' text goes
// into the URL's query of a GET.
func sendsDataInQuery(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "--get" || a == "-G" || (len(a) > 1 && a[0] == '-' && a[1] != '-' && strings.ContainsRune(a, 'G')) {
			return true
		}
	}
	return false
}

// queryJoin is what joins more parameters to rest: "&" after a query, "?"
// where there is none.
func queryJoin(rest string) string {
	if strings.Contains(rest, "?") {
		return "&"
	}
	return "?"
}
