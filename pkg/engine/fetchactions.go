package engine

import (
	"net/url"
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
// management endpoint takes.
var actionParams = [...]string{"action", "cmd", "command", "op", "operation", "do", "task", "method"}

// docSegments are path segments of documentation and articles.
var docSegments = [...]string{"docs", "doc", "documentation", "wiki", "reference", "manual", "man", "blog", "questions", "guide", "guides", "tutorial", "learn", "api-reference"}

// judgeFetchAction judges a GET of u (already parsed) by the action it
// names, when it names one.
func (ev *evaluation) judgeFetchAction(host, rest, method string) {
	if ev.denied() || loopbackHost(host) || docHost(host) {
		return
	}
	if method != "" && !strings.EqualFold(method, "GET") {
		return
	}
	p, q, _ := strings.Cut(rest, "?")
	q, _, _ = strings.Cut(q, "#")
	p, _, _ = strings.Cut(p, "#")
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for _, s := range segs {
		for _, d := range docSegments {
			if strings.EqualFold(s, d) {
				return
			}
		}
	}
	query, _ := url.ParseQuery(q)
	for i, s := range segs {
		// matrix parameters (/admin;action=drop) are read as the query
		if seg, params, ok := strings.Cut(s, ";"); ok {
			segs[i] = seg
			for _, kv := range strings.Split(params, ";") {
				if k, v, ok := strings.Cut(kv, "="); ok {
					query.Add(k, v)
				}
			}
		}
	}
	if last, ok := actionSegment(segs[len(segs)-1]); ok {
		c := segmentVerbClass(last)
		if c == "change" && operates(last) && len(segs) > 1 {
			c = "change!" // a job triggered, a service restarted: acted on
		}
		if d := actionDetail(c, query); d != "" {
			ev.controlEffect(effect.Destroy, d, "GET "+host+"/"+strings.Trim(p, "/"))
			return
		}
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

// pageExtensions are the extensions of a page or a file a GET reads
// (delete.html, purge.md): such a last segment names no action, though
// its query still may (admin.php?action=drop).
var pageExtensions = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, x := range strings.Fields("html htm xhtml shtml md markdown txt rst pdf json xml csv tsv yaml yml toml png jpg jpeg gif svg webp ico js mjs css map zip gz tgz tar whl jar php php3 php5 phtml cgi pl py rb asp aspx ashx jsp jspx do action cfm") {
		m[x] = true
	}
	return m
}}

// actionSegment returns the part of a path's last segment that may name
// an action: a custom method after a colon (orders:drop, web:restart, as
// Google's APIs spell them), the method after a dot
// (Users.DeleteAll), or the segment whole; ok is false for a page or a
// file (delete.html, index.php).
func actionSegment(last string) (string, bool) {
	if i := strings.LastIndexByte(last, ':'); i >= 0 && i < len(last)-1 {
		return last[i+1:], true
	}
	if i := strings.LastIndexByte(last, '.'); i >= 0 {
		ext := last[i+1:]
		if ext == "" || pageExtensions.Get(strings.ToLower(ext)) {
			return "", false
		}
		for j := 0; j < len(ext); j++ {
			if c := ext[j]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return "", false // a version, a hash, a number
			}
		}
		return ext, true
	}
	return last, true
}

// operatingVerbs are the change verbs that set a running system going or
// bounce it: named by a GET's path below an object (/jobs/nightly/trigger,
// /services/api/restart, /job/web/buildWithParameters) the GET does it,
// while other change verbs name a form as often as an action
// (/issues/new, /pull/42/edit) and act only where the query says
// production or confirms.
var operatingVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, v := range strings.Fields("trigger restart reboot rerun retry build rebuild invoke dispatch launch bounce recycle failover kick fire reindex rollout rollback redeploy reload drain cordon scale") {
		m[v] = true
	}
	return m
}}

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
// name: the segment whole, or its leading verb (flush-all, delete_user,
// deleteAll, bulkDelete): an action is named verb first, and a page named
// for a subject (hugo-deploy, how-to-delete) is no action.
func segmentVerbClass(s string) string {
	if c := verbs.Class(strings.ToLower(s)); c != "" {
		return c
	}
	if v := leadingVerb(s); v != "" {
		return verbs.Class(v)
	}
	return ""
}

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
var stageKeys = map[string]bool{"env": true, "environment": true, "stage": true, "target": true}

// namesProductionOrConfirms reports a query that points at production
// (env=production, stage=prod-eu: effect.NamesProduction) or confirms an
// action (confirm=yes, force=true).
func namesProductionOrConfirms(query url.Values) bool {
	for k, vals := range query {
		k = strings.ToLower(k)
		for _, v := range vals {
			switch {
			case stageKeys[k] && effect.NamesProduction(v):
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
			case stageKeys[k] && !effect.NamesProduction(v) && namesDevEnvironment(map[string]any{"environment": v}):
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

// judgeCommandFetchAction judges a fetcher's request (curl, wget, HTTPie)
// to u as the fetch tool's GET of it is: a GET that names an action does
// it. curl's -G sends its data in the query, where an action may be named.
func (ev *evaluation) judgeCommandFetchAction(argv *match.Argv, u *match.URL, upload bool) {
	if u.Scheme != "http" && u.Scheme != "https" {
		return
	}
	e, _ := catalog.Default().Lookup(argv.Name, argv.Args)
	if e == nil || !e.Has("fetcher") {
		return
	}
	ask := commandAsk(argv, upload)
	ask.read()
	method, rest := ask.method, u.Rest
	if method == "POST" && !upload && sendsDataInQuery(argv.Args) {
		method = "GET"
		if strings.Contains(rest, "?") {
			rest += "&" + ask.body
		} else {
			rest += "?" + ask.body
		}
	}
	ev.judgeFetchAction(u.Host, rest, method)
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
