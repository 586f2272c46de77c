package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A cloud or SaaS CLI's verb that changes what others rely on, whatever
// the target is called, is the CLI spelling of sharedrequest.go's change
// to shared state (destroy:shared-change): a machine stopped or rebooted
// (aws ec2 stop-instances, doctl compute droplet-action power-off, hcloud
// server shutdown), a message sent to people (aws sns publish, twilio
// api:core:messages:create), money moved (stripe refunds create), an
// incident or alert acknowledged or muted, a flag toggled, DNS changed, a
// tag pushed (git push
// origin v2.0.0), a consumer group's offsets reset or a topic altered on
// another machine's broker. The verb is read from the CLI's leading words
// (a compound verb's parts: stop-instances, toggle-on); a look (describe,
// list, get) before it makes the command a look. Which programs: a cloud
// CLI's entry, a git host's CLI, and a program the catalogue does not
// know (its subcommands are read as an unknown program's are); for an
// unknown program the verbs that a local tool also uses for its own
// daemon (stop, reboot, shutdown) count only after a word naming a
// machine (server, droplet, instance, vm).

// sharedCLIVerbs are the parts of a CLI verb that change what others rely
// on, by the class of what they change (for the explanation, and for
// contextNouns).
var sharedCLIVerbs = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"stop": "machine", "reboot": "machine", "shutdown": "machine", "poweroff": "machine", "deallocate": "machine",
		"hibernate": "machine", "halt": "machine", "restart": "machine", "suspend": "machine",
		"send": "message", "broadcast": "message", "notify": "message", "messages": "message",
		"sms": "message", "calls": "message",
		"refund": "money", "refunds": "money", "pay": "money", "charge": "money", "charges": "money", "payout": "money",
		"payouts": "money", "capture": "money", "transfers": "money",
		// something bought (aws ec2 purchase-reserved-instances-offering,
		// vercel domains buy): a bill follows
		"purchase": "money", "buy": "money",
		// a message published to people: a phone, or a topic named for
		// them (aws sns publish --topic-arn …:customers); a topic of the
		// team's own builds is not (reachesPeople)
		"publish": "message",
		"resolve": "incident", "acknowledge": "incident", "ack": "incident", "mute": "incident", "snooze": "incident",
		"silence": "incident", "toggle": "flag", "finalize": "release", "promote": "release", "failover": "machine",
		"purge": "cache", "invalidation": "cache", "invalidate": "cache", "subscriptions": "money", "subscription": "money",
		// a running service's capacity changed (fly scale count 3,
		// autoscaling set-desired-capacity): what serves users grows or
		// shrinks; a cloud CLI's only, outside an environment named short
		// of production
		"scale": "capacity", "capacity": "capacity", "resize": "capacity",
		"approve": "approval",
		// a pull or merge request merged on a forge (gh pr merge, glab mr
		// merge): the shared branch changes for everyone; an unknown
		// program's merge (of files, of configs) has no noun of this class
		"merge": "merge",
		// a pipeline or job others wait on stopped (gh run cancel, glab ci cancel)
		"cancel": "run",
		// a console or runner on production: code nobody here sees runs there
		"console": "console", "runner": "console", "dbconsole": "console", "dbshell": "console", "tinker": "console",
		"repl": "console", "c": "console", "r": "console", "shell": "console", "shell_plus": "console",
	}
}}

// floatingTags are the image tags others pull by name: pointing one at
// another image (crane tag IMG latest) ships it.
var floatingTags = table.Map[string, bool]{Words: "latest stable prod production live release current"}

// contextNouns are the words that, among an unknown program's leading
// words, say what its verb acts on: only then is the verb of that class a
// change to shared state (nats stream purge, hcloud server shutdown, pd
// incident resolve; not a local tool's own stop, send or merge of files).
var contextNouns = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"server": "machine", "servers": "machine", "droplet": "machine", "droplets": "machine", "instance": "machine",
		"instances": "machine", "vm": "machine", "vms": "machine", "machine": "machine", "machines": "machine",
		"node": "machine", "nodes": "machine", "database": "machine", "databases": "machine", "cluster": "machine",
		"app": "machine", "apps": "machine", "ps": "machine", "dyno": "machine", "dynos": "machine",
		"message": "message", "messages": "message", "sms": "message", "email": "message", "mail": "message",
		"sns": "message", "pubsub": "message", "calls": "message",
		"notification": "message", "notifications": "message", "chat": "message", "campaign": "message", "campaigns": "message",
		"incident": "incident", "incidents": "incident", "alert": "incident", "alerts": "incident", "monitor": "incident",
		"monitors": "incident", "page": "incident", "pages": "incident",
		"flag": "flag", "flags": "flag", "feature": "flag", "features": "flag",
		"release": "release", "releases": "release", "deploy": "release", "deployment": "release", "deployments": "release",
		"cache": "cache", "cdn": "cache", "zone": "cache", "stream": "cache", "queue": "cache", "topic": "cache",
		"billing": "money",
	}
}}

// dnsNouns, with a verb that sets or changes, change where a name points;
// flagNouns, with one, what a flag serves.
var dnsNouns = table.Map[string, bool]{Words: "dns record records rrset rrsets recordset domain domains"}

// sharedCLIChange adds destroy:shared-change for a command whose CLI verb
// changes what others rely on (see above).
func (a *analysis) sharedCLIChange(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if c.Name == "" {
		return
	}
	unknown := a.readsVerbs(i, cl)
	if !unknown && e == nil {
		return // a wrapper the walk peeled (peeled.go)
	}
	cloud := !unknown && (e.Prop("cloud") != "" || e.Prop("host") != "")
	if cloud && emulatorCLIs.Get(c.Name) && a.emulatorAimedHere(i, c) {
		return // awslocal lambda invoke: the emulator's, no one else's
	}
	// a framework's task runner (rails console) and a registry's tool
	// (crane tag) are read for a console and a floating tag only
	tasks := false
	if !unknown && !cloud {
		// most commands: a known program that is neither; looked at
		// before anything costs
		if e.Name == "git push" {
			if !helpOrDryRunOf(cl, c.Args) {
				a.pushesTag(i, c, cl)
				a.pushesShared(i, c, cl) // pushtargets.go
				a.pushesToHub(i, c, cl)  // hubpublish.go
			}
			return
		}
		a.appliesRemote(i, c, cl)
		if e.Prop("db-tasks") == "" && e.Prop("env-tasks") == "" && !remoteKind(e) {
			return
		}
		tasks = true
	}
	// a package registry's or a remote service's own tool (pod trunk,
	// rpk): who may act on what it manages is read as a cloud CLI's is
	remote := !unknown && !cloud && remoteKind(e)
	if helpOrDryRunOf(cl, c.Args) || cloud && a.targetHere(i, c) {
		return
	}
	verb, class, look := "", "", false
	var context classSet
	dns, flag, set, links := false, false, false, false
	machineBefore := false // the word before named a machine (droplet create)
	prev := ""
	changePart := false   // the part before, of the same word, was a change verb (change-type)
	var access accessScan // accesschanges.go
	leadingWords(cl, 4, func(w string) bool {
		t := w // CLI verbs are lower case (verbParts reads no other): not lowered, which allocates
		if verb != "" && optionValue(c.Args, w) {
			// an option's value after the verb names what it acts on
			// (flarectl dns create --name status): not a look
			return false
		}
		if lookVerbs.Get(t) {
			look = true
			return true
		}
		if verb == "" && unknown && shipsNew(prev, t) {
			// tea releases create, sentry-cli releases new: a release made
			// on a service nobody here lists (a cloud CLI's own is a
			// deploy, deploys.go)
			verb, class = prev+" "+w, "release"
		}
		if verb == "" && prev == "kv" && (t == "put" || t == "set" || t == "write" || t == "patch") && flagKeyAfter(cl, w) {
			// consul kv put config/api/feature_flags/new_checkout true: a
			// flag the running services read, switched
			verb, class = prev+" "+w, "flag"
		}
		prev = t
		if verb == "" && (strings.Contains(t, "power-off") || strings.Contains(t, "power_off") || strings.Contains(t, "powercycle") || strings.Contains(t, "power-cycle")) {
			verb, class = w, "machine"
		}
		if verb == "" && t == "review" && (hasArg(c.Args, "--approve") || hasArg(c.Args, "-a") || hasArg(c.Args, "--approve=true")) {
			verb, class = w+" --approve", "approval" // gh pr review --approve
		}
		if verb == "" && (t == "tag" || t == "cp" || t == "copy") && floatingTarget(cl) {
			verb, class = w, "release" // crane tag IMG latest
		}
		if verb == "" && (t == "post" || t == "put" || t == "patch") {
			// stripe post /v1/refunds: a request by path, read as one
			for _, o := range cl.Words {
				if o.Option == "" && strings.HasPrefix(o.Text, "/") {
					if _, v, n, _, _ := operation(o.Text); v || n {
						verb, class = w+" "+o.Text, "request"
					}
					break
				}
			}
		}
		verbParts(t, func(p string, k int) {
			switch p {
			case "list", "ls", "get", "describe", "show", "view":
				look = true // api:core:messages:list, describe-instances
			}
			if verb == "" && k == 1 && changePart && sizeParts.Get(p) && strings.HasSuffix(t, p) {
				// hcloud server change-type, set-plan, update-tier: what a
				// machine or a service is sized as, changed
				verb, class = w, "capacity"
			}
			changePart = partClass(p) == "change"
			if n := contextNouns.Get(p); n != "" {
				context.add(n)
			}
			switch {
			case dnsNouns.Get(p):
				dns = true
			case contextNouns.Get(p) == "flag":
				flag = true
			case changeParts.Get(p) || p == "change" || p == "upsert" || p == "register" || p == "transfer":
				// (register-domain, transfer-domain: a name bought or moved)
				set = true
			case p == "link" || p == "unlink":
				links = true
			}
			if v := sharedCLIVerbs.Get(p); v != "" && verb == "" && (len(p) > 1 || p == t) {
				verb, class = w, v
			}
			if verb == "" && cloud && p == "flush" {
				// aws apigateway flush-stage-cache: a cloud's cache emptied
				// for every caller (a local tool's flush is its own: wp
				// cache flush)
				verb, class = w, "cache"
			}
		})
		if verb == "" && cloud && (makesMachine(t) || machineBefore && (t == "create" || t == "run" || t == "launch")) {
			// aws ec2 run-instances, doctl compute droplet create: a machine
			// started in an account is billed from its first minute
			verb, class = w, "money"
		}
		machineBefore = machineNouns.Get(t)
		if verb == "" && links && context.has("money") {
			verb, class = w, "money" // gcloud billing projects link, unlink: who pays changed
		}
		if verb == "" && context.has("incident") && (strings.HasPrefix(t, "create") || strings.HasPrefix(t, "open") || strings.HasPrefix(t, "trigger")) {
			verb, class = w, "incident" // statuspage incidents create, pd incident create: people are told or paged
		}
		if verb == "" && set && (dns || flag) {
			verb, class = w, "dns"
			if flag {
				class = "flag"
			}
		}
		if unknown || cloud || remote {
			access.word(t, optionValue(c.Args, w))
		}
		return look
	})
	if look {
		return
	}
	if verb == "" && (unknown || cloud || remote) {
		// gam update user, ipa group-add-member, databricks permissions
		// update, nomad acl policy apply: another person's access
		// changed on the service, unless the server is this machine's or
		// the environment is short of production
		if v := access.changes(cloud); v != "" && !a.aimedHere(i, c) && !(cloud && a.targetHere(i, c)) && !stagingArg(c.Args) && !DevNamespace(a.res, i) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "access", Word: c.Name + " " + v + " (who may act on the service)"})
			return
		}
	}
	if verb == "" || tasks && class != "console" && class != "release" {
		return
	}
	if class == "message" && strings.Contains(verb, "publish") && !reachesPeople(c.Args) {
		if context.has("message") || context.has("cache") || !(unknown || cloud) || publishesMessage(cl) {
			return // aws sns publish --topic-arn …:deploys: the team's own pipeline
		}
		// amplify publish, corpctl publish: no topic or channel named, so
		// what is published is the app or the release itself
		class = "release"
	}
	if class == "capacity" && (unknown && !context.has("machine") || stagingArg(c.Args) || DevNamespace(a.res, i)) {
		return // fly scale count 2 -a acme-staging, kubectl scale -n dev
	}
	if class == "cache" && unknown && a.aimedHere(i, c) {
		// rabbitmqadmin -H localhost purge queue: a queue, topic or cache
		// of a server on this machine, which no one else reads (a message
		// sent through a relay here still reaches people: not this)
		return
	}
	if class == "console" && (a.productionWord(i) == "" && !a.pointsAtProduction(i, c) || hasArg(c.Args, "--sandbox")) {
		return // a console on this machine's own development database
	}
	if unknown || class == "machine" || class == "message" {
		// a program nobody here knows: its verb counts with the noun that
		// says what it acts on, and money with a live target; a cloud
		// CLI's stop or send too (nomad job stop is a job's, not a
		// machine's: ec2 stop-instances, compute instances stop are)
		switch {
		case class == "money" || class == "request":
			if unknown && a.productionWord(i) == "" && !a.pointsAtProduction(i, c) {
				return
			}
		case class == "dns" || class == "flag" || class == "console" || class == "release" || class == "approval" || class == "capacity":
			// (capacity: an unknown program's only after a machine's noun, above)
		case !context.has(class):
			// the noun may come after the verb (pd incident resolve has it
			// before; twilio api:core:messages:create within it)
			found := false
			for _, w := range cl.Words {
				if w.Option == "" && contextNouns.Get(strings.ToLower(w.Text)) == class {
					found = true
				}
			}
			if !found {
				return
			}
		}
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: c.Name + " " + verb + " (" + class + ")"})
}

// sizeParts are the parts of a CLI verb that, after a change verb, name
// what a machine or a service is sized as (change-type, set-plan,
// update-tier).
var sizeParts = table.Map[string, bool]{Words: "type size plan tier class flavor sku"}

// remoteKind reports a known program whose entry says what it destroys is
// on a remote service or a package registry (destroy-kind remote or
// publish: rpk, pod, crane).
func remoteKind(e *catalog.Entry) bool {
	k := e.Prop("destroy-kind")
	return k == "remote" || k == "publish"
}

// publishesMessage reports a command whose options name where a message
// goes (--topic, --topic-arn, --channel, --subject, --message): a publish
// to subscribers, not of an app.
func publishesMessage(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		o := strings.ToLower(strings.TrimLeft(w.Option, "-"))
		if o == "" {
			continue
		}
		if strings.Contains(o, "topic") || strings.Contains(o, "channel") || strings.Contains(o, "subject") || strings.Contains(o, "message") || strings.Contains(o, "phone") {
			return true
		}
	}
	return false
}

// floatingTarget reports a command whose positional names a floating tag
// (latest, stable, prod) as a word of its own or an image's tag
// (ghcr.io/acme/api:latest), after its first positional.
func floatingTarget(cl *catalog.Classified) bool {
	n := 0
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if n++; n <= 2 {
			continue // the verb and the source
		}
		t := strings.ToLower(w.Text)
		if k := strings.LastIndexByte(t, ':'); k >= 0 && !strings.Contains(t[k:], "/") {
			t = t[k+1:]
		}
		if floatingTags.Get(t) {
			return true
		}
	}
	return false
}

// applyOptions are the options by which an administration tool applies
// what it otherwise only prints or plans (kafka-consumer-groups
// --reset-offsets --execute, kafka-topics --alter).
var applyOptions = table.Map[string, bool]{Words: "--execute --alter"}

// appliesRemote adds destroy:shared-change for a known tool's option that
// applies a change, given a server (an option with the url role) that is
// another machine's: a consumer group's offsets reset, a topic altered on
// a shared broker.
func (a *analysis) appliesRemote(i int, c *shell.Command, cl *catalog.Classified) {
	opt := ""
	for _, w := range c.Args {
		if len(w) > 2 && w[1] == '-' && applyOptions.Get(w) {
			opt = w
			break
		}
	}
	if opt == "" {
		return
	}
	for _, w := range cl.Words {
		if w.Option == opt && (w.Role == catalog.SQL || w.Role == catalog.SQLFile) {
			return // trino --execute 'SQL': a statement, judged as SQL
		}
	}
	for _, w := range cl.Words {
		if w.Role != catalog.URL || w.Option == "" {
			continue
		}
		for h := range strings.SplitSeq(w.Text, ",") {
			if h = hostOnly(strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(h, "PLAINTEXT://"), "SSL://"))); h != "" && !thisMachine(h) {
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: c.Name + " " + opt + " against " + h})
				return
			}
		}
	}
}

// pushesTag adds destroy:shared-change for a git push of a tag named on
// the line (git push origin v2.0.0, refs/tags/v2.0.0, HEAD:refs/tags/x):
// a release is cut from it. A branch, and --tags (every tag the
// repository has, most of them pushed before), are everyday pushes.
func (a *analysis) pushesTag(i int, c *shell.Command, cl *catalog.Classified) {
	n := 0
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if n++; n == 1 {
			continue // the remote
		}
		ref := strings.TrimPrefix(w.Text, "+")
		if _, dst, ok := strings.Cut(ref, ":"); ok {
			ref = dst
		}
		if (strings.HasPrefix(ref, "refs/tags/") || versionRef(ref)) && !a.tagsOnLine(i, strings.TrimPrefix(ref, "refs/tags/")) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: c.Name + " push of the tag " + w.Text})
			return
		}
	}
}

// versionRef reports a ref named for a version (v2.0.0, 1.4, release-2024.06.1,
// v3.0.0-rc.1): letters and separators, then digits, a dot and a digit.
func versionRef(r string) bool {
	k := 0
	for k < len(r) && (r[k] >= 'a' && r[k] <= 'z' || r[k] >= 'A' && r[k] <= 'Z' || r[k] == '-' || r[k] == '_') {
		k++
	}
	if k > 12 || strings.Contains(r, "/") {
		return false
	}
	r = r[k:]
	j := 0
	for j < len(r) && r[j] >= '0' && r[j] <= '9' {
		j++
	}
	return j > 0 && j+1 < len(r) && r[j] == '.' && r[j+1] >= '0' && r[j+1] <= '9'
}

// machineNouns name a machine an account pays for by the hour.
var machineNouns = table.Map[string, bool]{Words: `instance instances droplet droplets server servers
	vm vms machine machines`}

// makesMachine reports a word that starts machines: a verb that creates,
// runs or launches with a machine noun in it (run-instances,
// create-server), or such a verb after a word that is one (droplet
// create, instances create).
func makesMachine(t string) bool {
	create, noun := false, false
	verbParts(t, func(p string, k int) {
		create = create || k == 0 && (p == "create" || p == "run" || p == "launch")
		noun = noun || machineNouns.Get(p)
	})
	return create && noun
}

// peopleNouns are the parts of a name that say who reads what is sent
// there: customers, users, subscribers, everyone.
var peopleNouns = table.Map[string, bool]{Words: `customer customers user users subscriber subscribers
	member members client clients people everyone
	public marketing newsletter announcements patients buyers`}

// reachesPeople reports whether a publish is addressed to people: a phone
// number (--phone-number, an argument starting with +), or a topic, list
// or segment whose name has a part naming them (…:customer-alerts,
// all-users).
func reachesPeople(args []string) bool {
	for _, w := range args {
		if w == "--" {
			break
		}
		if strings.HasPrefix(w, "--phone-number") || len(w) > 6 && w[0] == '+' && w[1] >= '0' && w[1] <= '9' {
			return true
		}
		for part := range strings.FieldsFuncSeq(strings.ToLower(w), func(r rune) bool {
			return !(r >= 'a' && r <= 'z')
		}) {
			if peopleNouns.Get(part) {
				return true
			}
		}
	}
	return false
}

// optionValue reports whether the word w stands in args right after an
// option written without its value (--name status), before a "--".
func optionValue(args []string, w string) bool {
	for k := 1; k < len(args); k++ {
		if args[k] == "--" {
			return false
		}
		if args[k] == w && len(args[k-1]) > 1 && args[k-1][0] == '-' && args[k-1] != "--" && !strings.Contains(args[k-1], "=") {
			return true
		}
	}
	return false
}

// hasArg reports whether args hold the word w (before a "--").
func hasArg(args []string, w string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == w {
			return true
		}
	}
	return false
}

// tagsOnLine reports whether a command before command i on the line
// creates the tag name (git tag v1.2.3 && git push origin v1.2.3): the
// tables take a tag made and pushed in one line for the developer's own
// release step, where a push of a tag made before is asked about.
func (a *analysis) tagsOnLine(i int, name string) bool {
	for k := 0; k < i; k++ {
		o := &a.res.Commands[k]
		if o.Name != "git" || len(o.Args) < 2 || o.Args[0] != "tag" {
			continue
		}
		for _, w := range o.Args[1:] {
			if w == name {
				return true
			}
		}
	}
	return false
}

// classSet is a set of the classes of sharedCLIVerbs, held without
// allocating: the few classes a command's words name.
type classSet struct {
	n     int
	names [4]string
}

func (s *classSet) add(c string) {
	if s.has(c) || s.n == len(s.names) {
		return
	}
	s.names[s.n] = c
	s.n++
}

func (s *classSet) has(c string) bool {
	for _, n := range s.names[:s.n] {
		if n == c {
			return true
		}
	}
	return false
}

// stagingArg reports an argument (an app, a service, an environment, as a
// word of its own or an option's attached value) whose name says it is an
// environment short of production (acme-staging, --env=dev).
func stagingArg(args []string) bool {
	for _, w := range args {
		if w == "--" {
			return false
		}
		if k := strings.IndexByte(w, '='); k >= 0 && strings.HasPrefix(w, "-") {
			w = w[k+1:]
		}
		if namesStaging(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// flagKeyAfter reports whether the first positional after the word verb
// is a key path with a part naming a feature flag (config/feature_flags/x,
// flags/checkout), as a key-value store's put names what it sets.
func flagKeyAfter(cl *catalog.Classified, verb string) bool {
	seen := false
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if !seen {
			seen = w.Text == verb
			continue
		}
		for seg := range strings.FieldsFuncSeq(strings.ToLower(w.Text), func(r rune) bool { return r == '/' || r == '-' || r == '_' || r == '.' || r == ':' }) {
			if seg == "flag" || seg == "flags" || seg == "featureflags" || seg == "toggles" {
				return true
			}
		}
		return false
	}
	return false
}
