package engine

import (
	"net/url"
	"strings"

	"rampart.dev/pkg/effect"
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
var actionParams = [...]string{"action", "cmd", "command", "op", "operation", "do", "task"}

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
	last := strings.ToLower(segs[len(segs)-1])
	if strings.Contains(last, ".") {
		return // a page or a file (delete.html, purge.md)
	}
	query, _ := url.ParseQuery(q)
	if d := actionDetail(segmentVerbClass(last), query); d != "" {
		ev.controlEffect(effect.Destroy, d, "GET "+host+"/"+strings.Trim(p, "/"))
		return
	}
	for _, k := range actionParams {
		for key, vals := range query {
			if !strings.EqualFold(key, k) {
				continue
			}
			for _, v := range vals {
				c := segmentVerbClass(strings.ToLower(v))
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

// segmentVerbClass returns the verb class of a path segment or action
// name: the segment whole, or its first word (flush-all, delete_user): an
// action is named verb first, and a page named for a subject
// (hugo-deploy, how-to-delete) is no action.
func segmentVerbClass(s string) string {
	if c := verbs.Class(s); c != "" {
		return c
	}
	if i := strings.IndexAny(s, "-_+"); i > 0 {
		return verbs.Class(s[:i])
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
