package engine

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/verbs"
)

// Changes to shared or production state made through an MCP tool, read
// from the tool's name and arguments whatever the server: the name's verb
// (the first word that is one: merge_pull_request → merge, deployments_scale
// → scale) and its objects (the other words), and the arguments' targets (a
// branch, a namespace, a database). A pull request merged, a release cut, a
// running service scaled or restarted outside a named dev environment, DNS
// records changed, files committed to a default or protected branch,
// repository or branch settings changed, money moved, a message sent to
// many, a shared project archived, every issue changed at once, and SQL that
// writes against a database named production ask. Reads, lists, searches,
// drafts, and the same changes on a feature branch or a dev namespace pass.

// verbClass is what a tool name's verb does.
type verbClass uint8

const (
	verbNone   verbClass = iota
	verbRead             // get, list, search, describe, explain
	verbChange           // create, update, delete, set, push ...
)

// toolVerbs, the words that can be a tool name's verb, are read from
// toolverbs.txt (mcpverbs.go).

// weakVerbs are verbs that are often part of a product's name (Cloud Run,
// exec): a later change verb in the same name is the verb.
var weakVerbs = table.Map[string, bool]{Words: "run exec execute new make"}

// toolParts is a tool name read as a verb and the other words (its
// objects): the words of ToolWords, shared, and the verb's index.
type toolParts struct {
	verb  string
	class verbClass
	words []string
	at    int // the verb's index in words; -1 when there is none
}

func readToolParts(tool string) toolParts {
	p := toolParts{words: splitFused(ToolWords(tool)), at: -1}
	weak := false
	for i, w := range p.words {
		if (w == "and" || w == "then") && p.verb != "" && i+1 < len(p.words) {
			// get_and_delete_user, list_then_purge: the later verb is what
			// the tool ends by doing
			if c, ok := toolVerbs.Lookup(p.words[i+1]); ok && c == verbChange {
				p.verb, p.class, p.at, weak = p.words[i+1], c, i+1, weakVerbs.Get(p.words[i+1])
			}
			continue
		}
		if p.at >= 0 && i <= p.at {
			continue
		}
		if i+1 < len(p.words) {
			if v, ok := toolVerbPhrases.Lookup(w + " " + p.words[i+1]); ok {
				w = v // tear_down: teardown
			} else if v, ok := verbs.Join(w, p.words[i+1]); ok {
				w = v // re_initialize, de_provision
			}
		}
		c, ok := toolVerbs.Lookup(w)
		if !ok {
			if sp := verbs.Spelled(w); sp != w {
				w = sp // reinitialise, wipeout
				c, ok = toolVerbs.Lookup(w)
			}
		}
		if ok && (p.verb == "" || weak && (c == verbChange || p.at > 0)) {
			// cloud_run_update_service, cloud_run_list_services: "run"
			// names the product, and a later verb is the verb (a read
			// one only when a word comes first: run_query runs one)
			p.verb, p.class, p.at, weak = w, c, i, weakVerbs.Get(w)
		}
	}
	return p
}

// has reports whether one of words is among the name's objects.
func (p toolParts) has(words ...string) bool {
	for i, o := range p.words {
		if i == p.at {
			continue
		}
		for _, w := range words {
			if o == w {
				return true
			}
		}
	}
	return false
}

// objectCount is how many words the name has besides its verb.
func (p toolParts) objectCount() int {
	if p.at >= 0 {
		return len(p.words) - 1
	}
	return len(p.words)
}

// showsOnly reports a name whose verb changes a running service and
// whose object is a record of it (rollout_history, scale_status): the
// tool shows what was done.
func (p toolParts) showsOnly() bool {
	return p.verbIn("rollout", "scale", "restart", "deploy", "release", "rollback") &&
		p.has("history", "status", "logs", "log", "events", "metrics", "info", "details")
}

func (p toolParts) verbIn(words ...string) bool {
	for _, w := range words {
		if p.verb == w {
			return true
		}
	}
	return false
}

// sharedChangeRule is one kind of change: what the verb and objects say,
// and what the arguments must show for it to ask. Rules are tried in order;
// the first whose names fit decides.
type sharedChangeRule struct {
	what   string // what the change is, for the decision's message
	effect string
	names  func(p toolParts, server []string) bool
	args   func(args map[string]any) bool // nil: the name is enough
}

var sharedChangeRules = []sharedChangeRule{
	{"a pull request merged", "destroy:shared-change", func(p toolParts, _ []string) bool {
		if p.class == verbChange && (p.has("automerge") || p.has("auto") && p.has("merge")) {
			return true // enable_auto_merge: merged when checks pass, unseen
		}
		return p.verbIn("merge", "accept", "complete") && p.has("pull", "pulls", "request", "requests", "pr", "prs", "mr", "mrs", "merge", "changes", "changeset", "branch")
	}, nil},
	{"a release or tag cut", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("create", "publish", "cut", "push", "new", "make", "release", "tag", "update") && p.has("release", "releases", "tag", "tags", "version") ||
			p.verbIn("release", "tag") && p.objectCount() == 0
	}, func(a map[string]any) bool { return !argTrue(a, "draft") }},
	{"a change approved in a person's name", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("approve") && !p.has("draft", "drafts")
	}, nil},
	{"a change approved in a person's name", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.class == verbChange && p.has("review", "reviews", "reviewer", "reviewers", "approval", "approvals", "vote")
	}, approvesInArgs},
	{"DNS records changed", "destroy:shared-change", func(p toolParts, server []string) bool {
		dns := p.has("dns", "route53", "zone", "zones", "nameserver", "nameservers", "hostedzone", "domain", "domains") || hasWord(server, "dns", "route53")
		return p.class == verbChange && dns && (p.has("record", "records", "dns", "recordset", "nameserver", "nameservers", "sets") || p.verbIn("change"))
	}, nil},
	{"repository or branch settings changed", "destroy:shared-change", func(p toolParts, _ []string) bool {
		if p.verbIn("unprotect") {
			return true
		}
		return p.class == verbChange && !p.verbIn("run", "execute", "exec", "send", "post") &&
			(p.has("protection", "protections", "ruleset", "rulesets", "settings", "setting") || p.has("default") && p.has("branch"))
	}, nil},
	{"repository settings changed", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("update", "edit", "set", "patch", "modify", "change", "configure") && p.has("repository", "repo", "project")
	}, riskySettings},
	{"a shared project, repository or service archived or disabled", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("archive", "deactivate", "disable", "suspend", "transfer") &&
			p.has("project", "projects", "repository", "repo", "workspace", "team", "organization", "org", "channel", "service", "app", "database", "cluster", "account", "site", "domain", "zone", "environment",
				"conversation", "conversations", "channels", "page", "pages", "space", "spaces", "board", "boards", "wiki", "notebook", "notebooks")
	}, nil},
	{"money moved or a subscription ended", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("cancel", "void", "capture", "finalize", "pay", "refund", "send") &&
			p.has("subscription", "subscriptions", "invoice", "invoices", "payment", "payments", "payout", "payouts", "charge", "charges", "transfer", "order", "orders")
	}, nil},
	{"money moved (a payment, refund or payout recorded)", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// create_payment (Xero, QuickBooks), new_refund, record_payout:
		// the money leaves or the books say it did
		return p.verbIn(makeVerbs...) && p.has(moneyMoves...)
	}, nil},
	{"a bill or payment approved, paid or voided", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// update_invoice {status: VOIDED}, create_invoice {status:
		// AUTHORISED}: the status argument is the act (a draft passes)
		return (p.verbIn(makeVerbs...) || p.verbIn(editVerbs...)) && p.has(moneyRecords...)
	}, settlesMoney},
	{"a document sent for signature, or one sent voided", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// send_envelope, void_envelope, create_envelope {status: sent}
		// (DocuSign, Dropbox Sign): the signers get it, a contract binds
		return p.verbIn("send", "void", "resend", "post", "correct") && p.has(signatureRecords...)
	}, nil},
	{"a document sent for signature, or one sent voided", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return (p.verbIn(makeVerbs...) || p.verbIn(editVerbs...)) && p.has(signatureRecords...)
	}, func(a map[string]any) bool { return statusIs(a, "sent", "send", "voided", "void") }},
	{"a post published on a public network", "destroy:shared-change", func(p toolParts, server []string) bool {
		// post_tweet, create_post (Bluesky), publish_status, upload_video
		// {privacy: public}: anyone reads it, and what is read stays read
		if !p.verbIn("post", "create", "send", "publish", "share", "submit", "new", "make", "upload", "reply", "quote", "repost", "retweet", "boost") {
			return false
		}
		if p.has(publicPosts...) {
			return true
		}
		return (hasWord(server, socialNetworks...) || p.has(socialNetworks...)) && p.has(networkPosts...)
	}, notPrivatePost},
	{"a store opened to everyone (a policy or ACL granting the public)", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// put_bucket_policy {Principal: "*"}, set_iam_policy {allUsers},
		// put_object_acl {acl: public-read}
		return p.class == verbChange && p.has("policy", "policies", "acl", "acls", "iam", "permission", "permissions", "sharing", "access", "bindings", "binding")
	}, func(a map[string]any) bool { return publicGrantIn(a, 0) }},
	{"a network opened to the whole internet (a firewall or security group rule from 0.0.0.0/0)", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// update_resource {CidrIp: 0.0.0.0/0} (Cloud Control),
		// create_firewall_rule {sourceRanges: [0.0.0.0/0]},
		// authorize_ingress: whoever finds the port reaches it
		return p.class == verbChange
	}, func(a map[string]any) bool { return worldRangeIn(a, 0) }},
	{"a person's sign-in factors reset or removed", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// reset_factors, delete_mfa_device, unenroll_factor: the account
		// is open to whoever enrols next
		return p.verbIn("reset", "delete", "remove", "clear", "unenroll", "deactivate", "disable", "revoke") &&
			p.has("factor", "factors", "mfa", "2fa", "totp", "otp", "authenticator", "authenticators", "webauthn", "passkey", "passkeys", "u2f")
	}, nil},
	{"branch policies changed", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// update_branch_policy (Azure DevOps), update_branch_restrictions
		// (Bitbucket): who may push or merge, and what a merge needs
		return p.class == verbChange && !p.verbIn("run", "execute", "exec", "send", "post") && p.has("branch", "branches") &&
			p.has("policy", "policies", "restriction", "restrictions", "permission", "permissions", "rule", "rules", "lock", "locks")
	}, nil},
	{"a message to many people", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("send", "post", "broadcast", "announce", "notify", "publish", "create") && p.has("broadcast", "broadcasts", "bulk", "mass", "blast", "campaign", "newsletter", "announcement")
	}, func(a map[string]any) bool { return !argTrue(a, "draft") }},
	{"a message to many people", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("send", "post", "broadcast", "announce", "notify", "reply", "forward") || p.verbIn("create") && p.has("message", "email", "mail", "event", "events", "meeting", "invite", "invitation")
	}, toMany},
	{"a reply sent to a customer's support conversation or ticket", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// reply_to_conversation (Intercom), reply_ticket: the person who
		// wrote in reads it; an internal note (add_internal_note, a reply
		// of type note or not public) stays with the team
		return p.verbIn("reply", "respond", "answer") && p.has("conversation", "conversations", "ticket", "tickets", "case", "cases", "inquiry", "inquiries")
	}, publicReply},
	{"a text message to a phone", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("send", "post", "notify", "reply", "forward", "text", "call", "dial", "make") ||
			p.verbIn("create") && p.has("message", "messages", "sms", "text", "call", "calls", "mms", "whatsapp")
	}, toPhone},
	{"a status update sent to an incident's or a page's subscribers", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("create", "post", "send", "publish", "add") && p.has("status", "incident") && p.has("update", "updates")
	}, func(a map[string]any) bool { return !argTrue(a, "draft") }},
	{"every item changed at once", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn(bulkVerbs...) && p.has("all", "bulk", "batch", "mass", "every")
	}, nil},
	{"every item a query selects changed at once", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn(bulkVerbs...) && p.pluralObject() != ""
	}, func(a map[string]any) bool { return selectedByQuery(a) }},
	{"alerting silenced everywhere", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.class == verbChange && p.has("downtime", "downtimes", "silence", "silences", "mute", "mutes", "maintenance", "snooze")
	}, wildcardScope},
	{"every item changed at once", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn(bulkVerbs...)
	}, func(a map[string]any) bool { return argTrue(a, "all") || argTrue(a, "bulk") }},
	{"a migration applied to a hosted database", "destroy:shared", func(p toolParts, _ []string) bool {
		return p.verbIn("apply", "run", "push", "execute", "deploy") && p.has("migration", "migrations")
	}, func(a map[string]any) bool { return namesTarget(a) && !namesDevEnvironment(a) }},
	{"a hosted database restored from a backup (what it holds now replaced)", "destroy:shared", func(p toolParts, _ []string) bool {
		return p.verbIn("restore", "rollback") && p.has("backup", "backups", "snapshot", "snapshots", "database", "db", "pitr", "point", "dump")
	}, func(a map[string]any) bool { return namesTarget(a) && !namesDevEnvironment(a) }},
	{"files committed to a default or protected branch", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.class == verbChange && !p.verbIn("merge", "accept") && p.has("file", "files", "contents", "content", "commit", "commits", "blob")
	}, func(a map[string]any) bool { return protectedBranchIn(a) }},
	{"the service's data sent to an address elsewhere from now on (a webhook, an export or a forward)", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// webhook_create, create_target {target_url}, export_crm
		// {webhook}, create_webhook {notificationUrl}: a standing channel
		// out of the service, whoever's host it names
		if p.class != verbChange || p.showsOnly() {
			return false
		}
		return p.has("webhook", "webhooks", "hook", "hooks", "target", "targets", "destination", "destinations", "sink", "sinks",
			"callback", "callbacks", "forwarder", "forwarding", "subscription", "subscriptions", "export", "exports", "stream", "streams", "drain", "drains",
			"mirror", "mirrors", "replication", "connector", "connectors", "integration", "integrations", "logpush", "notification", "notifications") ||
			p.verbIn("export", "forward", "mirror", "replicate", "stream", "subscribe", "register")
	}, func(a map[string]any) bool {
		return remoteURLIn(a, 0) || deliveryAddressIn(a, 0, "*") || deliveryAddressIn(a, 0, "") || urlInParts(a, 0)
	}},
	{"mail forwarded to a mailbox from now on", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.class == verbChange && !p.showsOnly() && (p.has("forward", "forwarding", "forwarder", "autoforward", "autoforwarding") || p.verbIn("forward"))
	}, func(a map[string]any) bool { return deliveryAddressIn(a, 0, "forward") }},
	{"an address elsewhere set as where the service delivers (callback_url, notify_url, a forward to a mailbox)", "destroy:shared-change", func(p toolParts, _ []string) bool {
		// create_job {callback_url}, update_project {settings: {webhook}},
		// create_alert {notify_url}: whatever the tool is named, an
		// argument named for a delivery that holds an outside address
		return p.class == verbChange && !p.showsOnly()
	}, func(a map[string]any) bool { return deliveryAddressIn(a, 0, "") }},
	{"a running service scaled or restarted", "destroy:deploy", func(p toolParts, _ []string) bool {
		if p.has("container", "containers") {
			return false // a container on this machine, as docker restart is
		}
		if p.has("browser", "window", "viewport", "tab", "pane", "terminal") {
			return false // the automated browser's or terminal's own window (browser_resize)
		}
		if p.showsOnly() {
			return false
		}
		if p.verbIn("scale", "restart", "rollout", "redeploy", "rollback", "reboot", "drain", "cordon", "resize") {
			return true
		}
		return p.verbIn("update", "patch", "set", "stop") && p.has("service", "services", "deployment", "deployments", "statefulset", "daemonset", "server", "instance", "instances", "replicas", "app")
	}, func(a map[string]any) bool { return !namesDevEnvironment(a) }},
}

// sharedChange judges an MCP call by sharedChangeRules and, for a tool that
// runs SQL, by whether its statement changes data against production.
func (w *mcpWalk) sharedChange(args map[string]any) {
	p := readToolParts(w.tool)
	// the name's own verb of a strong class (drop, purge, revoke), which
	// no action argument makes a read; a plain one (kubectl_rollout
	// {subCommand: status}) an action argument refines
	strong := toolVerbKinds.Get(p.verb) != ""
	if p.verb == "" {
		p = actionParts(w.tool, args) // pulls {action: merge}
	}
	if p.class != verbChange && !w.runsQuery() || p.has("draft", "drafts") || !strong && readAction(args) {
		return // reads, lists, drafts, and names with no verb
	}
	server := ToolWords(w.server)
	for _, rules := range [...][]sharedChangeRule{sharedChangeRules, serviceChangeRules} {
		for _, r := range rules {
			if !r.names(p, server) {
				continue
			}
			if r.args != nil && !r.args(args) {
				continue
			}
			s := subject{tool: "destroy", text: r.what + " through " + w.tool, effect: r.effect}
			w.ev.judge(&s)
			return
		}
	}
	if sql := statementIn(args, 0); sql != "" && effect.ChangesSQL(sql) {
		where := productionTarget(args)
		if where == "" {
			where = productionQualifier(sql) // UPDATE analytics_prod.customers (sqlqualifier.go)
		}
		if where == "" && !namesTarget(args) && effect.NamesProduction(w.server) {
			// a server configured as production's database
			// (postgres-prod), given no other database to reach
			where = "the server " + w.server
		}
		if where != "" {
			s := subject{tool: "destroy", text: "SQL that changes data through " + w.tool + " against " + where, effect: "destroy:production"}
			w.ev.judge(&s)
			return
		}
		if questionWords.Get(p.verb) || p.rehearses() {
			return // explain_query, validate_sql: the statement is looked at
		}
		if h := databaseElsewhere(args, 0); h != "" && !w.disposable {
			// mcpsqlreach.go: as psql -h HOST -c does
			s := subject{tool: "destroy", text: "SQL that changes data through " + w.tool + " on " + h, effect: "destroy:shared"}
			w.ev.judge(&s)
			return
		}
		if col := purgesByAge(sql); col != "" && !w.disposable && !namesDevEnvironment(args) {
			// sqlpurge.go: every row older than a date, not one row
			s := subject{tool: "destroy", text: "SQL through " + w.tool + " that changes every row by its " + col, effect: "destroy:shared-change"}
			w.ev.judge(&s)
		}
		return
	}
	if p.class != verbChange || p.showsOnly() || questionWords.Get(p.verb) || p.rehearses() || w.namesQuery() ||
		w.runsQuery() && commandArgIn(args) || p.recordHead() && p.carriesRecord(args) {
		return
	}
	key, where := productionPlaceIn(args, 0)
	if where != "" && filingKey(key) && p.filedHead() {
		return // an issue's status in the project PROD, a pipeline of the repo acme-prod
	}
	if where == "" && !namesTarget(args) && effect.NamesProduction(w.server) {
		where = "the server " + w.server // redis-prod, given no other place to change
	}
	if where != "" {
		// create_index {connection: prod}, kv_set {account-name:
		// appcfg-prod}: whatever the change, made where production is
		s := subject{tool: "destroy", text: "a change through " + w.tool + " to production (" + where + ")", effect: "destroy:production"}
		w.ev.judge(&s)
	}
}

// teamRecords are the objects of a tool that keeps a team's records (an
// issue, a comment, a card): made or changed, they change no running
// service, whatever environment or project they are filed under. workRuns
// are objects that are records in one tool and a service's own in another
// (a task in a tracker or on a cluster, a document in a wiki or an index,
// a message in a chat or a queue, a label on an issue or a pod) and a
// forge's or a CI's (a merge request, a pipeline): filed under a project
// or a workspace named for production they change nothing running, but
// made in a production cluster, database or environment they do.
var (
	teamRecords = []string{"issue", "issues", "ticket", "tickets", "comment", "comments", "card", "cards",
		"note", "notes", "milestone", "milestones", "epic", "epics", "story", "stories", "draft", "drafts"}
	workRuns = []string{"task", "tasks", "doc", "docs", "document", "documents", "page", "pages", "label", "labels",
		"message", "messages", "post", "posts", "merge", "pull", "request", "requests", "branch", "branches",
		"pipeline", "pipelines", "workflow", "build", "builds", "run", "runs"}
)

// recordKeys are the argument names that carry a team's record: its text
// (body, note, title) or which record it is (issue_id, ticket, id).
var recordKeys = table.Map[string, bool]{Words: "body text content note notes comment comments message description title summary status state markdown " +
	"issue issueid issuekey issuenumber issueiid ticket ticketid ticketkey noteid commentid card cardid incident incidentid " +
	"story storyid epic epicid milestone milestoneid page pageid id key number"}

// carriesRecord reports a tool's arguments that carry the record its name
// says it changes (add_note {body}, update_issue_note {issueId, note}): a
// name that ends in a record's word but is given only a service's places
// (sync_app_note {app, cluster: prod}) acts on the service. A generic
// identifier or state (id, key, number, status, state) is a record's only
// where the name names nothing but records (update_issue {id, state});
// beside another object (update_config_issue {key}, set_maintenance_note
// {status}) it is that object's.
func (p toolParts) carriesRecord(args map[string]any) bool {
	generic := p.namesOnlyRecords()
	for k := range args {
		n := normKey(k)
		if recordKeys.Get(n) && (generic || !genericRecordKeys.Get(n)) {
			return true
		}
	}
	return false
}

// genericRecordKeys are recordKeys that name any object's identity or
// state, a record's or a service's.
var genericRecordKeys = &table.Map[string, bool]{Words: "id key number status state"}

// namesOnlyRecords reports a name whose words besides its verb and
// prepositions are all a team's records (update_issue, add_comment_to_issue).
func (p toolParts) namesOnlyRecords() bool {
	for i, w := range p.words {
		if i == p.at || prepositions.Get(w) {
			continue
		}
		if !slices.Contains(teamRecords, w) {
			return false
		}
	}
	return true
}

// filingKeys are the target keys that say where a record is filed (a
// project, a folder) rather than where a service runs (a workspace is
// Terraform's state as well as a tracker's team).
var filingKeys = table.Map[string, bool]{Words: `project projectid projectname projectslug projects
	folder folderid folderuid`}

// filingKey reports an argument name among filingKeys.
func filingKey(k string) bool { return filingKeys.Get(normKey(k)) }

// headIn reports whether the name's head object, the last object before
// a preposition (add_comment_to_issue: comment; update_page_rule: rule),
// is one of words.
func (p toolParts) headIn(words []string) bool {
	head := ""
	for i, o := range p.words {
		if i == p.at {
			continue
		}
		if prepositions.Get(o) {
			if head != "" {
				break
			}
			continue
		}
		head = o
	}
	for _, w := range words {
		if head == w {
			return true
		}
	}
	return false
}

// recordHead reports a name whose head object is a team's record
// (teamRecords) and whose verb files or edits it: a verb that runs,
// ships or wipes what it names (sync_application_as_draft_note,
// implement_change_ticket, execute_runbook_per_ticket) acts on what runs,
// whatever word the name ends with.
func (p toolParts) recordHead() bool {
	return p.headIn(teamRecords) && !p.runsOrWipes()
}

// filedHead reports a name that names a record (teamRecords:
// update_issue_status) or whose head object is a work item (workRuns)
// that a project or folder key files, and whose
// verb neither runs, ships nor wipes it: update_task {project: acme-prod}
// is filed there, run_build_trigger and reset_branch {projectId:
// shop-prod} act on production's own.
func (p toolParts) filedHead() bool {
	return (p.has(teamRecords...) || p.headIn(workRuns)) && !p.runsOrWipes()
}

// runsOrWipes reports a verb that runs, ships or restarts what it names
// (runVerbs, the publish kind) or empties or resets it (the wipe and reset
// kinds): none of them is done to a record.
func (p toolParts) runsOrWipes() bool {
	switch toolVerbKinds.Get(p.verb) {
	case "publish", "wipe", "reset":
		return true
	}
	return runVerbs.Get(p.verb)
}

// runVerbs are change verbs that run or move what is running.
var runVerbs = &table.Map[string, bool]{Words: "run execute exec sync reconcile apply implement trigger dispatch invoke start stop launch restart rollout rollback scale failover switchover cutover bounce recycle reboot drain"}

// prepositions end a tool name's head phrase (add_label_to_issue).
var prepositions = table.Map[string, bool]{Words: "to in on for from of into with by at"}

// actionKeys name an argument that says which operation a tool performs
// (kubectl_rollout {subCommand: status}, {action: list}).
var actionKeys = table.Map[string, bool]{Words: "action subcommand operation op verb mode"}

// readAction reports an operation argument whose value is a read verb.
// actionParts reads a tool whose name has no verb (pulls, deployments)
// with the verb its action argument gives ({"action": "merge"}), as if
// the name were VERB_TOOL.
func actionParts(tool string, args map[string]any) toolParts {
	for k, v := range args {
		if s, ok := v.(string); ok && actionKeys.Get(normKey(k)) {
			if words := ToolWords(s); len(words) > 0 {
				if _, ok := toolVerbs.Lookup(words[0]); ok {
					return readToolParts(s + "_" + tool)
				}
			}
		}
	}
	return readToolParts(tool)
}

func readAction(args map[string]any) bool {
	for k, v := range args {
		if s, ok := v.(string); ok && actionKeys.Get(normKey(k)) {
			if words := ToolWords(s); len(words) > 0 && toolVerbs.Get(words[0]) == verbRead {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether words holds one of want.
func hasWord(words []string, want ...string) bool {
	for _, w := range words {
		for _, x := range want {
			if w == x {
				return true
			}
		}
	}
	return false
}

// normKey is an argument name lower-cased without separators.
func normKey(k string) string { return strings.ToLower(keySeparators.Get().Replace(k)) }

// publicReply reports a reply whose arguments do not make it an internal
// note: no message_type or type of "note", no internal true, no public
// false.
func publicReply(args map[string]any) bool {
	for k, v := range args {
		switch key := normKey(k); key {
		case "messagetype", "type", "replytype", "kind":
			if s, ok := v.(string); ok && strings.EqualFold(strings.TrimSpace(s), "note") {
				return false
			}
		case "internal", "isinternal", "private":
			if b, ok := v.(bool); ok && b {
				return false
			}
		case "public", "ispublic":
			if b, ok := v.(bool); ok && !b {
				return false
			}
		}
	}
	return true
}

// argTrue reports whether a top-level argument named key is true.
func argTrue(args map[string]any, key string) bool {
	for k, v := range args {
		if normKey(k) == key {
			b, _ := v.(bool)
			return b
		}
	}
	return false
}

// riskySettings reports a repository or project update that changes how
// its history is kept: its default branch, force pushes or deletions of
// branches allowed, the reviews or checks a merge needs, the merge method,
// archiving. A description or a topic is everyday.
func riskySettings(args map[string]any) bool {
	for k := range args {
		switch normKey(k) {
		case "defaultbranch", "allowforcepush", "allowforcepushes", "allowdeletions", "archived", "archive",
			"requiredapprovingreviewcount", "requiredstatuschecks", "enforceadmins", "restrictions",
			"mergemethod", "onlyallowmergeifpipelinesucceeds", "onlyallowmergeifalldiscussionsareresolved",
			"approvalsbeforemerge", "requiredpullrequestreviews", "branchprotection", "protectedbranches":
			return true
		}
	}
	return false
}

// branchKeys are the argument names that say which branch a change lands on
// (not a pull request's base, nor the branch a new one starts from).
var branchKeys = table.Map[string, bool]{Words: "branch branchname branchid ref targetbranch headref"}

// protectedBranch reports a branch name that is a repository's default or
// a protected one: main, master, trunk, production, release and its lines.
func protectedBranch(b string) bool {
	b = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(b), "refs/heads/"))
	switch b {
	case "main", "master", "trunk", "production", "prod", "release", "releases", "stable", "live", "default":
		return true
	}
	return strings.HasPrefix(b, "release/") || strings.HasPrefix(b, "release-") || strings.HasPrefix(b, "releases/")
}

func protectedBranchIn(args map[string]any) bool {
	for k, v := range args {
		if s, ok := v.(string); ok && branchKeys.Get(normKey(k)) && protectedBranch(s) {
			return true
		}
	}
	return false
}

// targetKeys are the argument names that say where a change is made: an
// environment (or its tier), a namespace, a cluster, a database, a
// project, an app's deployment slot or a function's alias (slot
// "production", alias "live": what users are served).
var targetKeys = table.Map[string, bool]{Words: `tier slot slotname alias aliasname
	namespace environment env environmentname stage context
	cluster target workspace stack database db dbname
	databasename project projectid projectref connection
	connectionstring dsn databaseurl url host instance
	server app appname service account accountname
	bucket bucketname folder folderuid kubecontext
	zone site`}

// targetKey reports an argument name that says where a change is made,
// also with an id or name suffix (environmentId, namespace_name) or a
// target or destination prefix (targetSlot, destination_environment).
func targetKey(k string) bool {
	k = normKey(k)
	if targetKeys.Get(k) {
		return true
	}
	if t, ok := strings.CutSuffix(k, "s"); ok && targetKeys.Get(t) {
		return true // environments: ["production"]
	}
	for _, suffix := range []string{"id", "name", "slug", "key"} { // environmentKey
		if t, ok := strings.CutSuffix(k, suffix); ok && t != "" && targetKeys.Get(t) {
			return true
		}
	}
	for _, prefix := range []string{"target", "destination", "dest"} {
		// targetSlot, destination_environment: where the change lands
		if t, ok := strings.CutPrefix(k, prefix); ok && t != "" && t != k && targetKey(t) {
			return true
		}
	}
	return false
}

// namesTarget reports whether the arguments name where a change is made.
func namesTarget(args map[string]any) bool {
	for k, v := range args {
		if s, ok := v.(string); ok && s != "" && targetKey(k) {
			return true
		}
	}
	return false
}

// devParts are the parts of a name that say it is not production.
var devParts = table.Map[string, bool]{Words: `dev development staging stage stg test testing
	qa sandbox preview local localhost demo uat
	feature scratch ci`}

// namesDevEnvironment reports whether a target argument names a non-production
// environment (dev-alice, staging) and none names production. A change with
// no target named is made where the tool points by default, which may be
// production.
func namesDevEnvironment(args map[string]any) bool {
	dev, prod := devEnvironmentIn(args, 0, false)
	return dev && !prod
}

// devEnvironmentIn reads namesDevEnvironment's target arguments in args
// and in the objects it holds, to a small depth (LaunchDarkly's
// {"PatchWithComment": {"environmentKey": "test", …}}): whether one names
// a development environment, and whether one names production. Under a
// target key every value is a target ({"env": {"name": "prod"}}).
func devEnvironmentIn(args map[string]any, depth int, under bool) (dev, prod bool) {
	for k, v := range args {
		if m, ok := v.(map[string]any); ok && depth < 3 {
			d, p := devEnvironmentIn(m, depth+1, under || targetKey(k))
			dev, prod = dev || d, prod || p
			continue
		}
		if !under && !targetKey(k) {
			continue
		}
		if list, ok := v.([]any); ok {
			if productionPlace(map[string]any{k: list}) != "" {
				return dev, true
			}
			dev = dev || devTargetList(map[string]any{k: list})
			continue
		}
		s, ok := v.(string)
		if !ok {
			continue
		}
		if effect.NamesProduction(s) {
			return dev, true
		}
		for _, part := range ToolWords(s) {
			if devParts.Get(part) {
				dev = true
			}
		}
	}
	return dev, prod
}

// productionTarget returns a target argument's value when it names
// production: a database, a project, an environment, or a connection URL
// whose host or database does.
func productionTarget(args map[string]any) string {
	for _, k := range sortedKeys(args) { // (the same answer every time)
		s, ok := args[k].(string)
		if !ok {
			continue
		}
		if branchKeys.Get(normKey(k)) && (protectedBranch(s) || effect.NamesProduction(s)) {
			// a database's main branch (PlanetScale, Neon) is its
			// production, as is one its name says is (br-main-production)
			return k + " " + s
		}
	}
	return productionPlace(args)
}

// productionPlace returns the value of an argument that says where a
// change is made (targetKeys) and names production, or "". The place may
// be a list ({"target": ["production"]}) or an object
// ({"cluster": {"name": "prod-eu"}}, {"target": {"environment": …}}).
func productionPlace(args map[string]any) string {
	_, v := productionPlaceIn(args, 0)
	return v
}

// productionPlaceIn is productionPlace for arguments depth objects deep,
// with the top-level key that holds the place.
func productionPlaceIn(args map[string]any, depth int) (key, place string) {
	for _, k := range sortedKeys(args) { // (the same answer every time)
		if !targetKey(k) {
			continue
		}
		switch v := args[k].(type) {
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok && effect.NamesProduction(s) {
					return k, s
				}
			}
		case map[string]any:
			if depth >= 2 {
				continue
			}
			if _, p := productionPlaceIn(v, depth+1); p != "" {
				return k, p
			}
			for _, name := range []string{"name", "id", "slug", "key", "uri"} {
				if s, ok := v[name].(string); ok && effect.NamesProduction(s) {
					return k, s
				}
			}
		}
		s, ok := args[k].(string)
		if !ok {
			continue
		}
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			if effect.NamesProduction(u.Hostname()) || effect.NamesProduction(strings.TrimPrefix(u.Path, "/")) {
				return k, s
			}
			continue
		}
		if effect.NamesProduction(s) {
			return k, s
		}
	}
	return "", ""
}

// statementIn returns the SQL a database tool's arguments carry, under a
// key that names a statement; nested objects are looked into a few levels.
func statementIn(args map[string]any, depth int) string {
	if depth > 3 {
		return ""
	}
	for _, k := range sortedKeys(args) { // (the same statement every time)
		key := normKey(k)
		switch v := args[k].(type) {
		case string:
			if isSQLKey(key) || strings.Contains(key, "sql") || key == "migration" {
				return v
			}
		case map[string]any:
			if s := statementIn(v, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

// manyRecipients is how many addresses make a message one to many.
const manyRecipients = 5

// recipientKeys are the argument names that list who a message goes to.
var recipientKeys = table.Map[string, bool]{Words: `to cc bcc recipients emails addresses
	users userids phonenumbers attendees guests invitees`}

// audienceKeys name a list of people a message goes to as a whole.
var audienceKeys = table.Map[string, bool]{Words: `audience audienceid segment segmentid listid
	mailinglist contactlist`}

// toMany reports a message that reaches many people: five or more
// recipients, an audience or mailing list, or a mention of a whole channel
// (@channel, @here, @everyone).
func toMany(args map[string]any) bool {
	n := 0
	for k, v := range args {
		key := normKey(k)
		if audienceKeys.Get(key) {
			return true
		}
		if !recipientKeys.Get(key) {
			continue
		}
		switch v := v.(type) {
		case []any:
			n += len(v)
		case string:
			n += len(strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }))
		}
	}
	return n >= manyRecipients || mentionsEveryone(args, 0) || wholeChannel(args) || listAddressIn(args)
}

// listLocalParts are the local parts of an address that reaches a whole
// organisation or its customers rather than a person (all-staff@,
// everyone@, customers@).
var listLocalParts = table.Map[string, bool]{Words: `all everyone everybody allstaff staff company
	allhands allemployees employees announce announcements
	customers users subscribers members allusers allcompany
	global worldwide org`}

// wholeListWords are the words of a list's local part that say it
// reaches everyone of a group (all-eng@, everyone-sales@).
var wholeListWords = table.Map[string, bool]{Words: "all everyone everybody allhands customers subscribers announce announcements"}

// listAddressIn reports a recipient argument holding an address whose
// local part names a whole organisation or its customers.
func listAddressIn(args map[string]any) bool {
	for k, v := range args {
		if !recipientKeys.Get(normKey(k)) {
			continue
		}
		for _, a := range recipientStrings(v) {
			for _, addr := range strings.FieldsFunc(a, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '<' || r == '>' }) {
				local, _, ok := strings.Cut(addr, "@")
				if !ok {
					continue
				}
				local, _, _ = strings.Cut(strings.ToLower(local), "+") // everyone+news@: everyone@
				if listLocalParts.Get(keySeparators.Get().Replace(local)) {
					return true
				}
				for _, part := range strings.FieldsFunc(local, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
					if wholeListWords.Get(part) {
						return true // all-eng@, eng.everyone@
					}
				}
			}
		}
	}
	return false
}

// recipientStrings returns the strings of a recipient argument: itself,
// the items of a list, and an item's address or email field.
func recipientStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case float64:
		if v >= 1e6 && v < 1e16 && v == float64(int64(v)) {
			return []string{strconv.FormatInt(int64(v), 10)} // a phone number given as a number
		}
		return nil
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, recipientStrings(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for k, e := range v {
			switch normKey(k) {
			case "email", "address", "emailaddress", "phone", "phonenumber", "number", "to":
				out = append(out, recipientStrings(e)...)
			}
		}
		return out
	}
	return nil
}

// phoneKeys are the argument names that give a message's phone number.
var phoneKeys = table.Map[string, bool]{Words: "phone phonenumber phonenumbers number recipient msisdn tonumber mobile"}

// makeVerbs and editVerbs are the verbs that make a record and that change
// one, for the rules of money and signatures.
var (
	makeVerbs = []string{"create", "new", "make", "add", "record", "issue", "submit", "post"}
	editVerbs = []string{"update", "edit", "set", "patch", "modify", "change"}
)

// moneyMoves name a movement of money, which made is done; moneyRecords the
// records whose status says whether money moves (an invoice, a bill).
var (
	moneyMoves       = []string{"payment", "payments", "refund", "refunds", "payout", "payouts", "disbursement", "disbursements", "remittance", "remittances"}
	moneyRecords     = []string{"invoice", "invoices", "bill", "bills", "payment", "payments", "creditnote", "creditnotes", "expense", "expenses"}
	signatureRecords = []string{"envelope", "envelopes", "signature", "signatures", "agreement", "agreements", "contract", "contracts"}
)

// socialNetworks name a public network, in a server's or a tool's name;
// networkPosts what is posted there; publicPosts the posts that are a
// public network's by their name alone (a tweet, a toot).
var (
	socialNetworks = []string{"twitter", "x", "bluesky", "bsky", "mastodon", "threads", "linkedin", "facebook", "instagram", "youtube", "tiktok", "reddit", "tumblr", "medium", "devto", "hashnode", "nostr", "farcaster", "pinterest"}
	networkPosts   = []string{"post", "posts", "status", "statuses", "video", "videos", "share", "shares", "story", "stories", "reel", "reels", "thread", "threads", "article", "articles", "comment", "comments", "submission", "media", "short", "shorts", "pin", "pins"}
	publicPosts    = []string{"tweet", "tweets", "toot", "toots", "skeet", "skeets", "retweet", "repost", "cast", "casts"}
)

// settlesMoney reports a status argument that approves, pays or voids a
// bill or a payment (AUTHORISED, PAID, VOIDED, DELETED, sent, approved);
// a draft, or no status, moves nothing.
func settlesMoney(args map[string]any) bool {
	return statusIs(args, "authorised", "authorized", "approved", "approve", "paid", "pay", "voided", "void", "deleted", "sent", "send", "submitted", "posted", "final", "finalized", "finalised", "cancelled", "canceled")
}

// statusKeys are the argument names that give a record's new status.
var statusKeys = table.Map[string, bool]{Words: "status state newstatus invoicestatus action"}

// statusIs reports a status argument (statusKeys) whose value is one of
// values, in any case.
func statusIs(args map[string]any, values ...string) bool {
	for k, v := range args {
		s, ok := v.(string)
		if !ok || !statusKeys.Get(normKey(k)) {
			continue
		}
		for _, w := range values {
			if strings.EqualFold(strings.TrimSpace(s), w) {
				return true
			}
		}
	}
	return false
}

// publicGrantIn reports an argument, at any depth, that grants the public:
// a policy document whose principal is everyone ("Principal":"*",
// {"AWS":"*"}), a member allUsers or allAuthenticatedUsers, or a canned
// ACL public-read or public-read-write.
func publicGrantIn(args any, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := args.(type) {
	case string:
		compact := strings.Join(strings.Fields(x), "")
		return strings.Contains(compact, `"Principal":"*"`) || strings.Contains(compact, `"AWS":"*"`) ||
			strings.Contains(x, "allUsers") || strings.Contains(x, "allAuthenticatedUsers") ||
			x == "public-read" || x == "public-read-write"
	case map[string]any:
		for k, v := range x {
			if normKey(k) == "principal" && v == "*" {
				return true
			}
			if publicGrantIn(v, depth+1) {
				return true
			}
		}
	case []any:
		for _, v := range x {
			if publicGrantIn(v, depth+1) {
				return true
			}
		}
	}
	return false
}

// worldRangeIn reports an argument, at any depth, that is the address
// range of the whole internet: 0.0.0.0/0 or ::/0, alone or among a list.
func worldRangeIn(args any, depth int) bool {
	if depth > 5 {
		return false
	}
	switch x := args.(type) {
	case string:
		for f := range strings.FieldsFuncSeq(x, func(r rune) bool { return r == ',' || r == ' ' || r == '"' || r == '[' || r == ']' }) {
			if f == "0.0.0.0/0" || f == "::/0" {
				return true
			}
		}
	case map[string]any:
		for _, v := range x {
			if worldRangeIn(v, depth+1) {
				return true
			}
		}
	case []any:
		for _, v := range x {
			if worldRangeIn(v, depth+1) {
				return true
			}
		}
	}
	return false
}

// privacyKeys are the argument names that say who sees a post.
var privacyKeys = table.Map[string, bool]{Words: "privacy privacystatus visibility audience public"}

// notPrivatePost reports a post no argument keeps private (visibility:
// private, unlisted, direct; privacy: private; draft: true).
func notPrivatePost(args map[string]any) bool {
	if argTrue(args, "draft") {
		return false
	}
	for k, v := range args {
		if !privacyKeys.Get(normKey(k)) {
			continue
		}
		switch x := v.(type) {
		case bool:
			if normKey(k) == "public" {
				return x
			}
		case string:
			switch strings.ToLower(strings.TrimSpace(x)) {
			case "private", "unlisted", "direct", "draft", "self", "only_me", "onlyme", "followers", "connections", "mutuals":
				return false
			}
		}
	}
	return true
}

// toPhone reports a message sent to a phone number (+15551234567): a
// text or a call reaches a person outside the team, one a mistake cannot
// be taken back from.
func toPhone(args map[string]any) bool {
	for k, v := range args {
		key := normKey(k)
		if !recipientKeys.Get(key) && !phoneKeys.Get(key) {
			continue
		}
		for _, s := range recipientStrings(v) {
			if phoneNumber(s) {
				return true
			}
		}
	}
	return false
}

// phoneNumber reports a phone number: a '+' and 7 to 15 digits, or 10 to
// 15 digits without it ((555) 123-4567 with its area code, 15551234567),
// spaces, dots, dashes and brackets between them allowed.
func phoneNumber(s string) bool {
	s = strings.TrimSpace(s)
	for _, scheme := range [...]string{"whatsapp:", "tel:", "sms:"} {
		s = strings.TrimPrefix(s, scheme)
	}
	least := 10
	if rest, ok := strings.CutPrefix(s, "+"); ok {
		s, least = rest, 7
	} else if s == "" || s[0] != '(' && (s[0] < '0' || s[0] > '9') {
		return false // -1001234567890 is a chat's id
	}
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n++
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return n >= least && n <= 15
}

// wholeChannelNames are parts of a channel's name or id that say everyone
// reads it: #general, #announcements, C0ANNOUNCE, #all-hands.
var wholeChannelNames = []string{"general", "announce", "everyone", "allhands", "all-hands", "company", "all-staff", "allstaff"}

// wholeChannel reports a message whose channel argument names a channel
// everyone reads.
func wholeChannel(args map[string]any) bool {
	for k, v := range args {
		s, ok := v.(string)
		if !ok || !strings.HasPrefix(normKey(k), "channel") {
			continue
		}
		l := strings.ToLower(s)
		for _, n := range wholeChannelNames {
			if strings.Contains(l, n) {
				return true
			}
		}
	}
	return false
}

// mentionsEveryone reports a string among the arguments that notifies a
// whole channel or workspace.
func mentionsEveryone(v any, depth int) bool {
	if depth > 6 {
		return false
	}
	switch x := v.(type) {
	case string:
		l := strings.ToLower(x)
		for _, m := range []string{"@channel", "@here", "@everyone", "<!channel>", "<!here>", "<!everyone>"} {
			for rest := l; ; {
				i := strings.Index(rest, m)
				if i < 0 {
					break
				}
				rest = rest[i+len(m):]
				if i > 0 && m[0] == '@' && mentionByte(l[len(l)-len(rest)-len(m)-1]) {
					continue // ops@heretics.com: an address, not a mention
				}
				if rest == "" || !mentionByte(rest[0]) && (rest[0] != '.' || len(rest) == 1 || !mentionByte(rest[1])) {
					return true // "@here.example" is a domain, "@here." a sentence's end
				}
			}
		}
		return false
	case map[string]any:
		for _, e := range x {
			if mentionsEveryone(e, depth+1) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if mentionsEveryone(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// mentionByte reports a byte that continues a name: a letter, a digit,
// '-' or '_'.
func mentionByte(c byte) bool { return c == '-' || isWordByte(c) }

// approvesInArgs reports a review's arguments that approve: an event,
// state or decision "APPROVE" or "approved", or {"approve": true}.
func approvesInArgs(args map[string]any) bool {
	if argTrue(args, "approve") || argTrue(args, "approved") {
		return true
	}
	for k, v := range args {
		if n, ok := v.(float64); ok && normKey(k) == "vote" && n >= 5 {
			return true // Azure DevOps: 10 approves, 5 approves with suggestions
		}
		s, ok := v.(string)
		if !ok {
			continue
		}
		switch normKey(k) {
		case "event", "state", "decision", "action", "status", "reviewevent", "verdict", "vote":
			if l := strings.ToLower(s); strings.HasPrefix(l, "approve") {
				return true
			}
		}
	}
	return false
}

// bulkVerbs are the verbs that, applied to many items at once, change
// what many people rely on or see.
var bulkVerbs = []string{"update", "resolve", "close", "archive", "delete", "remove", "send", "assign", "merge", "cancel",
	"mark", "reset", "revoke", "disable", "transition", "reopen", "acknowledge", "ack", "mute", "snooze", "silence", "move", "unassign"}

// pluralObject returns an object of the name that is a plural of a
// shared record (transition_issues, resolve_incidents), or "".
func (p toolParts) pluralObject() string {
	for i, o := range p.words {
		if i == p.at {
			continue
		}
		switch o {
		case "issues", "tickets", "incidents", "alerts", "tasks", "cards", "stories", "bugs", "conversations", "cases", "users", "members", "subscribers", "contacts", "orders", "invoices", "subscriptions", "deals", "leads":
			return o
		}
	}
	return ""
}

// queryKeys are the argument names of a query that selects the items a
// tool acts on (jql, a filter, a search).
var queryKeys = table.Map[string, bool]{Words: "jql query q filter filters where selector search searchquery criteria status statuses matching"}

// selectedByQuery reports arguments that pick the items by a query or a
// filter rather than by naming them: a query key is given and no key
// names the items' own ids (issue_keys, incident_ids, ids).
func selectedByQuery(args map[string]any) bool {
	query := false
	for k, v := range args {
		key := normKey(k)
		if queryKeys.Get(key) {
			switch v := v.(type) {
			case string:
				query = query || v != ""
			case []any, map[string]any:
				query = true
			}
		}
		if v != nil && itemIDKey(key) {
			return false
		}
	}
	return query
}

// itemIDKey reports an argument name that names the items themselves:
// id, ids, key, number, or one of those after a record's name
// (issue_keys, incident_ids, ticket_id); an assignee's or a service's id
// says which items a query takes, not which ones.
func itemIDKey(key string) bool {
	for _, suffix := range [...]string{"ids", "id", "keys", "key", "numbers", "number", "iids", "iid"} {
		head, ok := strings.CutSuffix(key, suffix)
		if !ok {
			continue
		}
		switch strings.TrimSuffix(head, "s") {
		case "", "issue", "ticket", "incident", "alert", "task", "card", "story", "bug", "conversation", "case",
			"member", "subscriber", "contact", "order", "invoice", "subscription", "deal", "lead", "item", "record":
			return true
		}
		return false
	}
	return false
}

// wildcardScope reports a scope, target or matcher argument that takes in
// everything: "*", ["*"], "all".
func wildcardScope(args map[string]any) bool {
	for k, v := range args {
		switch normKey(k) {
		case "scope", "scopes", "monitor", "monitors", "monitorid", "matchers", "target", "targets", "selector", "tags", "services", "hosts":
		default:
			continue
		}
		for _, s := range recipientStrings(v) {
			if t := strings.TrimSpace(s); t == "*" || strings.EqualFold(t, "all") || t == "*:*" {
				return true
			}
		}
		if m, ok := v.(map[string]any); ok {
			for _, e := range m {
				if s, ok := e.(string); ok && (s == "*" || s == ".*" || s == ".+") {
					return true
				}
			}
		}
	}
	return false
}
