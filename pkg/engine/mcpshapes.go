package engine

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// More of what an MCP call's arguments say together, beyond one key at a
// time: the language its code is in, a command line its tool and
// arguments spell for a known CLI (use_aws {service_name, operation_name},
// helm_uninstall {name}, git_reset {mode: hard}), and whether what it
// carries leaves the machine (a URL naming another host, a storage or
// messaging service).

// codeLanguage returns the language an object's "language", "lang",
// "runtime" or "kernel" argument names, lower-cased, or "".
func codeLanguage(x map[string]any) string {
	for k, v := range x {
		switch strings.ToLower(keySeparators.Get().Replace(k)) {
		case "language", "lang", "runtime", "kernel", "kernelname", "interpreter", "languageid", "langname", "shelltype", "syntax", "codelanguage", "scriptlanguage":
			if s, ok := v.(string); ok && s != "" {
				return normalLanguage(s) // mcplanguages.go: ir, julia-1.10
			}
		}
	}
	return ""
}

// shellLanguages are the languages whose code is a shell command line.
var shellLanguages = table.Map[string, bool]{Words: "bash sh shell zsh dash ksh fish shellscript"}

// parsesAsShell reports whether a text is a shell command line.
func parsesAsShell(v string) bool {
	res := shell.Parse(v)
	ok := !res.Unparsed
	shell.Release(&res)
	return ok
}

// cliVerbKeys name the arguments that give a CLI's subcommand words, in
// the order they are spoken (aws SERVICE OPERATION).
var cliVerbKeys = []string{"service_name", "service", "subcommand", "operation_name", "operation", "action", "verb", "command"}

// cliNounKeys name the arguments that are a subcommand's operands.
var cliNounKeys = []string{"resource_type", "resourcetype", "resource", "kind", "name", "resource_name", "resourcename", "target", "ref", "revision", "key", "value"}

// cliCommand returns the command line an MCP call spells for the CLI its
// tool or server is named for: the program, the tool name's words after
// it (helm_uninstall → helm uninstall), the arguments that name a verb or
// service (use_aws {service_name: ec2, operation_name:
// terminate-instances}), the resource and name, and the flags its
// true-valued, numeric and mode arguments stand for (force → --force,
// replicas: 0 → --replicas=0, mode: hard → --hard). "" when the tool is
// not named for a known CLI or the arguments spell no more than it.
func cliCommand(tool, server string, args map[string]any) string {
	prog := programOf(tool)
	if prog == "" {
		prog = programOf(server)
	}
	if prog == "" || args == nil {
		return ""
	}
	if _, ok := args["args"]; ok {
		return "" // the args array is the command line (mcp.go)
	}
	if _, ok := args["argv"]; ok {
		return ""
	}
	argv := []string{prog}
	for _, w := range ToolWords(tool) {
		switch w {
		case prog, "generic", "command", "run", "exec", "execute", "use", "call", "do", "tool", "cli", "invoke":
		default:
			// helm_uninstall, uninstall_helm_chart: the tool's own verbs
			argv = append(argv, w)
		}
	}
	words := len(argv)
	norm := make(map[string]string, len(args))
	for k := range args {
		norm[strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(k, "-", "_"), ".", "_"))] = k
	}
	for _, k := range cliVerbKeys {
		if orig, ok := norm[k]; ok {
			if s, ok := args[orig].(string); ok && s != "" && !strings.ContainsAny(s, " \t\n") && s != prog {
				argv = append(argv, kebab(s))
			}
		}
	}
	for _, k := range cliNounKeys {
		if orig, ok := norm[k]; ok {
			if s, ok := args[orig].(string); ok && s != "" && (k == "value" || !strings.ContainsAny(s, " \t\n")) {
				argv = append(argv, s) // a setting's value is one word, spaces and all
			}
		}
	}
	if len(argv) == 1 {
		return ""
	}
	keys := make([]string, 0, len(args))
	for k := range args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		argv = appendScalarFlag(argv, k, args[k])
		switch v := args[k].(type) {
		case string:
			argv = appendTargetFlag(argv, prog, k, v)
			if strings.EqualFold(k, "mode") && v != "" && !strings.ContainsAny(v, " \t\n") {
				argv = append(argv, "--"+strings.ToLower(v))
			}
			if strings.EqualFold(k, "namespace") && v != "" {
				argv = append(argv, "-n", v)
			}
		case map[string]any:
			if cliParamKeys.Get(strings.ToLower(k)) {
				argv = appendParamFlags(argv, v)
			}
		}
	}
	if len(argv) == words && words == 1 {
		return ""
	}
	return quoteArgv(argv)
}

// cliTargetFlags are the options an argument names where the call's
// change lands by (a context, a kubeconfig, an API server, an endpoint,
// an account's profile or region), by the argument's key: the command
// line then carries them, and the reading of where a CLI's change lands
// (effect/targethere.go) judges the call as it judges the command
// (kubectl_delete {context: kind-dev} is kubectl --context kind-dev
// delete; use_aws {endpoint_url: http://localhost:4566} is aws
// --endpoint-url http://localhost:4566).
var cliTargetFlags = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"context": "--context", "kubecontext": "--context", "kubeconfigcontext": "--context", "contextname": "--context",
		"kubeconfig": "--kubeconfig", "kubeconfigpath": "--kubeconfig", "server": "--server", "apiserver": "--server",
		"apiserverurl": "--server", "endpointurl": "--endpoint-url", "endpoint": "--endpoint-url", "profile": "--profile",
		"region": "--region", "cluster": "--cluster", "clustername": "--cluster", "token": "--token", "bearertoken": "--token",
	}
}}

// appendTargetFlag appends the option an argument naming the call's
// target stands for (cliTargetFlags), helm's own spelling of a context
// (--kube-context) for helm.
func appendTargetFlag(argv []string, prog, k, v string) []string {
	flag, ok := cliTargetFlags.Lookup(normKey(k))
	if !ok || v == "" || strings.ContainsAny(v, " \t\n") {
		return argv
	}
	if prog == "helm" && flag == "--context" {
		flag = "--kube-context"
	}
	return append(argv, flag, v)
}

// optionFlag is the long option an argument's key stands for:
// dry_run → --dry-run.
func optionFlag(k string) string { return "--" + strings.ReplaceAll(strings.ToLower(k), "_", "-") }

// appendScalarFlag appends the flag a true or numeric argument stands for
// (force: true → --force, replicas: 0 → --replicas=0); other values
// append nothing.
func appendScalarFlag(argv []string, k string, v any) []string {
	switch v := v.(type) {
	case bool:
		if v {
			argv = append(argv, optionFlag(k))
		}
	case float64:
		argv = append(argv, optionFlag(k)+"="+strconv.FormatFloat(v, 'f', -1, 64))
	}
	return argv
}

// cliParamKeys name an object that holds the operation's own options
// (use_aws {parameters: {name: …, with-decryption: true}}).
var cliParamKeys = table.Map[string, bool]{Words: "parameters params options flags"}

// appendParamFlags appends the options of such an object as flags: a
// true value is the flag alone, a one-word string or a number its value.
func appendParamFlags(argv []string, m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		argv = appendScalarFlag(argv, k, m[k])
		if v, ok := m[k].(string); ok && v != "" && !strings.ContainsAny(v, " \t\n") {
			argv = append(argv, optionFlag(k), v)
		}
	}
	return argv
}

// kebab spells an API operation's name as its CLI verb:
// TerminateInstances → terminate-instances, delete_db_instance →
// delete-db-instance.
func kebab(s string) string {
	if !hasUpperASCII(s) && !strings.Contains(s, "_") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			b.WriteByte('-')
		case c >= 'A' && c <= 'Z':
			if i > 0 && s[i-1] != '_' && s[i-1] != '-' && !(s[i-1] >= 'A' && s[i-1] <= 'Z') {
				b.WriteByte('-')
			}
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// outgoingServer reports whether an MCP server's name says it keeps or
// sends what it is given somewhere others can read it: object stores,
// drives, sheets, chat, mail, issue trackers, HTTP and webhooks.
func outgoingServer(server string) bool {
	for _, w := range ToolWords(server) {
		switch w {
		case "s3", "gcs", "r2", "storage", "drive", "gdrive", "dropbox", "onedrive", "box", "sheets", "sheet", "airtable",
			"webhook", "webhooks", "http", "https", "slack", "discord", "telegram", "email", "gmail", "mail", "smtp",
			"github", "gitlab", "bitbucket", "notion", "linear", "jira", "confluence", "pastebin", "gist", "twitter", "x",
			"analytics", "segment", "mixpanel", "posthog", "amplitude", "telemetry", "sentry", "datadog", "api":
			return true
		}
	}
	return false
}

// outgoingTool reports whether a tool's name says it stores or sends its
// arguments beyond this machine, beside sendsOut's words.
func outgoingTool(tool string) bool {
	for _, w := range ToolWords(tool) {
		switch w {
		case "put", "request", "http", "webhook", "trigger", "invoke", "cells", "cell", "sheet", "sheets", "spreadsheet",
			"row", "rows", "record", "records", "object", "objects", "blob", "upsert", "tweet", "post", "track", "capture",
			"identify", "telemetry":
			return true
		}
	}
	return false
}

// remoteURLIn reports whether any string in an MCP call's arguments is a
// URL of a host other than this machine.
func remoteURLIn(v any, depth int) bool {
	if depth > maxMCPDepth {
		return false
	}
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			if remoteURLIn(e, depth+1) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if remoteURLIn(e, depth+1) {
				return true
			}
		}
	case string:
		if i := strings.Index(x, "://"); i > 0 && i < 12 {
			u, ok := match.ParseURL(x)
			return ok && u.Host != "" && !loopbackHost(u.Host)
		}
	}
	return false
}

// onlyHereURLs reports an object whose string values hold at least one
// URL, and only URLs of this machine.
func onlyHereURLs(x map[string]any) bool {
	here := false
	for _, v := range x {
		if s, ok := v.(string); ok {
			if i := strings.Index(s, "://"); i > 0 && i < 12 {
				u, ok := match.ParseURL(s)
				if !ok || u.Host == "" || !loopbackHost(u.Host) {
					return false
				}
				here = true
			}
		}
	}
	return here && !remoteURLIn(x, 0)
}

// loopbackHost reports a host that is this machine: localhost and the
// loopback addresses.
func loopbackHost(h string) bool {
	return h == "localhost" || strings.HasSuffix(h, ".localhost") || strings.HasPrefix(h, "127.") || h == "::1" || h == "[::1]"
}

// emptyFilterWrite judges a database tool that updates or deletes with an
// empty filter ({"filter": {}}): it touches every document.
func (w *mcpWalk) emptyFilterWrite(args map[string]any) {
	if !w.database() {
		return
	}
	verb := ""
	for _, word := range ToolWords(w.tool) {
		switch word {
		case "update", "delete", "remove", "replace":
			verb = word
		}
	}
	if verb == "" {
		return
	}
	for _, k := range []string{"filter", "query", "where", "selector"} {
		if f, ok := args[k].(map[string]any); ok && len(f) == 0 {
			text := "db.c." + verb + "Many({})"
			if verb == "update" || verb == "replace" {
				text = "db.c.updateMany({}, {})"
			}
			w.ev.judgeSQL(text)
			return
		}
	}
}

// mongoCommands are the database commands an object's key may name
// ({"dropDatabase": 1}, {"drop": "users"}), judged as the shell call.
var mongoCommands = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"dropdatabase": "db.dropDatabase()", "drop": "db.c.drop()", "dropallusersfromdatabase": "db.dropAllUsers()",
		"$out": "db.c.drop()"}
}} // an aggregation's $out replaces its target collection

// databaseCommands judges, for a database tool, the commands an object
// argument spells by its keys: any key when the object is a command, and
// only operators ($out) elsewhere.
func (w *mcpWalk) databaseCommands(x map[string]any, command bool) {
	if !w.database() {
		return
	}
	for k := range x {
		if !command && !strings.HasPrefix(k, "$") {
			continue // a field of a document or filter
		}
		if text, ok := mongoCommands.Lookup(strings.ToLower(k)); ok {
			w.ev.judgeSQL(text)
			return
		}
	}
}

// execShellAndCode judges text typed into a process that may be a shell
// or an interpreter's prompt: as a command line when it parses as one,
// and as code of the tool's language.
func (w *mcpWalk) execShellAndCode(v string) {
	if parsesAsShell(v) {
		w.ev.exec(w.inContainer(v), false, call.ToolExec)
	}
	if !w.ev.denied() {
		w.ev.exec(w.setting+codeLine(w.tool, v), false, call.ToolExec)
	}
}

// deliveryKeyWords are the words of an argument's name that say the service
// delivers to its value: a webhook, a callback, a notification, a forward,
// a phone number's message and call handlers, an alert's target.
var deliveryKeyWords = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"webhook": true, "webhooks": true, "hook": true, "hooks": true, "callback": true,
		"callbacks": true, "notify": true, "notification": true, "notifications": true, "endpoint": true, "destination": true,
		"forward": true, "forwarding": true, "sink": true, "drain": true, "deliver": true, "delivery": true, "mirror": true,
		// what a telephony or alerting service calls with what it receives
		// (sms_url, voice_url, a contact point's or an alert's target)
		"sms": true, "voice": true, "target": true, "postback": true, "contact": true, "alert": true, "alerting": true}
}}

// deliveryKey reports an argument name one of whose words (split at _, -,
// . and camelCase humps) says a delivery: callback_url, notifyUrl,
// webhook, forwardingEmail, destination_conf.
func deliveryKey(k string) bool {
	from := 0
	for i := 0; i <= len(k); i++ {
		if i == len(k) || k[i] == '_' || k[i] == '-' || k[i] == '.' || i > from && k[i] >= 'A' && k[i] <= 'Z' && k[i-1] >= 'a' && k[i-1] <= 'z' {
			if i > from && deliveryKeyWords.Get(strings.ToLower(k[from:i])) {
				return true
			}
			from = i
			if i < len(k) && (k[i] == '_' || k[i] == '-' || k[i] == '.') {
				from = i + 1
			}
		}
	}
	return false
}

// deliveryAddressIn reports an argument named for a delivery (or inside
// one) whose value is an address off this machine: a URL of another host,
// a host and path written without a scheme, or a mailbox mail is
// forwarded to.
func deliveryAddressIn(v any, depth int, key string) bool {
	if depth > maxMCPDepth {
		return false
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			in := key
			if in == "" && deliveryKey(k) {
				in = k
			}
			if deliveryAddressIn(e, depth+1, in) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if deliveryAddressIn(e, depth+1, key) {
				return true
			}
		}
	case string:
		// A cloud resource's name counts only under a delivery key
		// itself (not in any argument of a tool named for one: its role).
		return key != "" && (remoteURLIn(x, depth) || outsideAddress(x, strings.Contains(strings.ToLower(key), "forward")) || key != "*" && resourceName(x))
	}
	return false
}

// resourceName reports a cloud resource's name (an AWS ARN,
// arn:aws:s3:::bucket): given as where a service delivers, a bucket, queue,
// topic or stream that may be anyone's.
func resourceName(s string) bool {
	return strings.HasPrefix(s, "arn:") && strings.Count(s, ":") >= 5 && !strings.ContainsAny(s, " \t\n")
}

// urlPartKeys: a map holding a host under one of hostKeys (or "domain")
// beside one of these is a URL written in parts ({"host":
// "hooks.example.net", "path": "/in"}).
var urlPartKeys = []string{"path", "pathname", "port", "scheme", "protocol", "uri"}

// urlInParts reports a URL written in parts whose host is off this
// machine, anywhere in v.
func urlInParts(v any, depth int) bool {
	if depth > maxMCPDepth {
		return false
	}
	switch x := v.(type) {
	case map[string]any:
		host, parts := "", false
		for k, e := range x {
			k = normKey(k)
			if s, ok := e.(string); ok && (hostKeys.Get(k) || k == "domain") {
				host = s
			}
			parts = parts || slices.Contains(urlPartKeys, k)
		}
		if host != "" && parts && effect.HostElsewhere(host) {
			return true
		}
		for _, e := range x {
			if urlInParts(e, depth+1) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if urlInParts(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// outsideAddress reports a host and path written without a scheme
// (intake.example.net/in), or with mailbox a mailbox (inbox@example.net),
// whose host is not this machine.
func outsideAddress(s string, mailbox bool) bool {
	if strings.ContainsAny(s, " \t\n") || strings.Contains(s, "://") {
		return false
	}
	host := s
	if at := strings.LastIndexByte(s, '@'); at > 0 && mailbox {
		host = s[at+1:]
	} else if sl := strings.IndexByte(s, '/'); sl > 0 {
		host = s[:sl]
	} else {
		return false
	}
	host, _, _ = strings.Cut(host, ":")
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 || loopbackHost(host) {
		return false
	}
	for _, r := range host[dot+1:] {
		if r < 'a' || r > 'z' {
			return false // not a top-level domain: a file name (logs/app.log/x)
		}
	}
	return true
}
