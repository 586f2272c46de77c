package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// What an MCP tool that changes things is pointed at, read from its
// arguments whatever the server: an argument that turns a protection off
// ({"admin_override": true}, {"bypass_rules": true}) is a protection
// bypassed, and an environment argument naming production ({"namespace":
// "production"}, a manifest's "namespace: production" line) makes the
// change production's. Tools that only look are not judged here.

// environmentKeys are the argument names that say where a change is made.
var environmentKeys = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"namespace": true, "environment": true, "env": true, "stage": true, "context": true,
		"cluster": true, "target": true, "workspace": true, "stack": true,
	}
}}

// changesSomething reports whether an MCP tool's name says it changes
// what it names: its verb (mcpchanges.go's toolVerbs) is a changing one.
func changesSomething(tool string) bool {
	return readToolParts(tool).class == verbChange
}

// bypassKey reports an argument name that turns a protection off.
func bypassKey(k string) bool {
	return strings.Contains(k, "override") || strings.Contains(k, "bypass") || k == "admin" ||
		k == "skipchecks" || k == "ignoreprotection" || k == "nochecks"
}

// changeTargets judges an object of a changing tool's arguments: a
// protection turned off, or production named where the change is made.
func (w *mcpWalk) changeTargets(x map[string]any) {
	if !changesSomething(w.tool) || readAction(x) || readToolParts(w.tool).showsOnly() {
		return // kubectl_rollout {subCommand: status} only looks
	}
	for k, v := range x {
		key := strings.ToLower(keySeparators.Replace(k))
		switch v := v.(type) {
		case bool:
			if v && bypassKey(key) {
				s := subject{tool: "destroy", text: k + " set through " + w.tool, effect: "destroy:remote"}
				w.ev.judge(&s)
				return
			}
		case string:
			if environmentKeys.Get(key) && effect.NamesProduction(v) {
				s := subject{tool: "destroy", text: w.tool + " with " + k + " " + v, effect: "destroy:production"}
				w.ev.judge(&s)
				return
			}
			if p := manifestProduction(v); p != "" {
				s := subject{tool: "destroy", text: w.tool + " with a manifest in " + p, effect: "destroy:production"}
				w.ev.judge(&s)
				return
			}
		}
	}
}

// manifestProduction returns the value of a manifest's namespace or
// environment line ("  namespace: production") when it names production.
func manifestProduction(text string) string {
	if len(text) > 1<<16 || !strings.Contains(text, "\n") {
		return ""
	}
	for line := range strings.SplitSeq(text, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		k = strings.Trim(k, `"' `)
		if k != "namespace" && k != "environment" && k != "env" {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"',`)
		if effect.NamesProduction(v) {
			return v
		}
	}
	return ""
}
