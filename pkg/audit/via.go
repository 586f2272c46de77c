package audit

// The adapters that write audit records, each by the name it records in
// `via`: its binary's name, so `rampart-audit search -via rampart-serve` finds
// what rampart-serve decided. librampart's calls are decided by rampart-eval
// and recorded as rampart-eval.
const (
	ViaEval  = "rampart-eval"
	ViaHook  = "rampart-hook"
	ViaShell = "rampart-shell"
	ViaMCP   = "rampart-mcp"
	ViaServe = "rampart-serve"
)

// Adapters lists the adapter names, in the order of the table above.
var Adapters = []string{ViaEval, ViaHook, ViaShell, ViaMCP, ViaServe}

// oldVia gives the names of today for the short names records written before the names were made
// one (hook, mcp, serve) carry to today's. A record's bytes are never
// rewritten (its hash covers them); readers compare through AdapterName.
func oldVia(via string) (name string, ok bool) {
	switch via {
	case "eval":
		return ViaEval, true
	case "hook":
		return ViaHook, true
	case "shell":
		return ViaShell, true
	case "mcp":
		return ViaMCP, true
	case "serve":
		return ViaServe, true
	}
	return "", false
}

// AdapterName returns the adapter name for a record's via, mapping old
// short names to today's; other values are returned as they are.
func AdapterName(via string) string {
	if n, ok := oldVia(via); ok {
		return n
	}
	return via
}
