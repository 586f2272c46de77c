package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/verbs"
)

// Requests that change what others share: a request a fetcher (curl,
// wget, HTTPie, gh api; a fetch call's method and body are judged as the
// curl line that sends them) sends to a service that is not this machine,
// and that changes state there, is a change to shared state that a person
// confirms (destroy:shared-change), whatever the service:
//
//   - a POST whose operation — the last path segment that is not an id
//     (chat.postMessage, actions/shutdown, monitor/1/mute, /v1/refunds),
//     or an RPC body's Action= — is a change verb (send, merge, mute,
//     refund, purge, reboot) or a collection whose new members reach
//     people or money (messages, charges, incidents, dns records, builds);
//   - a PUT or PATCH, or a POST that is not a read, to a service the
//     table serviceHosts names (so the explanation names it);
//   - a PUT or PATCH to any other service.
//
// Reads stay reads: GET and HEAD, and a POST whose operation is a query
// (search, query, list, history, completions). A GraphQL body is judged
// by the engine, each top-level field of a mutation as the tool call it is
// (engine/graphql.go). A git host's API (github.com, gitlab.com, gh api) is
// everyday collaboration (issues, comments, pull requests, a repository's
// description) except for its change verbs (merge, releases, tags), and
// its access and shipping segments are apiaccess.go's. Requests to this
// machine, to a staging or test host, to an echo service (httpbin), or to
// an incoming webhook (a notification to a channel set up for it) change
// nothing others rely on.

// service is a known service: its name and its class: "" (its writes
// change what others share), "git" (a git host: judged by change words
// only) or "read" (inference, translation, echo: a POST computes, it
// stores nothing others share).
type service struct{ name, class string }

// serviceHosts are known API hosts by registrable domain (or full host).
var serviceHosts = table.Map[string, service]{Build: func() map[string]service {
	s := func(name string) service { return service{name: name} }
	git := func(name string) service { return service{name: name, class: "git"} }
	read := func(name string) service { return service{name: name, class: "read"} }
	return map[string]service{
		// payments
		"stripe.com": s("stripe"), "paypal.com": s("paypal"), "braintreegateway.com": s("braintree"),
		"squareup.com": s("square"), "adyen.com": s("adyen"), "paddle.com": s("paddle"), "chargebee.com": s("chargebee"),
		"shopify.com": s("shopify"), "myshopify.com": s("shopify"), "recurly.com": s("recurly"),
		// messages to people
		"twilio.com": s("twilio"), "sendgrid.com": s("sendgrid"), "mailgun.net": s("mailgun"), "mailchimp.com": s("mailchimp"),
		"mandrillapp.com": s("mandrill"), "postmarkapp.com": s("postmark"), "sparkpost.com": s("sparkpost"), "resend.com": s("resend"),
		"nexmo.com": s("vonage"), "vonage.com": s("vonage"), "messagebird.com": s("messagebird"), "slack.com": s("slack"),
		"discord.com": s("discord"), "discordapp.com": s("discord"), "telegram.org": s("telegram"), "graph.microsoft.com": s("microsoft graph"),
		"zoom.us": s("zoom"), "intercom.io": s("intercom"), "customer.io": s("customer.io"), "onesignal.com": s("onesignal"),
		"pusher.com": s("pusher"), "fcm.googleapis.com": s("firebase messaging"), "api.push.apple.com": s("apple push"),
		// on-call, monitoring, flags, status
		"pagerduty.com": s("pagerduty"), "opsgenie.com": s("opsgenie"), "datadoghq.com": s("datadog"), "datadoghq.eu": s("datadog"),
		"statuspage.io": s("statuspage"), "newrelic.com": s("new relic"), "honeycomb.io": s("honeycomb"), "sentry.io": s("sentry"),
		"rollbar.com": s("rollbar"), "grafana.net": s("grafana"), "launchdarkly.com": s("launchdarkly"), "split.io": s("split"),
		"flagsmith.com": s("flagsmith"), "configcat.com": s("configcat"), "bugsnag.com": s("bugsnag"), "victorops.com": s("splunk on-call"),
		"incident.io": s("incident.io"), "firehydrant.io": s("firehydrant"), "betteruptime.com": s("better uptime"), "uptimerobot.com": s("uptimerobot"),
		// DNS, CDN, hosting, cloud
		"cloudflare.com": s("cloudflare"), "fastly.com": s("fastly"), "akamai.com": s("akamai"), "akamaiapis.net": s("akamai"),
		"route53.amazonaws.com": s("route 53"), "amazonaws.com": s("aws"), "googleapis.com": s("google cloud"), "azure.com": s("azure"),
		"digitalocean.com": s("digitalocean"), "hetzner.cloud": s("hetzner"), "linode.com": s("linode"), "vultr.com": s("vultr"),
		"fly.io": s("fly"), "machines.dev": s("fly"), "heroku.com": s("heroku"), "render.com": s("render"), "netlify.com": s("netlify"),
		"vercel.com": s("vercel"), "railway.app": s("railway"), "supabase.co": s("supabase"), "neon.tech": s("neon"),
		"planetscale.com": s("planetscale"), "dnsimple.com": s("dnsimple"), "godaddy.com": s("godaddy"), "namecheap.com": s("namecheap"),
		"ns1.com": s("ns1"), "elastic.co": s("elastic cloud"), "mongodb.com": s("mongodb atlas"), "upstash.com": s("upstash"),
		// CI, trackers, CRM, data, identity
		"circleci.com": s("circleci"), "buildkite.com": s("buildkite"), "travis-ci.com": s("travis"), "atlassian.net": s("jira"),
		"linear.app": s("linear"), "notion.com": s("notion"), "notion.so": s("notion"), "airtable.com": s("airtable"),
		"hubapi.com": s("hubspot"), "zendesk.com": s("zendesk"), "segment.io": s("segment"), "segment.com": s("segment"),
		"mux.com": s("mux"), "auth0.com": s("auth0"), "okta.com": s("okta"), "salesforce.com": s("salesforce"), "asana.com": s("asana"),
		"trello.com": s("trello"), "monday.com": s("monday"), "clickup.com": s("clickup"), "contentful.com": s("contentful"),
		"sanity.io": s("sanity"), "algolia.net": s("algolia"), "algolia.io": s("algolia"), "mixpanel.com": s("mixpanel"),
		"amplitude.com": s("amplitude"), "firebaseio.com": s("firebase"), "twitter.com": s("x"), "x.com": s("x"),
		// git hosts: their own change verbs only
		"github.com": git("github"), "gitlab.com": git("gitlab"), "bitbucket.org": git("bitbucket"), "codeberg.org": git("codeberg"),
		"gitea.com": git("gitea"), "dev.azure.com": git("azure devops"),
		// a POST computes, or echoes: nothing shared is stored
		"openai.com": read("openai"), "anthropic.com": read("anthropic"), "generativelanguage.googleapis.com": read("gemini"),
		"mistral.ai": read("mistral"), "groq.com": read("groq"), "cohere.ai": read("cohere"), "cohere.com": read("cohere"),
		"deepl.com": read("deepl"), "osv.dev": read("osv"), "httpbin.org": read("httpbin"), "postman-echo.com": read("postman echo"),
		"reqres.in": read("reqres"), "jsonplaceholder.typicode.com": read("jsonplaceholder"), "start.spring.io": read("spring initializr"),
		"api.together.xyz": read("together"), "api.replicate.com": read("replicate"), "huggingface.co": read("hugging face"),
		"pie.dev": read("httpie echo"), "echo.hoppscotch.io": read("hoppscotch echo"), "vision.googleapis.com": read("cloud vision"),
		"translation.googleapis.com": read("cloud translation"), "speech.googleapis.com": read("cloud speech"),
		"language.googleapis.com": read("natural language"), "texttospeech.googleapis.com": read("text-to-speech"),
	}
}}

// KnownServiceHost reports whether a host belongs to a service the table
// serviceHosts names, or a self-hosted product a team runs (teamService):
// for judges outside this package (a request inline code sends).
func KnownServiceHost(h string) bool {
	_, ok := hostService(strings.ToLower(h))
	return ok
}

// hostService returns the service a host belongs to: the table's entry for
// the host or the longest of its parent domains.
func hostService(h string) (service, bool) {
	for rest := h; rest != ""; {
		if s, ok := serviceHosts.Lookup(rest); ok {
			return s, true
		}
		i := strings.IndexByte(rest, '.')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
	}
	return teamService(h)
}

// teamServices are products a team runs on its own machines, whose API
// changes what the team shares (a dashboard saved, a job run, a DAG
// triggered, an application synced).
var teamServices = table.Map[string, bool]{Words: `grafana kibana jenkins airflow argocd rundeck
	superset metabase opensearch-dashboards`}

// teamService returns the self-hosted product a host is named for, by a
// label (or a label's first dash-separated part) left of its registrable
// name: grafana.acme.io, jenkins-ci.corp.acme.com. A name someone
// registered (grafana-share.net) says nothing of what runs there.
func teamService(h string) (service, bool) {
	name := h
	for range 2 {
		if k := strings.LastIndexByte(name, '.'); k > 0 {
			name = name[:k]
		} else {
			return service{}, false
		}
	}
	for label := range strings.SplitSeq(name, ".") {
		first, _, _ := strings.Cut(label, "-")
		if teamServices.Get(label) {
			return service{name: label}, true
		}
		if teamServices.Get(first) {
			return service{name: first}, true
		}
	}
	return service{}, false
}

// changeVerbs are the parts of an operation's name that change what a
// service holds (chat.postMessage's post beside a noun; send, merge,
// refund, mute, purge, reboot, cancel).
var changeVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"send": true, "publish": true, "merge": true, "refund": true, "charge": true, "capture": true, "pay": true,
		"payout": true, "transfer": true, "withdraw": true, "cancel": true, "void": true, "close": true, "resolve": true, "acknowledge": true,
		"ack": true, "mute": true, "unmute": true, "silence": true, "snooze": true, "disable": true, "enable": true,
		"toggle": true, "deactivate": true, "activate": true, "suspend": true, "unsuspend": true, "revoke": true,
		"rotate": true, "reset": true, "purge": true, "flush": true, "invalidate": true, "restart": true, "reboot": true,
		"shutdown": true, "stop": true, "start": true, "poweroff": true, "power": true, "halt": true, "scale": true,
		"resize": true, "rollback": true, "promote": true, "deploy": true, "redeploy": true, "release": true,
		"approve": true, "trigger": true, "dispatch": true, "rerun": true, "archive": true, "unarchive": true,
		"lock": true, "unlock": true, "ban": true, "block": true, "kick": true, "remove": true, "delete": true,
		"destroy": true, "terminate": true, "drop": true, "truncate": true, "wipe": true, "failover": true,
		"migrate": true, "execute": true, "apply": true, "update": true, "set": true, "patch": true, "edit": true,
		"modify": true, "change": true, "assign": true, "unassign": true, "grant": true, "invite": true,
		"escalate": true, "broadcast": true, "notify": true, "enqueue": true, "finalize": true, "rename": true,
		"restore": true, "replace": true, "upsert": true, "insert": true, "submit": true, "evict": true, "kill": true,
		"pause": true, "resume": true, "reassign": true, "reopen": true, "expire": true, "refresh": true,
		// a CI server's job built (Jenkins' /job/deploy-prod/build,
		// buildWithParameters): what the job does, done
		"build": true,
	}
}}

// readingVerbs are the read words that are verbs of an operation's name
// (getUpdates, list_messages), not a noun beside a change (status_updates).
var readingVerbs = table.Map[string, bool]{Words: "get list fetch read search find lookup retrieve show view describe query check count"}

// lexiconChange reports a word the tool-verb lexicon (pkg/verbs) puts in a
// class beyond a plain change: what it does to what it names is for good
// or reaches others (offboard, decommission, unpublish, expunge, empty).
func lexiconChange(w string) bool {
	switch verbs.Class(w) {
	case "destroy", "wipe", "disable", "overwrite", "transfer", "publish":
		return true
	}
	return false
}

// sharedNouns are the collections a new member of which reaches people,
// money or what serves others: a POST to /messages sends one, to /charges
// takes money, to /dns_records points a name elsewhere.
var sharedNouns = table.Map[string, bool]{Words: `refunds charges payouts payments transfers captures
	invoices subscriptions messages message mail email
	emails sms notifications notification broadcasts campaigns
	incidents incident alerts alert downtime downtimes
	silences maintenance dns rrset rrsets resourcerecordsets
	dynos deployments deploys builds pipeline pipelines
	releases tags merges invalidations actions action
	transitions roles markers tweets statuses sends
	chargebacks disputes orders overrides dns_records
	resource_record_sets withdrawals withdraws`}

// readOps are the parts of an operation's name that only read or compute:
// a POST to them is a query (search, conversations.list, auth.test,
// chat/completions, graphql without a mutation).
var readOps = table.Map[string, bool]{Words: `search query queries list get history count
	find lookup info test validate preview render
	markdown completions completion embeddings embedding
	translate token login logout oauth authorize
	signin session sessions estimate explain msearch
	graphql mget scan read fetch describe show
	view status check health ping echo anything
	analyze predict classify detect transcriptions suggest
	autocomplete verify introspect whoami stats compare
	diff lint format range select download export
	dry simulate plan quote tokenize moderations`}

// telemetryOps are the operations that take in telemetry (logs, metrics,
// traces, analytics events): a POST there records what happened, it
// changes nothing others act on.
var telemetryOps = table.Map[string, bool]{Words: `logs log metrics series traces spans
	events ingest intake collect beacon`}

// everydayOps are whole operation names that are everyday collaboration
// on a git host or tracker, whose words would otherwise read as a verb
// (merge_requests is where a merge request is opened, not a merge).
var everydayOps = table.Map[string, bool]{Words: `merge_requests pull_requests pullrequests pulls issues
	comments notes reviews labels reactions discussions
	subscription assignees requested_reviewers`}

// thisMachine reports whether a request's host is this machine or a
// development stand-in for a service (a container of the project's own,
// a .local, .test or .localhost name, a staging or sandbox host).
func thisMachine(h string) bool {
	if h == "" || loopback(h) || h == "0.0.0.0" || h == "[::1]" || strings.ContainsAny(h, "$`{") {
		return true
	}
	if !strings.Contains(h, ".") {
		// web, api: a service of the project's compose file; one named
		// for production (kafka-prod, prod-db) is production's own host,
		// reached by a short name
		return !namesProduction(h)
	}
	for _, local := range []string{".local", ".test", ".localhost", "host.docker.internal", ".example", ".invalid", ".lan", ".home.arpa"} {
		if strings.HasSuffix(h, local) {
			return true
		}
	}
	// the labels left of the registrable name (api.staging.acme.io,
	// acme-staging.herokuapp.com): a name someone registered (acme.dev,
	// evil-staging.net) says nothing of an environment
	name := h
	for range 2 {
		if k := strings.LastIndexByte(name, '.'); k > 0 {
			name = name[:k]
		} else {
			name = ""
		}
	}
	for label := range strings.FieldsFuncSeq(name, func(r rune) bool { return r == '.' || r == '-' }) {
		switch label {
		case "staging", "stage", "stg", "dev", "development", "test", "testing", "qa", "sandbox", "uat", "preview", "localhost":
			return true
		}
	}
	return false
}

// sharedRequest returns what a fetcher's request changes at a service
// that is not this machine (see the top of this file), or "".
func sharedRequest(cl *catalog.Classified, e *catalog.Entry, args []string) string {
	method, target, body, bodyWords, override, testKey := "", "", "", 0, "", false
	api := e.Prop("argsend") != "" && e.Prop("host") != "" // gh api, glab api: the path is a word
	items := e.Prop("request-items") != ""
	for k := range cl.Words {
		w := &cl.Words[k]
		if m := overriddenMethod(w.Text); m != "" {
			override = m // -H 'X-HTTP-Method-Override: PATCH', ?_method=PUT
		}
		testKey = testKey || credentialOption(w) && testModeKey(w.Text)
		switch {
		case w.Role == catalog.Method:
			method = strings.ToUpper(w.Text)
		case w.Role == catalog.URL && (w.Option == "" || w.Option == "--url"):
			if target == "" {
				target = w.Text
			}
		case w.Role == catalog.AtFile && w.Option != "-H" && w.Option != "--header" && w.Option != "-b" && w.Option != "--cookie" && w.Option != "--variable",
			w.Option == "--post-data" || w.Option == "--body-data" || w.Option == "--post-file" || w.Option == "--body-file":
			body += w.Text + "&"
			bodyWords++
			if w.Option == "--post-data" || w.Option == "--post-file" {
				if method == "" {
					method = "POST"
				}
			}
		case api && w.Option == "" && w.Role == catalog.Data && target == "":
			target = "https://" + e.Prop("host") + "/" + strings.TrimPrefix(w.Text, "/")
		case items && w.Option == "" && w.Role == catalog.Data:
			if requestBodyItem(w.Text) {
				body += w.Text + "&"
				bodyWords++
			}
		}
	}
	if target == "" {
		return ""
	}
	if override != "" && (method == "" || method == "POST") {
		method = override
	}
	if method == "" {
		for _, a := range args {
			switch a {
			case "-G", "--get":
				return rpcByGet(target)
			case "-I", "--head":
				return ""
			}
		}
		if bodyWords == 0 {
			return rpcByGet(target)
		}
		method = "POST"
	}
	if method == "GET" {
		return rpcByGet(target)
	}
	if readMethods.Get(method) || method == "DELETE" {
		return "" // a DELETE is sendsDelete's
	}
	u, ok := match.ParseURL(target)
	if !ok || thisMachine(u.Host) {
		return ""
	}
	p := u.Rest
	if t := requestTarget(args); t != "" {
		p = t // curl --request-target /v1/…: the path the server is sent
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	p = path.Clean("/" + withoutPathParams(match.PercentDecode(p))) // /webhooks/../v1/refunds: the server's path
	svc, known := hostService(u.Host)
	if testKey && svc.name == "stripe" {
		return "" // -u sk_test_…: Stripe's own sandbox (the key is Stripe's, not another service's)
	}
	what := func(why string) string {
		name := u.Host
		if known {
			name = svc.name
		}
		return method + " " + u.Host + p + " (" + name + ": " + why + ")"
	}
	if svc.class == "read" || webhook(u.Host, p) {
		return ""
	}
	op, verb, noun, read, pathRead := operation(p)
	if approvalBody(body) {
		op, verb = "approve", true // a review's event=APPROVE: approved in a person's name
	}
	if act, change := bodyAction(body); act != "" && op != "approve" {
		if !change {
			return "" // Action=DescribeInstances, "method": "get_balance": a read
		}
		op, verb = act, true
	}
	switch {
	case read && !verb:
		return ""
	case everydayOps.Get(op), telemetryOps.Get(op) && method == "POST":
		return ""
	case verb:
		return what(op)
	case noun && method == "POST":
		return what("a new member of " + op)
	case pathRead && method == "POST":
		return ""
	case svc.class == "git":
		return ""
	case known:
		return what("a change through its API")
	case method != "POST":
		return what("a " + method + " to another machine's service")
	}
	return ""
}

// requestTarget returns the path curl's --request-target sends in place
// of the URL's, or "".
func requestTarget(args []string) string {
	for k, a := range args {
		if v, ok := strings.CutPrefix(a, "--request-target="); ok {
			return v
		}
		if a == "--request-target" && k+1 < len(args) {
			return args[k+1]
		}
	}
	return ""
}

// withoutPathParams drops the parameters a path's segments carry after a
// semicolon (/offboard;jsessionid=x), which name no operation.
func withoutPathParams(p string) string {
	if !strings.Contains(p, ";") {
		return p
	}
	segs := strings.Split(p, "/")
	for k, s := range segs {
		segs[k], _, _ = strings.Cut(s, ";")
	}
	return strings.Join(segs, "/")
}

// rpcByGet returns what a GET to a known service's remote procedure
// changes, or "": an RPC-style API takes its methods by GET too (Slack's
// chat.postMessage?channel=…&text=…, Telegram's sendMessage?chat_id=…),
// so a GET whose operation is a method named for a change verb
// (dotted or joined words: chat.postMessage, conversations.archive,
// sendMessage) makes that change.
func rpcByGet(target string) string {
	u, ok := match.ParseURL(target)
	if !ok || thisMachine(u.Host) {
		return ""
	}
	svc, known := hostService(u.Host)
	if !known || svc.class != "" {
		return ""
	}
	p := u.Rest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	p = path.Clean("/" + match.PercentDecode(p))
	last := p[strings.LastIndexByte(p, '/')+1:]
	method := last[strings.LastIndexByte(last, '.')+1:]
	if method == last && strings.ToLower(last) == last {
		return "" // a REST path's segment (GET /v1/refunds, /status_updates) reads
	}
	words := opWords(method)
	if len(words) == 0 || readingVerbs.Get(words[0]) {
		return "" // getUpdates, conversations.list
	}
	if !(changeVerbs.Get(words[0]) || words[0] == "post" || lexiconChange(words[0]) || len(words) > 1 && sharedNouns.Get(words[len(words)-1])) {
		return "" // users.info; not chat.scheduleMessage, a message sent later
	}
	return "GET " + u.Host + p + " (" + svc.name + ": the method " + last + ", which a GET calls too)"
}

// requestBodyItem reports an HTTPie request item that goes into the body:
// a field (name=value, name:=json) or a file (name@path), not a header
// (Name:value) nor a query parameter (name==value).
func requestBodyItem(w string) bool {
	k := strings.IndexAny(w, "=:@")
	if k <= 0 {
		return false
	}
	rest := w[k:]
	return rest[0] == '@' || strings.HasPrefix(rest, ":=") || rest[0] == '=' && !strings.HasPrefix(rest, "==")
}

// webhook reports an incoming webhook: a notification to a channel or job
// set up to receive it (hooks.slack.com, /webhooks/…, /hooks/…).
func webhook(host, p string) bool {
	if strings.HasPrefix(host, "hooks.") {
		return true
	}
	for seg := range strings.SplitSeq(strings.ToLower(p), "/") {
		if seg == "hooks" || seg == "webhooks" || seg == "webhook" {
			return true
		}
	}
	return false
}

// operation reads a request path's operation: its last segment that is not
// an id (one with a digit, a variable or an encoded byte), without a file
// extension, and whether its words (split at . _ - and lower-to-upper case
// changes) hold a change verb, a shared collection, or a read; and whether
// an earlier segment reads (/1/queries/DATASET, /events/search/…).
func operation(p string) (op string, verb, noun, read, pathRead bool) {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for k := len(segs) - 1; k >= 0; k-- {
		s := segs[k]
		if s == "" {
			continue
		}
		if op != "" {
			if idSegment(s) {
				continue
			}
			for _, w := range opWords(s) {
				// /1/queries/DATASET, /1/events/DATASET: a query or
				// telemetry under a name of the caller's
				pathRead = pathRead || readOps.Get(w) || telemetryOps.Get(w)
			}
			continue
		}
		if i := strings.LastIndexByte(s, ':'); i > 0 && i+1 < len(s) && !idSegment(s[i+1:]) && op == "" {
			s = s[i+1:] // images:annotate, services/x:setIamPolicy: Google's custom method
		} else if idSegment(s) {
			continue
		}
		if i := strings.LastIndexByte(s, '.'); i > 0 && k == len(segs)-1 {
			switch strings.ToLower(s[i+1:]) {
			case "json", "xml", "php", "asp", "aspx":
				s = s[:i]
			}
		}
		op = strings.ToLower(strings.TrimLeft(s, "_"))
		noun = sharedNouns.Get(op) // dns_records: the whole name
		words := opWords(s)
		for j, w := range words {
			switch {
			case readOps.Get(w):
				read = true
			case w == "post" && len(words) > 1, changeVerbs.Get(w), lexiconChange(w):
				verb = true
			case j == len(words)-1 && j > 0 && !readingVerbs.Get(words[0]) && strings.HasSuffix(w, "s") && changeVerbs.Get(w[:len(w)-1]):
				verb = true // status_updates: a collection of changes sent out (not getUpdates)
			case sharedNouns.Get(w) && (j == len(words)-1 || len(words) == 1):
				noun = true
			}
		}
	}
	return op, verb, noun, read, pathRead
}

// idSegment reports a path segment that names one thing rather than an
// operation: one with a digit, a variable, or an encoded or unusual byte.
func idSegment(s string) bool {
	if len(s) > 48 {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c == '$' || c == '{' || c == '%' || c == ':' || c == '@' || c == '~' || c == '=' {
			return true
		}
	}
	return false
}

// opWords splits an operation's name into lower-case words at . _ - and
// at a lower-to-upper case change (postMessage → post, message).
func opWords(s string) []string {
	var out []string
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, strings.ToLower(s[start:end]))
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' || c == '_' || c == '-' || c == ' ':
			flush(i)
			start = i + 1
		case c >= 'A' && c <= 'Z' && i > start && s[i-1] >= 'a' && s[i-1] <= 'z':
			flush(i)
			start = i
		}
	}
	flush(len(s))
	return out
}

// bodyAction returns the operation an RPC-style body names, when it is a
// change verb: an AWS query API's Action=StopInstances, a JSON-RPC
// "method", an "action", a GraphQL "operationName" (a persisted query
// carries no text to read), and whether it changes (false: a read,
// DescribeInstances, get_balance); "" when it names neither.
func bodyAction(body string) (string, bool) {
	if body == "" {
		return "", false
	}
	for _, key := range rpcKeys {
		i := strings.Index(body, key)
		if i < 0 || key == "Action=" && i > 0 && body[i-1] != '&' {
			continue
		}
		name := strings.TrimLeft(body[i+len(key):], " \t:")
		name = strings.TrimPrefix(name, `"`)
		if j := strings.IndexAny(name, "&\"' ,}"); j >= 0 {
			name = name[:j]
		}
		if w := opWords(name); len(w) > 0 && (changeVerbs.Get(w[0]) || lexiconChange(w[0]) || w[0] == "post" && len(w) > 1) {
			return name, true
		} else if len(w) > 0 && (readOps.Get(w[0]) || lookVerbs.Get(w[0])) {
			return name, false
		}
	}
	return "", false
}

// ChangesShared reports whether an operation's name holds a verb that
// changes what a service holds (changeVerbs): a GraphQL mutation's field
// (mergePullRequest, issueArchive, featureFlagToggle), which the engine
// reads out of a request's body.
func ChangesShared(name string) bool {
	for _, w := range opWords(name) {
		if changeVerbs.Get(w) {
			return true
		}
	}
	return false
}

// rpcKeys are where an RPC-style body names its operation.
var rpcKeys = []string{"Action=", `"method"`, `"action"`, `"operationName"`}

// testModeKeys are the prefixes of Stripe's API keys that address its
// sandbox (test mode): a request to Stripe made with one changes nothing
// others rely on.
var testModeKeys = []string{"sk_test_", "rk_test_", "pk_test_", "whsec_test_"}

// testModeKey reports a word that carries a test-mode key.
func testModeKey(w string) bool {
	if len(w) < 8 || strings.IndexByte(w, '_') < 0 {
		return false
	}
	for _, k := range testModeKeys {
		if strings.Contains(w, k) {
			return true
		}
	}
	return false
}

// credentialOption reports a word that presents the request's credential:
// the value of -u/--user/-a/--auth, or an Authorization header.
func credentialOption(w *catalog.Word) bool {
	switch w.Option {
	case "-u", "--user", "-a", "--auth", "--oauth2-bearer":
		return true
	case "-H", "--header":
		return len(w.Text) > 14 && strings.EqualFold(w.Text[:14], "authorization:")
	}
	return false
}

// approvalBody reports a request body that approves (a review's
// {"event": "APPROVE"}, event=APPROVE, {"state": "approved"}): the change
// is approved in the name of the person whose token sends it.
func approvalBody(body string) bool {
	if body == "" || len(body) > 1<<16 {
		return false
	}
	l := strings.ToLower(body)
	for _, key := range [...]string{"event", "state", "decision", "action", "status", "review"} {
		for at := 0; ; {
			k := strings.Index(l[at:], key)
			if k < 0 {
				break
			}
			rest := strings.TrimLeft(l[at+k+len(key):], "\"' ")
			at += k + len(key)
			if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "=") {
				continue
			}
			rest = strings.TrimLeft(rest[1:], "\"' ")
			if strings.HasPrefix(rest, "approve") {
				return true
			}
		}
	}
	return false
}
