package main

// A verb is one word of the rampart CLI and the binary that owns it.
type verb struct {
	name string
	// usage is the verb with its arguments, as rampart help shows it
	// (name alone when empty).
	usage string
	// bin is the binary that owns the verb.
	bin string
	// prefix is put before the user's arguments: "setup" for
	// rampart setup → rampart-hook setup.
	prefix []string
	// sub, when set, lists the only words accepted after the verb; each
	// becomes the binary's own verb (rampart policy check → rampart-eval check).
	sub []string
	// subSummary describes each word of sub, in the same order.
	subSummary []string
	// summary is the one line shown by rampart help.
	summary string
}

// verbs is the rampart CLI, in the order rampart help shows it.
var verbs = []verb{
	{name: "setup", usage: "setup AGENT", bin: "rampart-hook", prefix: []string{"setup"}, summary: "install the hook into an agent (--remove undoes it)"},
	{name: "hook", bin: "rampart-hook", summary: "answer one agent hook call on stdin"},
	{name: "wrap", usage: "wrap -- AGENT...", bin: "rampart-shell", prefix: []string{"wrap"}, summary: "run an agent with $SHELL set to the shell shim"},
	{name: "preload", usage: "preload -- AGENT...", bin: "rampart-shell", prefix: []string{"preload"}, summary: "run an agent with librampart.so preloaded"},
	{name: "shell", usage: "shell -c CMD", bin: "rampart-shell", summary: "the $SHELL shim itself"},
	{name: "mcp", usage: "mcp -- SERVER...", bin: "rampart-mcp", summary: "proxy an MCP server over stdio"},
	{name: "init", usage: "init --profile P", bin: "rampart-eval", prefix: []string{"init"}, summary: "write a policy profile out to edit"},
	{name: "eval", bin: "rampart-eval", summary: "decide calls: JSONL on stdin, decisions on stdout"},
	{name: "policy", bin: "rampart-eval", sub: []string{"check", "explain", "test"}, summary: "check, explain or test a policy", subSummary: []string{
		"load a policy and report errors at file:line:col",
		"show which rule decides a call, and why",
		"run a policy's inline tests",
	}},
	{name: "serve", bin: "rampart-serve", summary: "run the HTTP API and approval queue"},
	{name: "pending", bin: "rampart-serve", prefix: []string{"pending"}, summary: "list calls waiting for approval"},
	{name: "approve", usage: "approve ID", bin: "rampart-serve", prefix: []string{"approve"}, summary: "approve a pending call"},
	{name: "deny", usage: "deny ID", bin: "rampart-serve", prefix: []string{"deny"}, summary: "deny a pending call"},
	{name: "audit", bin: "rampart-audit", sub: []string{"tail", "verify", "stats", "search", "checkpoint", "export"}, summary: "read, verify and search the audit trail", subSummary: []string{
		"print the latest records (--follow to keep going)",
		"check the hash chain, naming the first bad line",
		"count calls by decision, tool and policy",
		"find records by decision, tool, agent or text",
		"sign the chain's current head",
		"send the records to a syslog or OpenTelemetry collector",
	}},
	{name: "watch", bin: "rampart-watch", summary: "live dashboard of the audit trail"},
	{name: "version", summary: "print the version of rampart and of each binary"},
	{name: "help", usage: "help [VERB]", summary: "show this list, or a verb's own flags"},
}

// binaries are the programs rampart runs, in the order rampart version
// reports them.
var binaries = []string{
	"rampart-eval", "rampart-hook", "rampart-shell", "rampart-mcp",
	"rampart-serve", "rampart-audit", "rampart-watch",
}

// lookupVerb returns the verb called name.
func lookupVerb(name string) (verb, bool) {
	for _, v := range verbs {
		if v.name == name {
			return v, true
		}
	}
	return verb{}, false
}

// target is what a command line resolves to: a binary and its arguments
// (without argv[0]).
type target struct {
	bin  string
	args []string
	// verb is the word the user typed.
	verb string
	// external is true for a rampart-VERB command outside the table.
	external bool
}
